package org.spotlerconnector.sandbox.dataverse.metadata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the metadata Web API was told about the tables, columns and keys it created and that the table model does not
 * hold: schema names, labels, ownership, required levels and type properties such as a string's format or a
 * number's range; and the keys whose index could not be built. The definitions of tables added through the Java API
 * fall back to their logical names, as before. Thread-safe; kept for the life of the environment, as the tables are.
 */
final class Customizations {

  /** How a table was described when it was created (or last updated). */
  record TableNames(
      String schemaName,
      String displayName,
      String displayCollectionName,
      String description,
      String ownershipType,
      boolean hasNotes,
      boolean hasActivities) {}

  /**
   * How a column was described.
   *
   * @param typeProperties the properties of the column's definition type the request gave, such as {@code Format},
   *     {@code MinValue} or {@code DateTimeBehavior}, which replace the emulator's defaults when it is read
   */
  record ColumnNames(
      String schemaName, String displayName, String description, String requiredLevel, ObjectNode typeProperties) {}

  /**
   * An alternate key created through the API.
   *
   * @param status {@code Active}, or {@code Failed} when existing rows had duplicate values, as the asynchronous index
   *     job reports it; a failed key is not enforced
   */
  record KeyNames(String schemaName, String displayName, List<String> columns, String status) {}

  private final Map<String, TableNames> tables = new ConcurrentHashMap<>();
  private final Map<String, ColumnNames> columns = new ConcurrentHashMap<>();
  private final Map<String, List<KeyNames>> keys = new ConcurrentHashMap<>();

  Optional<TableNames> table(String table) {
    return Optional.ofNullable(tables.get(table));
  }

  void table(String table, TableNames names) {
    tables.put(table, names);
  }

  /**
   * A table's schema name: the one it was created with, the documented one of a standard table, else its logical
   * name.
   */
  String schemaName(String table) {
    return table(table).map(TableNames::schemaName)
        .or(() -> StandardNames.table(table).map(StandardNames.Table::schemaName))
        .orElse(table);
  }

  Optional<ColumnNames> column(String table, String column) {
    return Optional.ofNullable(columns.get(table + "." + column));
  }

  void column(String table, String column, ColumnNames names) {
    columns.put(table + "." + column, names);
  }

  List<KeyNames> keys(String table) {
    return List.copyOf(keys.getOrDefault(table, List.of()));
  }

  /** The key created on exactly these columns, if one was. */
  Optional<KeyNames> key(String table, List<String> columns) {
    return keys(table).stream().filter(k -> k.columns().equals(columns)).findFirst();
  }

  void key(String table, KeyNames key) {
    keys.computeIfAbsent(table, t -> new CopyOnWriteArrayList<>()).add(key);
  }
}
