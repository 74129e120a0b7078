package org.postroom.service.navigation;

import java.io.Serializable;

/**
 * What the menu of every page needs to know of the signed-in person: their name, and which pages
 * that not everyone can use are theirs.
 */
public record Menu(
    String name,
    boolean alumniOffered,
    boolean addressToChoose,
    boolean requestsOpen,
    boolean ownsLists)
    implements Serializable {}
