package org.spotlerconnector.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Links between Dataverse rows and Spotler contacts, one to one within a connection: a record has at most one
 * external id and an external id belongs to at most one record. Bulk methods run as one transaction. Thread-safe.
 */
public final class RecordLinks {
  private static final String COLUMNS = "table_name, record_id, external_id, linked_at, last_status";

  // Linking an external id to a record takes it away from any other record (a lead converted to a contact).
  private static final String RELEASE_EXTERNAL_ID =
      """
      DELETE FROM record_links
      WHERE connection_id = ? AND external_id = ? AND NOT (table_name = ? AND record_id = ?)
      """;

  // A record relinked to the same external id keeps its original linked_at.
  private static final String UPSERT =
      """
      INSERT INTO record_links (connection_id, table_name, record_id, external_id, linked_at, last_status)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (connection_id, table_name, record_id) DO UPDATE SET
          linked_at = CASE WHEN record_links.external_id = excluded.external_id
                           THEN record_links.linked_at ELSE excluded.linked_at END,
          external_id = excluded.external_id,
          last_status = excluded.last_status
      """;

  private final JdbcRunner jdbc;
  private final Dialect dialect;

  RecordLinks(JdbcRunner jdbc, Dialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  /**
   * Creates or updates links. A record already linked to the same external id keeps its {@code linkedAt}; an external
   * id linked to another record moves to this one.
   *
   * @throws IllegalArgumentException if two of the given links share an external id
   */
  public void link(String connectionId, Collection<RecordLink> links) {
    Require.notBlank(connectionId, "connectionId");
    requireDistinctExternalIds(links);
    List<RecordLink> sorted =
        Batches.inKeyOrder(links, Comparator.comparing(RecordLink::tableName).thenComparing(RecordLink::recordId));
    jdbc.write(
        "link records",
        connectionId,
        connection -> {
          try (PreparedStatement release = connection.prepareStatement(RELEASE_EXTERNAL_ID);
              PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            int rows = 0;
            for (RecordLink link : sorted) {
              release.setString(1, connectionId);
              release.setString(2, link.externalId());
              release.setString(3, link.tableName());
              release.setString(4, link.recordId());
              Batches.add(release, ++rows);
            }
            release.executeBatch();
            rows = 0;
            for (RecordLink link : sorted) {
              upsert.setString(1, connectionId);
              upsert.setString(2, link.tableName());
              upsert.setString(3, link.recordId());
              upsert.setString(4, link.externalId());
              upsert.setLong(5, link.linkedAt().toEpochMilli());
              upsert.setString(6, link.lastStatus());
              Batches.add(upsert, ++rows);
            }
            upsert.executeBatch();
          }
          return null;
        });
  }

  public Optional<RecordLink> findByRecord(String connectionId, String tableName, String recordId) {
    Require.notBlank(recordId, "recordId");
    return Optional.ofNullable(findByRecordIds(connectionId, tableName, List.of(recordId)).get(recordId));
  }

  /** The links of these records of one table, keyed by record id; records without a link are absent. */
  public Map<String, RecordLink> findByRecordIds(String connectionId, String tableName, Collection<String> recordIds) {
    Require.notBlank(connectionId, "connectionId");
    Require.notBlank(tableName, "tableName");
    String filter = "connection_id = ? AND table_name = ? AND ";
    return find(connectionId, filter, List.of(connectionId, tableName), "record_id", recordIds, RecordLink::recordId);
  }

  public Optional<RecordLink> findByExternalId(String connectionId, String externalId) {
    Require.notBlank(externalId, "externalId");
    return Optional.ofNullable(findByExternalIds(connectionId, List.of(externalId)).get(externalId));
  }

  /**
   * The links of these Spotler external ids, whatever their table, keyed by external id; unknown ids are absent. The
   * inbound sync looks up a page of the changes feed at once: a contact whose external id is absent is a new
   * subscriber.
   */
  public Map<String, RecordLink> findByExternalIds(String connectionId, Collection<String> externalIds) {
    Require.notBlank(connectionId, "connectionId");
    String filter = "connection_id = ? AND ";
    return find(connectionId, filter, List.of(connectionId), "external_id", externalIds, RecordLink::externalId);
  }

  /** Removes the links of these records (if any). */
  public void unlink(String connectionId, String tableName, Collection<String> recordIds) {
    Batches.deleteRecords(jdbc, "record_links", "unlink records", connectionId, tableName, recordIds);
  }

  /**
   * Looks links up by a list of ids, as many at a time as the dialect allows.
   *
   * @param filter the condition before the one on {@code idColumn}, whose parameters are {@code filterParameters}
   */
  private Map<String, RecordLink> find(
      String connectionId,
      String filter,
      List<String> filterParameters,
      String idColumn,
      Collection<String> ids,
      Function<RecordLink, String> key) {
    return jdbc.read(
        "look up record links",
        connectionId,
        connection -> {
          Map<String, RecordLink> found = new HashMap<>();
          for (List<String> chunk : Batches.chunks(ids, dialect.maxAnyOf())) {
            String sql =
                "SELECT " + COLUMNS + " FROM record_links WHERE " + filter + dialect.isAnyOf(idColumn, chunk.size());
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
              int parameter = 1;
              for (String value : filterParameters) {
                statement.setString(parameter++, value);
              }
              dialect.bindAnyOf(statement, parameter, chunk);
              readInto(statement, found, key);
            }
          }
          return found;
        });
  }

  private static void readInto(
      PreparedStatement statement, Map<String, RecordLink> found, Function<RecordLink, String> key)
      throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        RecordLink link =
            new RecordLink(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                Instant.ofEpochMilli(rows.getLong(4)),
                rows.getString(5));
        found.put(key.apply(link), link);
      }
    }
  }

  private static void requireDistinctExternalIds(Collection<RecordLink> links) {
    Set<String> seen = new HashSet<>();
    for (RecordLink link : links) {
      if (!seen.add(link.externalId())) {
        throw new IllegalArgumentException(
            "External id " + link.externalId() + " is linked to more than one record in one call");
      }
    }
  }
}
