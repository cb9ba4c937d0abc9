package org.spotlerconnector.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * New Spotler subscribers left for a person because they matched several Dataverse rows, one entry per Spotler
 * contact. Bulk methods run as one transaction. Thread-safe.
 */
public final class PendingReviews {
  private static final String COLUMNS =
      "encrypted_id, external_id, masked_email, table_name, candidate_ids, reason, detected_at";

  // The overlapping feed windows find the same contact again: the entry keeps the time it was first found and takes
  // the latest candidates.
  private static final String UPSERT =
      """
      INSERT INTO pending_reviews (connection_id, %s) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (connection_id, encrypted_id) DO UPDATE SET
          external_id = excluded.external_id,
          masked_email = excluded.masked_email,
          table_name = excluded.table_name,
          candidate_ids = excluded.candidate_ids,
          reason = excluded.reason
      """
          .formatted(COLUMNS);

  private final JdbcRunner jdbc;

  PendingReviews(JdbcRunner jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds these contacts; a contact already waiting keeps its one entry and its {@code detectedAt}. */
  public void add(String connectionId, Collection<PendingReview> reviews) {
    Require.notBlank(connectionId, "connectionId");
    List<PendingReview> sorted = Batches.inKeyOrder(reviews, Comparator.comparing(PendingReview::encryptedId));
    jdbc.write(
        "add pending reviews",
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            int rows = 0;
            for (PendingReview review : sorted) {
              statement.setString(1, connectionId);
              statement.setString(2, review.encryptedId());
              statement.setString(3, review.externalId());
              statement.setString(4, review.maskedEmail());
              statement.setString(5, review.tableName());
              statement.setString(6, StoredJson.write(idsAsJson(review.candidateIds())));
              statement.setString(7, review.reason());
              statement.setLong(8, review.detectedAt().toEpochMilli());
              Batches.add(statement, ++rows);
            }
            statement.executeBatch();
          }
          return null;
        });
  }

  /** Up to {@code limit} contacts waiting for a person, the longest waiting first. */
  public List<PendingReview> list(String connectionId, int limit) {
    Require.notBlank(connectionId, "connectionId");
    Require.positive(limit, "limit");
    String sql =
        "SELECT " + COLUMNS + " FROM pending_reviews WHERE connection_id = ?"
            + " ORDER BY detected_at, encrypted_id LIMIT ?";
    return jdbc.read(
        "list pending reviews",
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, connectionId);
            statement.setInt(2, limit);
            return readAll(statement);
          }
        });
  }

  /** Removes the entries of these Spotler contacts (if any): a person resolved them, or they no longer are ambiguous. */
  public void remove(String connectionId, Collection<String> encryptedIds) {
    Require.notBlank(connectionId, "connectionId");
    jdbc.write(
        "remove pending reviews",
        connectionId,
        connection -> {
          String sql = "DELETE FROM pending_reviews WHERE connection_id = ? AND encrypted_id = ?";
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int rows = 0;
            for (String encryptedId : new TreeSet<>(encryptedIds)) {
              statement.setString(1, connectionId);
              statement.setString(2, encryptedId);
              Batches.add(statement, ++rows);
            }
            statement.executeBatch();
          }
          return null;
        });
  }

  private static ArrayNode idsAsJson(List<String> ids) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    ids.forEach(array::add);
    return array;
  }

  private static List<PendingReview> readAll(PreparedStatement statement) throws SQLException {
    List<PendingReview> reviews = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        List<String> candidateIds = new ArrayList<>();
        for (JsonNode id : StoredJson.readValue(rows.getString(5))) {
          candidateIds.add(id.asText());
        }
        reviews.add(
            new PendingReview(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                candidateIds,
                rows.getString(6),
                Instant.ofEpochMilli(rows.getLong(7))));
      }
    }
    return reviews;
  }
}
