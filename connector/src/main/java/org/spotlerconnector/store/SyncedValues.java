package org.spotlerconnector.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values last synced per record: the outbound flow skips a record whose mapped values did not change, and the
 * inbound flow merges against them (the base of a three-way merge). Bulk methods run as one transaction. Thread-safe.
 */
public final class SyncedValues {
  private static final String UPSERT =
      """
      INSERT INTO synced_values (connection_id, table_name, record_id, field_values, values_hash, synced_at)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (connection_id, table_name, record_id) DO UPDATE SET
          field_values = excluded.field_values,
          values_hash = excluded.values_hash,
          synced_at = excluded.synced_at
      """;

  private static final Comparator<SyncedRecord> KEY_ORDER =
      Comparator.comparing(SyncedRecord::tableName).thenComparing(SyncedRecord::recordId);

  private final JdbcRunner jdbc;
  private final Dialect dialect;

  SyncedValues(JdbcRunner jdbc, Dialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  /** Stores these records' values, replacing what was stored for them. */
  public void put(String connectionId, Collection<SyncedRecord> records) {
    Require.notBlank(connectionId, "connectionId");
    jdbc.write(
        "store synced values",
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            int rows = 0;
            for (SyncedRecord record : Batches.inKeyOrder(records, KEY_ORDER)) {
              statement.setString(1, connectionId);
              statement.setString(2, record.tableName());
              statement.setString(3, record.recordId());
              statement.setString(4, StoredJson.write(record.values()));
              statement.setString(5, record.valuesHash());
              statement.setLong(6, record.syncedAt().toEpochMilli());
              Batches.add(statement, ++rows);
            }
            statement.executeBatch();
          }
          return null;
        });
  }

  public Optional<SyncedRecord> get(String connectionId, String tableName, String recordId) {
    Require.notBlank(recordId, "recordId");
    return Optional.ofNullable(get(connectionId, tableName, List.of(recordId)).get(recordId));
  }

  /** The stored values of these records of one table, keyed by record id; records never synced are absent. */
  public Map<String, SyncedRecord> get(String connectionId, String tableName, Collection<String> recordIds) {
    Require.notBlank(connectionId, "connectionId");
    Require.notBlank(tableName, "tableName");
    return jdbc.read(
        "read synced values",
        connectionId,
        connection -> {
          Map<String, SyncedRecord> found = new HashMap<>();
          for (List<String> chunk : Batches.chunks(recordIds, dialect.maxAnyOf())) {
            String sql =
                "SELECT table_name, record_id, field_values, values_hash, synced_at FROM synced_values"
                    + " WHERE connection_id = ? AND table_name = ? AND " + dialect.isAnyOf("record_id", chunk.size());
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
              statement.setString(1, connectionId);
              statement.setString(2, tableName);
              dialect.bindAnyOf(statement, 3, chunk);
              readInto(statement, found);
            }
          }
          return found;
        });
  }

  /** Forgets these records' values (if any). */
  public void delete(String connectionId, String tableName, Collection<String> recordIds) {
    Batches.deleteRecords(jdbc, "synced_values", "delete synced values", connectionId, tableName, recordIds);
  }

  private static void readInto(PreparedStatement statement, Map<String, SyncedRecord> found) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        SyncedRecord record =
            new SyncedRecord(
                rows.getString(1),
                rows.getString(2),
                StoredJson.read(rows.getString(3)),
                rows.getString(4),
                Instant.ofEpochMilli(rows.getLong(5)));
        found.put(record.recordId(), record);
      }
    }
  }
}
