package org.postroom.service.directory;

import java.io.Serializable;
import org.postroom.domain.account.AccountState;
import org.postroom.domain.account.AccountType;

/**
 * One line of the helpdesk's account search: who, which kind, in which state, and their own
 * address.
 */
public record AccountRow(
    String username, String displayName, AccountType type, AccountState state, String address)
    implements Serializable {}
