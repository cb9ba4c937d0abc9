package org.spotlerconnector.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The marketing lists being synced to Spotler audiences, with the name each audience was last given. {@link #remove}
 * also forgets the list's synced membership ({@link ListMemberships}). Thread-safe.
 */
public final class ListAudiences {
  private static final String UPSERT =
      """
      INSERT INTO list_audiences (connection_id, list_id, audience_name, synced_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (connection_id, list_id) DO UPDATE SET
          audience_name = excluded.audience_name,
          synced_at = excluded.synced_at
      """;

  private final JdbcRunner jdbc;

  ListAudiences(JdbcRunner jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<ListAudience> find(String connectionId, String listId) {
    Require.notBlank(listId, "listId");
    return query(connectionId, "AND list_id = ?", listId).stream().findFirst();
  }

  /** Every list being synced, in list id order. */
  public List<ListAudience> findAll(String connectionId) {
    return query(connectionId, "", null);
  }

  public void save(String connectionId, ListAudience list) {
    Require.notBlank(connectionId, "connectionId");
    Objects.requireNonNull(list, "list cannot be null");
    jdbc.write(
        "save a synced list",
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setString(1, connectionId);
            statement.setString(2, list.listId());
            statement.setString(3, list.audienceName());
            statement.setLong(4, list.syncedAt().toEpochMilli());
            return statement.executeUpdate();
          }
        });
  }

  /** Stops syncing a list: forgets it and its synced membership, in one transaction. */
  public void remove(String connectionId, String listId) {
    Require.notBlank(connectionId, "connectionId");
    Require.notBlank(listId, "listId");
    jdbc.write(
        "forget a synced list",
        connectionId,
        connection -> {
          for (String table : new String[] {"list_members", "list_audiences"}) {
            String sql = "DELETE FROM " + table + " WHERE connection_id = ? AND list_id = ?";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
              statement.setString(1, connectionId);
              statement.setString(2, listId);
              statement.executeUpdate();
            }
          }
          return null;
        });
  }

  private List<ListAudience> query(String connectionId, String condition, String listId) {
    Require.notBlank(connectionId, "connectionId");
    String sql = "SELECT list_id, audience_name, synced_at FROM list_audiences WHERE connection_id = ? " + condition
        + " ORDER BY list_id";
    return jdbc.read(
        "read synced lists",
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, connectionId);
            if (listId != null) {
              statement.setString(2, listId);
            }
            List<ListAudience> lists = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                lists.add(new ListAudience(
                    rows.getString(1), rows.getString(2), Instant.ofEpochMilli(rows.getLong(3))));
              }
            }
            return lists;
          }
        });
  }
}
