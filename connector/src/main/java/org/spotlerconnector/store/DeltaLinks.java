package org.spotlerconnector.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Change-tracking positions per Dataverse table: during the initial load a resume point, afterwards the delta link.
 * Save a position only once what was read up to it is durable, e.g. in the same {@link Store#inTransaction} as the
 * {@link OutboundQueue#enqueue} of its changes. Thread-safe.
 */
public final class DeltaLinks {
  private static final String COLUMNS = "table_name, delta_link, resume_point, initial_load_done, saved_at";
  private static final String UPSERT =
      """
      INSERT INTO delta_links (connection_id, table_name, delta_link, resume_point, initial_load_done, saved_at)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (connection_id, table_name) DO UPDATE SET
          delta_link = excluded.delta_link,
          resume_point = excluded.resume_point,
          initial_load_done = excluded.initial_load_done,
          saved_at = excluded.saved_at
      """;

  private final JdbcRunner jdbc;
  private final Clock clock;

  DeltaLinks(JdbcRunner jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The saved state of one table; empty when its initial load never started (or was {@linkplain #reset}). */
  public Optional<DeltaLinkState> find(String connectionId, String tableName) {
    Require.notBlank(tableName, "tableName");
    String sql = "SELECT " + COLUMNS + " FROM delta_links WHERE connection_id = ? AND table_name = ?";
    return query(connectionId, sql, tableName).stream().findFirst();
  }

  /** Every table's state of this connection, by table name. */
  public List<DeltaLinkState> findAll(String connectionId) {
    String sql = "SELECT " + COLUMNS + " FROM delta_links WHERE connection_id = ? ORDER BY table_name";
    return query(connectionId, sql, null);
  }

  /** The initial load is in progress and can resume from {@code resumePoint}; any delta link is dropped. */
  public void saveResumePoint(String connectionId, String tableName, String resumePoint) {
    Require.notBlank(resumePoint, "resumePoint");
    save(connectionId, tableName, null, resumePoint, false);
  }

  /** The initial load is done (or a delta poll finished): changes continue from {@code deltaLink}. */
  public void saveDeltaLink(String connectionId, String tableName, String deltaLink) {
    Require.notBlank(deltaLink, "deltaLink");
    save(connectionId, tableName, deltaLink, null, true);
  }

  /** Forgets the table's position, so the next sync loads it from the start (e.g. after Dataverse expired the link). */
  public void reset(String connectionId, String tableName) {
    Require.notBlank(connectionId, "connectionId");
    Require.notBlank(tableName, "tableName");
    jdbc.write(
        "reset a delta link",
        connectionId,
        connection -> {
          String sql = "DELETE FROM delta_links WHERE connection_id = ? AND table_name = ?";
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, connectionId);
            statement.setString(2, tableName);
            return statement.executeUpdate();
          }
        });
  }

  private void save(
      String connectionId, String tableName, String deltaLink, String resumePoint, boolean initialLoadDone) {
    Require.notBlank(connectionId, "connectionId");
    Require.notBlank(tableName, "tableName");
    jdbc.write(
        "save a delta link",
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setString(1, connectionId);
            statement.setString(2, tableName);
            statement.setString(3, deltaLink);
            statement.setString(4, resumePoint);
            statement.setBoolean(5, initialLoadDone);
            statement.setLong(6, clock.millis());
            return statement.executeUpdate();
          }
        });
  }

  private List<DeltaLinkState> query(String connectionId, String sql, String tableName) {
    Require.notBlank(connectionId, "connectionId");
    return jdbc.read(
        "read delta links",
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, connectionId);
            if (tableName != null) {
              statement.setString(2, tableName);
            }
            return readAll(statement);
          }
        });
  }

  private static List<DeltaLinkState> readAll(PreparedStatement statement) throws SQLException {
    List<DeltaLinkState> states = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        states.add(
            new DeltaLinkState(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getBoolean(4),
                Instant.ofEpochMilli(rows.getLong(5))));
      }
    }
    return states;
  }
}
