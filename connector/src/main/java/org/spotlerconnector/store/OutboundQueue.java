package org.spotlerconnector.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The durable queue of record changes to send to Spotler, one entry per record and connection.
 *
 * <p>A worker {@linkplain #claim claims} a batch of due entries for a lease, sends them, and then
 * {@linkplain #complete completes}, {@linkplain #fail fails} (retry later) or {@linkplain #park parks} (needs a human)
 * each one. A worker that crashes loses nothing: once its lease runs out the entries are claimed again. A change that
 * arrives while its record is being sent is kept and sent afterwards. Several threads or processes may claim from the
 * same queue at once and never get the same entry: on PostgreSQL they skip the rows another is claiming, on SQLite
 * they take turns.
 *
 * <p>Every bulk method runs as one transaction with batched statements. Thread-safe.
 */
public final class OutboundQueue {
  private static final int MAX_ERROR_LENGTH = 4_000;
  private static final String COLUMNS =
      "table_name, record_id, change_kind, changed_at, attempts, last_error, version, claim_token, payload";

  // A newer change replaces the kind and bumps the version; an older one (a late webhook) is ignored. The entry keeps
  // its place: pending stays pending (keeping a retry's due time), in flight stays in flight (complete() notices the
  // new version). A parked entry gets another chance, as the new change may fix what failed.
  private static final String ENQUEUE =
      """
      INSERT INTO outbound_queue
          (connection_id, table_name, record_id, change_kind, changed_at, version, state, due_at, attempts, payload)
      VALUES (?, ?, ?, ?, ?, 1, 'PENDING', ?, 0, ?)
      ON CONFLICT (connection_id, table_name, record_id) DO UPDATE SET
          change_kind = excluded.change_kind,
          changed_at = excluded.changed_at,
          payload = excluded.payload,
          version = outbound_queue.version + 1,
          state = CASE WHEN outbound_queue.state = 'PARKED' THEN 'PENDING' ELSE outbound_queue.state END,
          due_at = CASE WHEN outbound_queue.state = 'PARKED' THEN excluded.due_at ELSE outbound_queue.due_at END,
          attempts = CASE WHEN outbound_queue.state = 'PARKED' THEN 0 ELSE outbound_queue.attempts END
      WHERE excluded.changed_at >= outbound_queue.changed_at
      """;

  // Due means: pending and due, or in flight with an expired lease (its worker died).
  private static final String CLAIM =
      """
      UPDATE outbound_queue SET state = 'IN_FLIGHT', due_at = ?, attempts = attempts + 1, claim_token = ?
      WHERE (connection_id, table_name, record_id) IN (
          SELECT connection_id, table_name, record_id FROM outbound_queue
          WHERE connection_id = ? AND state <> 'PARKED' AND due_at <= ?
          ORDER BY due_at
          LIMIT ?%s)
      RETURNING %s
      """;

  private static final String DELETE_SENT =
      """
      DELETE FROM outbound_queue
      WHERE connection_id = ? AND table_name = ? AND record_id = ? AND claim_token = ? AND version = ?
      """;

  // Runs after DELETE_SENT: what is still held by the claim changed again while in flight and must be sent again.
  private static final String REQUEUE_CHANGED =
      """
      UPDATE outbound_queue SET state = 'PENDING', due_at = ?, attempts = 0, last_error = NULL, claim_token = NULL
      WHERE connection_id = ? AND table_name = ? AND record_id = ? AND claim_token = ?
      """;

  private static final String FAIL =
      """
      UPDATE outbound_queue SET state = 'PENDING', due_at = ?, last_error = ?, claim_token = NULL
      WHERE connection_id = ? AND table_name = ? AND record_id = ? AND claim_token = ?
      """;

  // Parks only the version that failed; a newer change that arrived meanwhile is tried instead, as on enqueue.
  private static final String PARK =
      """
      UPDATE outbound_queue SET
          state = CASE WHEN version = ? THEN 'PARKED' ELSE 'PENDING' END,
          attempts = CASE WHEN version = ? THEN attempts ELSE 0 END,
          due_at = ?, last_error = ?, claim_token = NULL
      WHERE connection_id = ? AND table_name = ? AND record_id = ? AND claim_token = ?
      """;

  private final JdbcRunner jdbc;
  private final Dialect dialect;
  private final Clock clock;
  private final String claimSql;

  OutboundQueue(JdbcRunner jdbc, Dialect dialect, Clock clock) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.clock = clock;
    this.claimSql = CLAIM.formatted(dialect.claimLockClause(), COLUMNS);
  }

  /**
   * Adds changes, due now. A record that already has an entry keeps that one entry, which takes the newest change
   * (by {@link RecordChange#changedAt()}); an older change than the one queued is ignored.
   */
  public void enqueue(String connectionId, Collection<RecordChange> changes) {
    Require.notBlank(connectionId, "connectionId");
    long now = clock.millis();
    jdbc.write(
        "enqueue outbound changes",
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(ENQUEUE)) {
            int rows = 0;
            for (RecordChange change : newestPerRecord(changes)) {
              statement.setString(1, connectionId);
              statement.setString(2, change.tableName());
              statement.setString(3, change.recordId());
              statement.setString(4, change.kind().name());
              statement.setLong(5, change.changedAt().toEpochMilli());
              statement.setLong(6, now);
              statement.setString(7, change.payload() == null ? null : StoredJson.write(change.payload()));
              Batches.add(statement, ++rows);
            }
            statement.executeBatch();
          }
          return null;
        });
  }

  /** Which of these records of one table have an entry on the queue (waiting, being sent or parked). */
  public Set<String> queuedRecordIds(String connectionId, String tableName, Collection<String> recordIds) {
    Require.notBlank(connectionId, "connectionId");
    Require.notBlank(tableName, "tableName");
    return jdbc.read(
        "look up queued records",
        connectionId,
        connection -> {
          Set<String> queued = new HashSet<>();
          for (List<String> chunk : Batches.chunks(recordIds, dialect.maxAnyOf())) {
            String sql = "SELECT record_id FROM outbound_queue WHERE connection_id = ? AND table_name = ? AND "
                + dialect.isAnyOf("record_id", chunk.size());
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
              statement.setString(1, connectionId);
              statement.setString(2, tableName);
              dialect.bindAnyOf(statement, 3, chunk);
              try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                  queued.add(rows.getString(1));
                }
              }
            }
          }
          return queued;
        });
  }

  /**
   * Takes up to {@code limit} due entries, oldest due first, and holds them for {@code lease}: nobody else claims them
   * until the lease runs out. Finish each with {@link #complete}, {@link #fail} or {@link #park} within the lease.
   *
   * @return the claimed entries, ordered by change time; empty when nothing is due
   */
  public List<QueuedChange> claim(String connectionId, int limit, Duration lease) {
    Require.notBlank(connectionId, "connectionId");
    Require.positive(limit, "limit");
    Objects.requireNonNull(lease, "lease cannot be null");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive, was " + lease);
    }
    long now = clock.millis();
    String claimToken = UUID.randomUUID().toString();
    return jdbc.write(
        "claim outbound queue entries",
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(claimSql)) {
            statement.setLong(1, now + lease.toMillis());
            statement.setString(2, claimToken);
            statement.setString(3, connectionId);
            statement.setLong(4, now);
            statement.setInt(5, limit);
            List<QueuedChange> claimed = readAll(statement);
            claimed.sort(Comparator.comparing(QueuedChange::changedAt).thenComparing(QueuedChange::recordId));
            return claimed;
          }
        });
  }

  /**
   * The entries were sent: removes them. An entry whose record changed again while it was in flight stays, due now,
   * so the newer change is sent too. Entries no longer held by their claim (lease ran out and another worker took
   * them) are left to that worker.
   */
  public void complete(String connectionId, Collection<QueuedChange> claimed) {
    Require.notBlank(connectionId, "connectionId");
    long now = clock.millis();
    claimed.forEach(OutboundQueue::requireClaimed);
    List<QueuedChange> sent =
        Batches.inKeyOrder(
            claimed, Comparator.comparing(QueuedChange::tableName).thenComparing(QueuedChange::recordId));
    jdbc.write(
        "complete outbound queue entries",
        connectionId,
        connection -> {
          try (PreparedStatement delete = connection.prepareStatement(DELETE_SENT);
              PreparedStatement requeue = connection.prepareStatement(REQUEUE_CHANGED)) {
            int rows = 0;
            for (QueuedChange change : sent) {
              delete.setString(1, connectionId);
              delete.setString(2, change.tableName());
              delete.setString(3, change.recordId());
              delete.setString(4, change.claimToken());
              delete.setLong(5, change.version());
              Batches.add(delete, ++rows);
            }
            delete.executeBatch();
            rows = 0;
            for (QueuedChange change : sent) {
              requeue.setLong(1, now);
              requeue.setString(2, connectionId);
              requeue.setString(3, change.tableName());
              requeue.setString(4, change.recordId());
              requeue.setString(5, change.claimToken());
              Batches.add(requeue, ++rows);
            }
            requeue.executeBatch();
          }
          return null;
        });
  }

  /**
   * Sending failed but may work later: the entry becomes due again at {@code retryAt}, with the reason kept.
   *
   * @return false if the claim no longer holds the entry (nothing changed)
   */
  public boolean fail(String connectionId, QueuedChange claimed, String reason, Instant retryAt) {
    Require.notBlank(connectionId, "connectionId");
    requireClaimed(claimed);
    Objects.requireNonNull(retryAt, "retryAt cannot be null");
    String error = truncated(reason);
    return jdbc.write(
        "fail an outbound queue entry",
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(FAIL)) {
            statement.setLong(1, retryAt.toEpochMilli());
            statement.setString(2, error);
            setClaimKey(statement, 3, connectionId, claimed);
            return statement.executeUpdate() == 1;
          }
        });
  }

  /**
   * Sending failed in a way retrying cannot fix (Spotler rejected the data): the entry is parked with the reason, out
   * of further claims, until {@link #retryParked} or a newer change of the record. If the record already changed again
   * while in flight, that newer change is tried instead of parking.
   *
   * @return false if the claim no longer holds the entry (nothing changed)
   */
  public boolean park(String connectionId, QueuedChange claimed, String reason) {
    Require.notBlank(connectionId, "connectionId");
    requireClaimed(claimed);
    String error = truncated(reason);
    long now = clock.millis();
    return jdbc.write(
        "park an outbound queue entry",
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(PARK)) {
            statement.setLong(1, claimed.version());
            statement.setLong(2, claimed.version());
            statement.setLong(3, now);
            statement.setString(4, error);
            setClaimKey(statement, 5, connectionId, claimed);
            return statement.executeUpdate() == 1;
          }
        });
  }

  /** Parked entries with their reasons, oldest change first. */
  public List<QueuedChange> parked(String connectionId, int limit) {
    Require.notBlank(connectionId, "connectionId");
    Require.positive(limit, "limit");
    String sql =
        "SELECT " + COLUMNS + " FROM outbound_queue WHERE connection_id = ? AND state = 'PARKED'"
            + " ORDER BY changed_at, table_name, record_id LIMIT ?";
    return jdbc.read(
        "list parked outbound queue entries",
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, connectionId);
            statement.setInt(2, limit);
            return readAll(statement);
          }
        });
  }

  /**
   * Makes every parked entry due now, with a fresh attempt count (after a human fixed the cause).
   *
   * @return how many entries were parked
   */
  public int retryParked(String connectionId) {
    Require.notBlank(connectionId, "connectionId");
    return makeDueNow(connectionId, "PARKED", "attempts = 0", "retry parked outbound queue entries");
  }

  /**
   * Hands back at once what a connector process killed earlier left in flight, so that a restarted process sends it
   * now rather than when the dead process's lease runs out; call it when a process starts sending. It does so only
   * where one node works on the store (SQLite): there a claim found at start-up belongs to a process that is gone, or,
   * should an operator start a second process on the same file, to one whose entries are then sent twice, which an
   * upsert tolerates. Nodes that share PostgreSQL cannot tell a dead node's claims from a live one's, so there the
   * lease decides and this changes nothing.
   *
   * @return how many entries were handed back
   */
  public int releaseClaimsOfEarlierProcesses(String connectionId) {
    Require.notBlank(connectionId, "connectionId");
    if (dialect.sharedByNodes()) {
      return 0;
    }
    return makeDueNow(connectionId, "IN_FLIGHT", "claim_token = NULL", "release claims of earlier processes");
  }

  /** Makes every entry in {@code state} pending and due now, also setting {@code reset}; returns how many. */
  private int makeDueNow(String connectionId, String state, String reset, String operation) {
    String sql = "UPDATE outbound_queue SET state = 'PENDING', due_at = ?, " + reset
        + " WHERE connection_id = ? AND state = '" + state + "'";
    return jdbc.write(
        operation,
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, clock.millis());
            statement.setString(2, connectionId);
            return statement.executeUpdate();
          }
        });
  }

  /** How many entries are pending, in flight and parked: for metrics and progress. */
  public QueueCounts counts(String connectionId) {
    Require.notBlank(connectionId, "connectionId");
    String sql = "SELECT state, COUNT(*) FROM outbound_queue WHERE connection_id = ? GROUP BY state";
    return jdbc.read(
        "count outbound queue entries",
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, connectionId);
            return counts(statement);
          }
        });
  }

  private static QueueCounts counts(PreparedStatement statement) throws SQLException {
    long pending = 0;
    long inFlight = 0;
    long parked = 0;
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        switch (rows.getString(1)) {
          case "PENDING" -> pending = rows.getLong(2);
          case "IN_FLIGHT" -> inFlight = rows.getLong(2);
          case "PARKED" -> parked = rows.getLong(2);
          default -> throw new IllegalStateException("Unknown outbound queue state " + rows.getString(1));
        }
      }
    }
    return new QueueCounts(pending, inFlight, parked);
  }

  private static Collection<RecordChange> newestPerRecord(Collection<RecordChange> changes) {
    Map<RecordKey, RecordChange> newest = new TreeMap<>(RecordKey.ORDER);
    for (RecordChange change : changes) {
      newest.merge(
          new RecordKey(change.tableName(), change.recordId()),
          change,
          (queued, later) -> later.changedAt().isBefore(queued.changedAt()) ? queued : later);
    }
    return newest.values();
  }

  private static void setClaimKey(PreparedStatement statement, int first, String connectionId, QueuedChange claimed)
      throws SQLException {
    statement.setString(first, connectionId);
    statement.setString(first + 1, claimed.tableName());
    statement.setString(first + 2, claimed.recordId());
    statement.setString(first + 3, claimed.claimToken());
  }

  private static List<QueuedChange> readAll(PreparedStatement statement) throws SQLException {
    List<QueuedChange> changes = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        changes.add(
            new QueuedChange(
                rows.getString(1),
                rows.getString(2),
                ChangeKind.valueOf(rows.getString(3)),
                Instant.ofEpochMilli(rows.getLong(4)),
                rows.getInt(5),
                rows.getString(6),
                rows.getLong(7),
                rows.getString(8),
                rows.getString(9) == null ? null : StoredJson.read(rows.getString(9))));
      }
    }
    return changes;
  }

  private static void requireClaimed(QueuedChange change) {
    Objects.requireNonNull(change, "claimed change cannot be null");
    if (change.claimToken() == null) {
      throw new IllegalArgumentException(
          "Only a claimed entry can be completed, failed or parked: " + change.tableName() + " " + change.recordId());
    }
  }

  private static String truncated(String reason) {
    Require.notBlank(reason, "reason");
    return reason.length() <= MAX_ERROR_LENGTH ? reason : reason.substring(0, MAX_ERROR_LENGTH);
  }

  private record RecordKey(String tableName, String recordId) {
    static final Comparator<RecordKey> ORDER =
        Comparator.comparing(RecordKey::tableName).thenComparing(RecordKey::recordId);
  }
}
