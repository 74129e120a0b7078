package org.postroom.service.directory;

/** An import was queued (started or resumed); its batch job starts once this has committed. */
public record ImportQueued(long importId) {}
