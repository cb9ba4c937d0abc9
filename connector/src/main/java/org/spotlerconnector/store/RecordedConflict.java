package org.spotlerconnector.store;

import java.util.Objects;

/**
 * A conflict as the store keeps it.
 *
 * @param id grows in the order conflicts were recorded; an administrator can refer to a conflict by it
 */
public record RecordedConflict(long id, SyncConflict conflict) {
  public RecordedConflict {
    Objects.requireNonNull(conflict, "conflict cannot be null");
  }
}
