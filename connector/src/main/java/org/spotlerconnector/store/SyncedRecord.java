package org.spotlerconnector.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * The Spotler field values last synced for one Dataverse record: what both sides agreed on. Create one with
 * {@link #of}, which computes the hash.
 *
 * @param values the mapped Spotler fields, as a JSON object; do not modify it
 * @param valuesHash a hash of {@code values} that ignores property order
 * @param syncedAt stored to the millisecond
 */
public record SyncedRecord(
    String tableName, String recordId, ObjectNode values, String valuesHash, Instant syncedAt) {

  public SyncedRecord {
    Require.notBlank(tableName, "tableName");
    Require.notBlank(recordId, "recordId");
    Objects.requireNonNull(values, "values cannot be null");
    Require.notBlank(valuesHash, "valuesHash");
    Objects.requireNonNull(syncedAt, "syncedAt cannot be null");
  }

  public static SyncedRecord of(String tableName, String recordId, ObjectNode values, Instant syncedAt) {
    ObjectNode copy = values.deepCopy();
    return new SyncedRecord(tableName, recordId, copy, StoredJson.hash(copy), syncedAt);
  }

  /** Whether {@code candidate} holds the same values, so the record need not be sent again. */
  public boolean hasSameValues(ObjectNode candidate) {
    return valuesHash.equals(StoredJson.hash(candidate));
  }
}
