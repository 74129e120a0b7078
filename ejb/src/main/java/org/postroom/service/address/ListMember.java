package org.postroom.service.address;

import java.io.Serializable;

/**
 * One member of a list, as its owners' page shows it.
 *
 * @param external the address is outside every domain Postroom serves
 */
public record ListMember(String address, boolean external) implements Serializable {}
