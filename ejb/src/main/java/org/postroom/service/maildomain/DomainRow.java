package org.postroom.service.maildomain;

import java.io.Serializable;
import org.postroom.domain.maildomain.AddressScheme;

/** A domain in the administrator's list: its name, language, address scheme and size. */
public record DomainRow(
    String name, String defaultLanguage, AddressScheme addressScheme, long mailboxes)
    implements Serializable {}
