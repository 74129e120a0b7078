package org.postroom.service.directory;

import java.io.Serializable;
import java.util.List;

/** A rejected line of an import: its line number, registry id and reason (a key and arguments). */
public record ImportRejection(int line, String registryId, String key, List<String> args)
    implements Serializable {}
