package org.spotlerconnector.dataverse;

/**
 * A CreateMultiple/UpdateMultiple/UpsertMultiple split into chunks failed after some chunks were written. Each chunk
 * is one transaction on standard tables (dataverse-api.md §2.8): the chunks before the failing one were written, the
 * failing chunk was rolled back as a whole (or, for an {@link OutcomeUnknownException} cause, may have been written),
 * and the rest were not sent. When the first chunk fails, its exception is thrown as is instead.
 */
public class BulkWriteException extends RuntimeException {
  private final int committedTargets;

  public BulkWriteException(int committedTargets, RuntimeException cause) {
    super(committedTargets + " targets were written before a chunk failed: " + cause.getMessage(), cause);
    this.committedTargets = committedTargets;
  }

  /** Targets written by the chunks before the failing one, counted from the start of the list. */
  public int committedTargets() {
    return committedTargets;
  }
}
