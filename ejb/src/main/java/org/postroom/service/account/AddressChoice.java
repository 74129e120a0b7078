package org.postroom.service.account;

import java.io.Serializable;

/**
 * Whether the caller is to choose their own address: in {@code domain}, at most {@code maxLength}
 * characters before the @ ({@code open}); the one they chose ({@code chosen}); or neither, when
 * their domain gives addresses itself.
 */
public record AddressChoice(boolean open, String domain, int maxLength, String chosen)
    implements Serializable {

  static AddressChoice none() {
    return new AddressChoice(false, null, 0, null);
  }
}
