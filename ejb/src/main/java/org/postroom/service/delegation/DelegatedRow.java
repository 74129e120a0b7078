package org.postroom.service.delegation;

import java.io.Serializable;

/** One mailbox in the domain administrator's list. */
public record DelegatedRow(
    String address, String ownerName, boolean forwarding, boolean vacationSet)
    implements Serializable {}
