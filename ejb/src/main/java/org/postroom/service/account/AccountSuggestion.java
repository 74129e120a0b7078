package org.postroom.service.account;

import java.io.Serializable;
import org.postroom.domain.account.AccountType;

/** One account as offered in a member picker: enough to choose, nothing more. */
public record AccountSuggestion(String username, String displayName, AccountType type)
    implements Serializable {}
