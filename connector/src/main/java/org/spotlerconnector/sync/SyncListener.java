package org.spotlerconnector.sync;

import org.spotlerconnector.mapping.SourceTable;

/** Progress of the outbound sync, for a progress bar, logs or metrics. Called from the sync's threads. */
public interface SyncListener {
  SyncListener NONE = new SyncListener() {};

  /** A table's initial load started (again, after a restart or an expired delta link). */
  default void initialLoadStarted(SourceTable table) {}

  /** Rows of a table were read from Dataverse and queued (or found unchanged). */
  default void rowsRead(SourceTable table, int rows, int queued) {}

  /** A table's initial load has read its last page; from now on only deltas are read. */
  default void initialLoadFinished(SourceTable table) {}

  /** Queued changes of a table were finished: sent, removed, unchanged, or rejected and parked for a person. */
  default void changesFinished(SourceTable table, int sent, int removed, int unchanged, int rejected) {}
}
