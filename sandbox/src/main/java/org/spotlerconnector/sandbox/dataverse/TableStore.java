package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The rows of one table with the indexes queries need: rows by primary key (the default order and the paging order),
 * row ids by version and deletions by version (change tracking), and one hash index per alternate key. Not
 * thread-safe: {@link DataverseStore} guards every access with its lock.
 */
final class TableStore {
  private TableDefinition definition;
  private final TreeMap<UUID, Row> rows = new TreeMap<>(GuidOrder.INSTANCE);
  private final TreeMap<Long, UUID> rowsByVersion = new TreeMap<>();
  private final TreeMap<Long, Deletion> deletionsByVersion = new TreeMap<>();
  private final Map<UUID, Deletion> deletionsById = new HashMap<>();
  private final Map<List<String>, Map<List<String>, UUID>> alternateKeyIndexes = new HashMap<>();

  /** A deleted row as change tracking reports it. */
  record Deletion(UUID id, long version, Instant deletedAt) {}

  /** Everything the store knows about one id, to put back when a transaction rolls back. */
  record Snapshot(UUID id, Row row, Deletion deletion) {}

  TableStore(TableDefinition definition) {
    this.definition = definition;
    definition.indexedKeys().forEach(key -> alternateKeyIndexes.put(key, new HashMap<>()));
  }

  TableDefinition definition() {
    return definition;
  }

  /** Switches to a changed definition of the same table (such as one with a new alternate key). */
  void redefine(TableDefinition changed) {
    this.definition = changed;
    alternateKeyIndexes.clear();
    changed.indexedKeys().forEach(key -> alternateKeyIndexes.put(key, new HashMap<>()));
    rows.values().forEach(this::indexKeys);
  }

  Row get(UUID id) {
    return rows.get(id);
  }

  int size() {
    return rows.size();
  }

  Collection<Row> rows() {
    return rows.values();
  }

  /** Rows in key order after the given key (all rows when it is null). */
  NavigableMap<UUID, Row> rowsAfter(UUID key) {
    return key == null ? rows : rows.tailMap(key, false);
  }

  /** Rows written after {@code fromVersion} up to and including {@code toVersion}, by version. */
  NavigableMap<Long, UUID> changedBetween(long fromVersion, long toVersion) {
    return fromVersion >= toVersion ? new TreeMap<>() : rowsByVersion.subMap(fromVersion, false, toVersion, true);
  }

  /** Rows deleted after {@code fromVersion} up to and including {@code toVersion}, by version. */
  NavigableMap<Long, Deletion> deletedBetween(long fromVersion, long toVersion) {
    return fromVersion >= toVersion ? new TreeMap<>() : deletionsByVersion.subMap(fromVersion, false, toVersion, true);
  }

  /**
   * The row whose alternate key (or unique index) columns hold these values (strings compared ignoring case, as SQL
   * Server does).
   */
  Optional<Row> findByKey(List<String> keyColumns, List<JsonNode> values) {
    Map<List<String>, UUID> index = alternateKeyIndexes.get(keyColumns);
    if (index == null) {
      return Optional.empty();
    }
    UUID id = index.get(normalize(values));
    return Optional.ofNullable(id).map(rows::get);
  }

  /** The row other than {@code self} that already holds these alternate key values, if any. */
  Optional<UUID> keyOwner(List<String> keyColumns, ObjectNode values, UUID self) {
    Map<List<String>, UUID> index = alternateKeyIndexes.get(keyColumns);
    if (index == null) {
      return Optional.empty();
    }
    return keyValues(keyColumns, values).map(index::get).filter(owner -> !owner.equals(self));
  }

  Snapshot snapshot(UUID id) {
    return new Snapshot(id, rows.get(id), deletionsById.get(id));
  }

  /** Stores a new or changed row; a row that comes back after a delete is no longer reported as deleted. */
  void put(Row row) {
    Row old = rows.put(row.id(), row);
    if (old != null) {
      rowsByVersion.remove(old.version());
      unindexKeys(old);
    }
    rowsByVersion.put(row.version(), row.id());
    indexKeys(row);
    forgetDeletion(row.id());
  }

  /** Removes a row and records its deletion under a new version; returns the removed row or null. */
  Row remove(UUID id, long version, Instant deletedAt) {
    Row old = rows.remove(id);
    if (old == null) {
      return null;
    }
    rowsByVersion.remove(old.version());
    unindexKeys(old);
    forgetDeletion(id);
    Deletion deletion = new Deletion(id, version, deletedAt);
    deletionsById.put(id, deletion);
    deletionsByVersion.put(version, deletion);
    return old;
  }

  /** Puts an id back exactly as a snapshot recorded it. */
  void restore(Snapshot snapshot) {
    Row current = rows.remove(snapshot.id());
    if (current != null) {
      rowsByVersion.remove(current.version());
      unindexKeys(current);
    }
    forgetDeletion(snapshot.id());
    if (snapshot.row() != null) {
      put(snapshot.row());
    }
    if (snapshot.deletion() != null) {
      deletionsById.put(snapshot.id(), snapshot.deletion());
      deletionsByVersion.put(snapshot.deletion().version(), snapshot.deletion());
    }
  }

  void clear() {
    rows.clear();
    rowsByVersion.clear();
    deletionsByVersion.clear();
    deletionsById.clear();
    alternateKeyIndexes.values().forEach(Map::clear);
  }

  private void forgetDeletion(UUID id) {
    Deletion deletion = deletionsById.remove(id);
    if (deletion != null) {
      deletionsByVersion.remove(deletion.version());
    }
  }

  private void indexKeys(Row row) {
    alternateKeyIndexes.forEach(
        (key, index) -> keyValues(key, row.values()).ifPresent(values -> index.put(values, row.id())));
  }

  private void unindexKeys(Row row) {
    alternateKeyIndexes.forEach(
        (key, index) -> keyValues(key, row.values()).ifPresent(values -> index.remove(values, row.id())));
  }

  private Optional<List<String>> keyValues(List<String> keyColumns, ObjectNode values) {
    List<JsonNode> nodes = new ArrayList<>(keyColumns.size());
    for (String column : keyColumns) {
      String property = definition.columnNamed(column).map(ColumnDefinition::propertyName).orElse(column);
      JsonNode value = values.get(property);
      if (value == null || value.isNull()) {
        return Optional.empty();
      }
      nodes.add(value);
    }
    return Optional.of(normalize(nodes));
  }

  private static List<String> normalize(List<JsonNode> values) {
    List<String> normalized = new ArrayList<>(values.size());
    for (JsonNode v : values) {
      normalized.add(v.isTextual() ? v.asText().toLowerCase(Locale.ROOT) : v.asText());
    }
    return normalized;
  }
}
