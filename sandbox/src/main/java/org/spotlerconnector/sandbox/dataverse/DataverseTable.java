package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * In-process access to one table, for tests, seeding and benchmarks. Writes behave exactly like Web API writes
 * (validation, new versions, change tracking, system columns), made by the {@code SYSTEM} user. Rows are given and
 * returned in the stored form: logical names, lookups as {@code "_parentcustomerid_value": "<id>"} (optionally with
 * {@code "_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname": "account"}), {@code @odata.bind} also
 * accepted. Invalid rows are refused with a {@link DataverseException}. Thread-safe.
 */
public final class DataverseTable {
  private final DataverseStore store;
  private final Records records;
  private final TableStore table;
  private final UUID userId;

  DataverseTable(DataverseStore store, Records records, TableStore table, UUID userId) {
    this.store = store;
    this.records = records;
    this.table = table;
    this.userId = userId;
  }

  public TableDefinition definition() {
    return table.definition();
  }

  /** Inserts a row; its primary key column, when present, is the new row's id. */
  public UUID insert(ObjectNode row) {
    return insertAll(List.of(row)).get(0);
  }

  /** Inserts rows in one transaction: all or none. */
  public List<UUID> insertAll(List<ObjectNode> rows) {
    return store.transaction(
        () -> {
          List<UUID> ids = new ArrayList<>(rows.size());
          for (ObjectNode row : rows) {
            Changes changes = PayloadReader.readStoredForm(definition(), row);
            JsonNode id = changes.values().remove(definition().primaryIdColumn());
            UUID requested = id == null || id.isNull() ? null : UUID.fromString(id.asText());
            ids.add(records.create(table, requested, changes, userId).id());
          }
          return ids;
        });
  }

  /** Changes columns of an existing row; a missing row is the 404 "Does Not Exist" error. */
  public void update(UUID id, ObjectNode changes) {
    Changes read = PayloadReader.readStoredForm(definition(), changes);
    read.values().remove(definition().primaryIdColumn());
    store.transaction(
        () -> {
          Row existing = table.get(id);
          if (existing == null) {
            throw DataverseException.recordNotFound(definition(), id);
          }
          return records.update(table, existing, read, userId);
        });
  }

  /** Deletes a row; false when there was none. */
  public boolean delete(UUID id) {
    return store.transaction(() -> records.delete(table, id, userId)) != null;
  }

  /** A copy of the stored row, with its system columns. */
  public Optional<ObjectNode> get(UUID id) {
    return store.read(() -> Optional.ofNullable(table.get(id)).map(r -> r.values().deepCopy()));
  }

  /** Copies of all rows, in primary key order. */
  public List<ObjectNode> rows() {
    return store.read(
        () -> {
          List<ObjectNode> rows = new ArrayList<>(table.size());
          table.rows().forEach(r -> rows.add(r.values().deepCopy()));
          return rows;
        });
  }

  public int count() {
    return store.read(table::size);
  }
}
