package org.postroom.service.directory;

import jakarta.ejb.ApplicationException;

/**
 * Another job has applied these lines of the import meanwhile (it was resumed elsewhere while this
 * one was thought dead): this job's chunk is rolled back and the job ends, the other goes on.
 */
@ApplicationException(rollback = true)
public class ImportTakenOverException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ImportTakenOverException(long importId) {
    super("registry import " + importId + " is being applied by another job");
  }
}
