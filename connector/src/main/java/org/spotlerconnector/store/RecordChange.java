package org.spotlerconnector.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A change to put on the {@link OutboundQueue}.
 *
 * @param tableName the Dataverse table's logical name, e.g. {@code contact}
 * @param recordId the Dataverse row id
 * @param changedAt when the change happened (Dataverse {@code modifiedon}, or when it was seen); among changes of one
 *     record the latest wins. Stored to the millisecond.
 */
public record RecordChange(String tableName, String recordId, ChangeKind kind, Instant changedAt) {
  public RecordChange {
    Require.notBlank(tableName, "tableName");
    Require.notBlank(recordId, "recordId");
    Objects.requireNonNull(kind, "kind cannot be null");
    Objects.requireNonNull(changedAt, "changedAt cannot be null");
  }
}
