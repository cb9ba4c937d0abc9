package org.spotlerconnector.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.dataverse.BulkWriteException;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseException;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.permissions.PermissionRows;
import org.spotlerconnector.permissions.Permissions;
import org.spotlerconnector.spotler.MailPlusException;
import org.spotlerconnector.store.Store;
import org.spotlerconnector.store.SyncedRecord;

/**
 * The permissions field of the records the outbound flow sends ({@code @map(permissions)} mapped {@code ->} or
 * {@code <->}): each record's Spotler Permission rows, read in bulk for the records of a page, become its
 * permissions in Spotler value space. A record without rows gets no permissions field, so its send leaves Spotler's
 * permissions as they are. A record newly created in Dynamics 365 is pre-populated first ({@link
 * Permissions#prePopulate}), so that its first send carries its rows.
 *
 * <p>A record counts as newly created when a delta read finds it created since the previous read, it has no rows, it
 * was never synced (no base, no link), and it was not created by the connector itself: the rows the inbound flow
 * creates for new subscribers come from Spotler, not from the defaults.
 */
final class OutboundPermissions {
  private static final Logger LOG = LoggerFactory.getLogger(OutboundPermissions.class);
  private static final String CREATED_ON = "createdon";
  private static final String CREATED_BY = "_createdby_value";

  private final Optional<Permissions> permissions;
  private final DataverseClient dataverse;
  private final Store store;
  private final String connectionId;
  private final Executor reads;
  private volatile String connectorUserId;

  /** @param reads where the rows of a page's records are read, a chunk at a time, side by side */
  OutboundPermissions(
      Optional<Permissions> permissions, DataverseClient dataverse, Store store, String connectionId, Executor reads) {
    this.permissions = permissions;
    this.dataverse = dataverse;
    this.store = store;
    this.connectionId = connectionId;
    this.reads = reads;
  }

  /** Whether records of {@code table} send their permissions. */
  boolean sends(SourceTable table) {
    return permissions.filter(p -> p.mapping().sends(table)).isPresent();
  }

  /** The columns to read of {@code table}'s rows besides the mapped ones: those that tell a new record. */
  Set<String> columns(SourceTable table) {
    return sends(table) ? Set.of(CREATED_ON, CREATED_BY) : Set.of();
  }

  /**
   * The rows that are newly created records: created at or after {@code since}, by someone other than the connector,
   * never synced.
   */
  List<String> newRecords(SourceTable table, List<ObjectNode> rows, Map<String, SyncedRecord> bases, Instant since) {
    List<String> created = new ArrayList<>();
    if (!sends(table)) {
      return created;
    }
    for (ObjectNode row : rows) {
      String id = row.path(table.primaryIdColumn()).asText();
      Optional<Instant> createdOn = instant(row.path(CREATED_ON).asText(""));
      boolean recent = createdOn.filter(at -> !at.isBefore(since)).isPresent();
      if (recent && !bases.containsKey(id) && !row.path(CREATED_BY).asText("").equalsIgnoreCase(connectorUser())) {
        created.add(id);
      }
    }
    return created;
  }

  /**
   * Sets the permissions field of each record that has rows, pre-populating the new records without rows and without
   * a link first.
   *
   * @param properties the mapped properties to send, by record id; changed in place
   * @param newRecords the ids among them of records newly created in Dynamics 365
   */
  void addTo(SourceTable table, Map<String, ObjectNode> properties, List<String> newRecords) {
    if (!sends(table) || properties.isEmpty()) {
      return;
    }
    Permissions side = permissions.get();
    String field = side.mapping().field(table).orElseThrow();
    Map<String, ArrayNode> sets = sets(side, table, List.copyOf(properties.keySet()));
    List<String> unpopulated = newRecords.stream()
        .filter(id -> properties.containsKey(id) && !sets.containsKey(id)).toList();
    if (!unpopulated.isEmpty()) {
      Set<String> linked =
          store.recordLinks().findByRecordIds(connectionId, table.logicalName(), unpopulated).keySet();
      sets.putAll(prePopulate(side, table, unpopulated.stream().filter(id -> !linked.contains(id)).toList()));
    }
    properties.forEach((id, values) -> {
      ArrayNode set = sets.get(id);
      if (set != null) {
        values.set(field, set);
      }
    });
  }

  /**
   * Pre-populates the records; when Dataverse or Spotler refuses, they go without rows rather than hold up the sync of
   * their table, and the log says so.
   */
  private Map<String, ArrayNode> prePopulate(Permissions side, SourceTable table, List<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    try {
      return side.prePopulate(table, ids);
    } catch (DataverseException | BulkWriteException | MailPlusException refused) {
      LOG.atWarn().addKeyValue("table", table.logicalName()).addKeyValue("records", ids.size())
          .log("new records were not pre-populated with permissions: {}", refused.getMessage());
      return Map.of();
    }
  }

  /** The permissions of these records; the chunks of an initial load's page are read side by side. */
  private Map<String, ArrayNode> sets(Permissions side, SourceTable table, List<String> ids) {
    List<CompletableFuture<Map<String, ArrayNode>>> chunks = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += PermissionRows.CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + PermissionRows.CHUNK));
      chunks.add(CompletableFuture.supplyAsync(() -> side.sets(table, chunk), reads));
    }
    Map<String, ArrayNode> sets = new HashMap<>();
    for (CompletableFuture<Map<String, ArrayNode>> chunk : chunks) {
      try {
        sets.putAll(chunk.join());
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    return sets;
  }

  /** The application user the connector works as (WhoAmI), asked once. */
  private String connectorUser() {
    String user = connectorUserId;
    if (user == null) {
      user = dataverse.get("WhoAmI").path("UserId").asText();
      connectorUserId = user;
    }
    return user;
  }

  private static Optional<Instant> instant(String text) {
    try {
      return text.isEmpty() ? Optional.empty() : Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }
}
