package org.postroom.service.alumni;

import java.io.Serializable;

/**
 * What the caller may do about an alumni address: order {@code address} ({@code eligible}), or why
 * not ({@code reason}, a message key), or the one they hold ({@code ordered}).
 */
public record AlumniOffer(boolean eligible, String address, String reason, boolean ordered)
    implements Serializable {}
