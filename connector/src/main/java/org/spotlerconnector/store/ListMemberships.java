package org.spotlerconnector.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The membership of each synced marketing list as last synced to its Spotler audience: per member (its row id, the
 * Spotler externalId) whether it is in the audience, or could not be synced to Spotler. Record a change only once
 * Spotler accepted the call that made it, so that after a failure the next sync finds the same difference. Bulk
 * methods run as one transaction, rows in key order. Thread-safe.
 */
public final class ListMemberships {
  private static final String UPSERT =
      """
      INSERT INTO list_members (connection_id, list_id, member_id, in_audience) VALUES (?, ?, ?, ?)
      ON CONFLICT (connection_id, list_id, member_id) DO UPDATE SET in_audience = excluded.in_audience
      """;

  private final JdbcRunner jdbc;

  ListMemberships(JdbcRunner jdbc) {
    this.jdbc = jdbc;
  }

  /** The list's synced members: member id to whether it is in the audience (false: it was not in Spotler). */
  public Map<String, Boolean> find(String connectionId, String listId) {
    Require.notBlank(connectionId, "connectionId");
    Require.notBlank(listId, "listId");
    return jdbc.read(
        "read a list's synced members",
        connectionId,
        connection -> {
          String sql = "SELECT member_id, in_audience FROM list_members WHERE connection_id = ? AND list_id = ?";
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, connectionId);
            statement.setString(2, listId);
            Map<String, Boolean> members = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                members.put(rows.getString(1), rows.getBoolean(2));
              }
            }
            return members;
          }
        });
  }

  /** These members are in the audience now: Spotler accepted their addition. */
  public void added(String connectionId, String listId, Collection<String> memberIds) {
    upsert(connectionId, listId, memberIds, true, "record members added to an audience");
  }

  /** These members are on the list but not in Spotler, so not in the audience. */
  public void notInSpotler(String connectionId, String listId, Collection<String> memberIds) {
    upsert(connectionId, listId, memberIds, false, "record list members not in Spotler");
  }

  /** These members are off the list and, if they were in it, out of the audience: Spotler accepted their removal. */
  public void removed(String connectionId, String listId, Collection<String> memberIds) {
    Require.notBlank(connectionId, "connectionId");
    Require.notBlank(listId, "listId");
    String sql = "DELETE FROM list_members WHERE connection_id = ? AND list_id = ? AND member_id = ?";
    jdbc.write(
        "record members removed from an audience",
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int rows = 0;
            for (String memberId : new TreeSet<>(memberIds)) {
              statement.setString(1, connectionId);
              statement.setString(2, listId);
              statement.setString(3, memberId);
              Batches.add(statement, ++rows);
            }
            statement.executeBatch();
          }
          return null;
        });
  }

  private void upsert(
      String connectionId, String listId, Collection<String> memberIds, boolean inAudience, String operation) {
    Require.notBlank(connectionId, "connectionId");
    Require.notBlank(listId, "listId");
    jdbc.write(
        operation,
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            int rows = 0;
            for (String memberId : new TreeSet<>(memberIds)) {
              statement.setString(1, connectionId);
              statement.setString(2, listId);
              statement.setString(3, Require.notBlank(memberId, "memberId"));
              statement.setBoolean(4, inAudience);
              Batches.add(statement, ++rows);
            }
            statement.executeBatch();
          }
          return null;
        });
  }
}
