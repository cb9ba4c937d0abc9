package org.spotlerconnector.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A change to put on the {@link OutboundQueue}.
 *
 * @param tableName the Dataverse table's logical name, e.g. {@code contact}
 * @param recordId the Dataverse row id
 * @param changedAt when the change happened (Dataverse {@code modifiedon}, or when it was seen); among changes of one
 *     record the latest wins. Stored to the millisecond.
 * @param payload what to send for this change (the mapped Spotler values of an upsert), or null when the kind says it
 */
public record RecordChange(String tableName, String recordId, ChangeKind kind, Instant changedAt, ObjectNode payload) {
  public RecordChange(String tableName, String recordId, ChangeKind kind, Instant changedAt) {
    this(tableName, recordId, kind, changedAt, null);
  }

  public RecordChange {
    Require.notBlank(tableName, "tableName");
    Require.notBlank(recordId, "recordId");
    Objects.requireNonNull(kind, "kind cannot be null");
    Objects.requireNonNull(changedAt, "changedAt cannot be null");
  }
}
