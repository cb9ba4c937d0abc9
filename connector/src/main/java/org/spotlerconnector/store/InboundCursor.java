package org.spotlerconnector.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each Spotler changes feed (e.g. {@code /contact/updates/list}) was read up to: the end of the last window
 * read. The next window starts somewhat before it, so the windows overlap and a late change is still seen. Save an end
 * only once what was read up to it is durable, e.g. in the same {@link Store#inTransaction} as the synced values the
 * window produced. Thread-safe.
 */
public final class InboundCursor {
  // A node that finished an older window after another node finished a newer one must not take the cursor back.
  private static final String UPSERT =
      """
      INSERT INTO inbound_cursor (connection_id, feed, window_end) VALUES (?, ?, ?)
      ON CONFLICT (connection_id, feed) DO UPDATE SET window_end = excluded.window_end
      WHERE excluded.window_end > inbound_cursor.window_end
      """;

  private final JdbcRunner jdbc;

  InboundCursor(JdbcRunner jdbc) {
    this.jdbc = jdbc;
  }

  /** The end of the last window read from {@code feed}; empty when the feed was never read. */
  public Optional<Instant> windowEnd(String connectionId, String feed) {
    Require.notBlank(connectionId, "connectionId");
    Require.notBlank(feed, "feed");
    return jdbc.read(
        "read the inbound cursor",
        connectionId,
        connection -> {
          String sql = "SELECT window_end FROM inbound_cursor WHERE connection_id = ? AND feed = ?";
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, connectionId);
            statement.setString(2, feed);
            try (ResultSet rows = statement.executeQuery()) {
              return rows.next() ? Optional.of(Instant.ofEpochMilli(rows.getLong(1))) : Optional.empty();
            }
          }
        });
  }

  /**
   * Records that {@code feed} was read up to {@code windowEnd} (stored to the millisecond). An end before the saved one
   * changes nothing: the cursor never moves backwards.
   */
  public void save(String connectionId, String feed, Instant windowEnd) {
    Require.notBlank(connectionId, "connectionId");
    Require.notBlank(feed, "feed");
    Objects.requireNonNull(windowEnd, "windowEnd cannot be null");
    jdbc.write(
        "save the inbound cursor",
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setString(1, connectionId);
            statement.setString(2, feed);
            statement.setLong(3, windowEnd.toEpochMilli());
            return statement.executeUpdate();
          }
        });
  }
}
