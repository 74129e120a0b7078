package org.postroom.service.directory;

import java.io.Serializable;
import java.util.List;

/**
 * One run of an import's batch job: the file's lines, where this run began and how far it got, and
 * who started the import (the actor of every change it makes).
 */
public final class ImportRun implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long importId;
  private final List<ImportLine> lines;
  private final String actor;
  private int processed;
  private String failure;

  ImportRun(long importId, List<ImportLine> lines, int processed, String actor) {
    this.importId = importId;
    this.lines = List.copyOf(lines);
    this.processed = processed;
    this.actor = actor;
  }

  public long importId() {
    return importId;
  }

  public List<ImportLine> lines() {
    return lines;
  }

  public String actor() {
    return actor;
  }

  /** Lines of the import applied so far (by every run). */
  public int processed() {
    return processed;
  }

  void advance(int lineCount) {
    processed += lineCount;
  }

  public String failure() {
    return failure;
  }

  public void failed(String why) {
    failure = why;
  }
}
