package org.spotlerconnector.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The conflicts the two-way sync resolved, kept for administrators: which field of which record both sides changed,
 * all three values and which side won by which rule. They hold personal data, so they belong here, never in logs.
 * Thread-safe.
 */
public final class Conflicts {
  private static final String INSERT =
      """
      INSERT INTO sync_conflicts (connection_id, table_name, record_id, field, base_value, dynamics_value,
          spotler_value, winner, rule, detected_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String RECENT =
      """
      SELECT id, table_name, record_id, field, base_value, dynamics_value, spotler_value, winner, rule, detected_at
      FROM sync_conflicts WHERE connection_id = ? ORDER BY id DESC LIMIT ?
      """;

  private final JdbcRunner jdbc;

  Conflicts(JdbcRunner jdbc) {
    this.jdbc = jdbc;
  }

  /** Records these conflicts, in the given order, as one transaction. */
  public void record(String connectionId, Collection<SyncConflict> conflicts) {
    Require.notBlank(connectionId, "connectionId");
    jdbc.write(
        "record sync conflicts",
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            int rows = 0;
            for (SyncConflict conflict : conflicts) {
              statement.setString(1, connectionId);
              statement.setString(2, conflict.tableName());
              statement.setString(3, conflict.recordId());
              statement.setString(4, conflict.field());
              statement.setString(5, StoredJson.write(conflict.base()));
              statement.setString(6, StoredJson.write(conflict.dynamics()));
              statement.setString(7, StoredJson.write(conflict.spotler()));
              statement.setString(8, conflict.winner());
              statement.setString(9, conflict.rule());
              statement.setLong(10, conflict.detectedAt().toEpochMilli());
              Batches.add(statement, ++rows);
            }
            statement.executeBatch();
          }
          return null;
        });
  }

  /** The {@code limit} most recently recorded conflicts of this connection, newest first. */
  public List<RecordedConflict> recent(String connectionId, int limit) {
    Require.notBlank(connectionId, "connectionId");
    Require.positive(limit, "limit");
    return jdbc.read(
        "list sync conflicts",
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(RECENT)) {
            statement.setString(1, connectionId);
            statement.setInt(2, limit);
            return readAll(statement);
          }
        });
  }

  /** How many conflicts this connection has recorded. */
  public long count(String connectionId) {
    Require.notBlank(connectionId, "connectionId");
    return jdbc.read(
        "count sync conflicts",
        connectionId,
        connection -> {
          String sql = "SELECT COUNT(*) FROM sync_conflicts WHERE connection_id = ?";
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, connectionId);
            try (ResultSet rows = statement.executeQuery()) {
              rows.next();
              return rows.getLong(1);
            }
          }
        });
  }

  private static List<RecordedConflict> readAll(PreparedStatement statement) throws SQLException {
    List<RecordedConflict> conflicts = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        conflicts.add(
            new RecordedConflict(
                rows.getLong(1),
                new SyncConflict(
                    rows.getString(2),
                    rows.getString(3),
                    rows.getString(4),
                    StoredJson.readValue(rows.getString(5)),
                    StoredJson.readValue(rows.getString(6)),
                    StoredJson.readValue(rows.getString(7)),
                    rows.getString(8),
                    rows.getString(9),
                    Instant.ofEpochMilli(rows.getLong(10)))));
      }
    }
    return conflicts;
  }
}
