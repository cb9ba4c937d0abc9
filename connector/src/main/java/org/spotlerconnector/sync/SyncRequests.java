package org.spotlerconnector.sync;

import java.util.List;
import org.spotlerconnector.mapping.SourceTable;

/**
 * Where changed records go when {@code sync.outbound.onChange} is {@code job}: one Sync Contact job each, which the job
 * worker runs like any other (the incumbent's "Create Spotler Job" workflows).
 */
@FunctionalInterface
public interface SyncRequests {
  /** Used when changes are not turned into jobs; asking it for one is a programming error. */
  SyncRequests NONE = (table, recordIds) -> {
    throw new IllegalStateException("no Sync Contact job table to create jobs in");
  };

  /** Creates a Sync Contact job for each record; done when the jobs are stored in Dataverse. */
  void request(SourceTable table, List<String> recordIds);
}
