package org.postroom.domain.address;

/**
 * Who may send to a distribution list, by the envelope sender Postfix sees: anyone; its members
 * (and its owners); its owners only.
 */
public enum SendPolicy {
  ANYONE,
  MEMBERS,
  OWNERS
}
