package org.spotlerconnector.sandbox.dataverse.batch;

import java.util.List;

/** What one top-level entry of a batch produced, in the shape it takes in the response. */
sealed interface BatchOutcome {

  boolean failed();

  /** One {@code application/http} part: a single request's answer, or the error that rolled back a change set. */
  record Single(PartResponse part) implements BatchOutcome {
    @Override
    public boolean failed() {
      return part.failed();
    }
  }

  /** A change set that committed: a nested {@code multipart/mixed} with one answer per request. */
  record CommittedChangeSet(List<PartResponse> parts) implements BatchOutcome {
    @Override
    public boolean failed() {
      return false;
    }
  }
}
