package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Turns stored rows into Web API entities: {@code @odata.etag}, the selected columns (all when there is no
 * {@code $select}; the primary key always) with null for empty ones (for FetchXML, without them), the requested
 * annotations (formatted values, lookup target and navigation property) and expanded related rows. Callers hold the
 * store's read lock.
 */
final class RowRenderer {
  private final DataverseStore store;
  private final TableDefinition table;
  private final List<String> select;
  private final List<ColumnDefinition> columns;
  private final List<ExpandOption> expands;
  private final AnnotationFilter annotations;
  private final boolean omitNulls;

  RowRenderer(
      DataverseStore store,
      TableDefinition table,
      List<String> select,
      List<ExpandOption> expands,
      AnnotationFilter annotations) {
    this(store, table, select, expands, annotations, false);
  }

  private RowRenderer(
      DataverseStore store,
      TableDefinition table,
      List<String> select,
      List<ExpandOption> expands,
      AnnotationFilter annotations,
      boolean omitNulls) {
    this.store = store;
    this.table = table;
    this.select = select;
    this.columns = columns(table, select);
    this.expands = expands;
    this.annotations = annotations;
    this.omitNulls = omitNulls;
  }

  /** The same renderer leaving empty columns out, as FetchXML answers do (dataverse-api.md §4.4). */
  RowRenderer omittingNulls() {
    return new RowRenderer(store, table, select, expands, annotations, true);
  }

  /**
   * The selection part of a context URL, e.g. {@code contacts(firstname,lastname)}; just the entity set without
   * {@code $select} or {@code $expand}.
   */
  String contextPath() {
    List<String> parts = new ArrayList<>();
    if (select != null) {
      parts.addAll(select);
    }
    expands.forEach(e -> parts.add(e.contextFragment()));
    return parts.isEmpty() ? table.entitySetName() : table.entitySetName() + "(" + String.join(",", parts) + ")";
  }

  ObjectNode render(Row row) {
    ObjectNode entity = Json.object();
    entity.put("@odata.etag", row.etag());
    for (ColumnDefinition column : columns) {
      writeColumn(entity, column, row.values());
    }
    for (ExpandOption expand : expands) {
      entity.set(expand.navigationProperty(), expanded(expand, row));
    }
    return entity;
  }

  private void writeColumn(ObjectNode entity, ColumnDefinition column, ObjectNode values) {
    String property = column.propertyName();
    JsonNode value = values.get(property);
    if (value == null && omitNulls) {
      return;
    }
    if (value != null && annotations.any()) {
      if (column.isLookup()) {
        writeLookupAnnotations(entity, column, values);
      } else if (annotations.includes(AnnotationFilter.FORMATTED_VALUE)) {
        FormattedValues.of(column, value)
            .ifPresent(text -> entity.put(property + "@" + AnnotationFilter.FORMATTED_VALUE, text));
      }
    }
    entity.set(property, value == null ? NullNode.instance : value);
  }

  private void writeLookupAnnotations(ObjectNode entity, ColumnDefinition column, ObjectNode values) {
    String property = column.propertyName();
    String targetTable = values.path(Row.lookupTableKey(property)).asText(null);
    if (targetTable == null) {
      return;
    }
    if (annotations.includes(AnnotationFilter.FORMATTED_VALUE)) {
      primaryName(targetTable, values.get(property).asText())
          .ifPresent(name -> entity.put(property + "@" + AnnotationFilter.FORMATTED_VALUE, name));
    }
    if (annotations.includes(AnnotationFilter.ASSOCIATED_NAVIGATION_PROPERTY)) {
      String key = property + "@" + AnnotationFilter.ASSOCIATED_NAVIGATION_PROPERTY;
      column.targetTable(targetTable).ifPresent(t -> entity.put(key, t.navigationProperty()));
    }
    if (annotations.includes(AnnotationFilter.LOOKUP_LOGICAL_NAME)) {
      entity.put(property + "@" + AnnotationFilter.LOOKUP_LOGICAL_NAME, targetTable);
    }
  }

  private Optional<String> primaryName(String targetTable, String id) {
    return store
        .byLogicalName(targetTable)
        .flatMap(
            t -> {
              Row target = t.get(UUID.fromString(id));
              String nameColumn = t.definition().primaryNameColumn();
              if (target == null || nameColumn == null || !target.values().hasNonNull(nameColumn)) {
                return Optional.empty();
              }
              return Optional.of(target.values().get(nameColumn).asText());
            });
  }

  private JsonNode expanded(ExpandOption expand, Row row) {
    if (expand.collection()) {
      return related(expand, row.id());
    }
    ObjectNode values = row.values();
    String property = expand.lookup().propertyName();
    if (!values.hasNonNull(property)
        || !expand.target().logicalName().equals(values.path(Row.lookupTableKey(property)).asText())) {
      return NullNode.instance;
    }
    return store
        .byLogicalName(expand.target().logicalName())
        .map(t -> t.get(UUID.fromString(values.get(property).asText())))
        .<JsonNode>map(
            related -> new RowRenderer(store, expand.target(), expand.select(), List.of(), annotations).render(related))
        .orElse(NullNode.instance);
  }

  /** The rows of a collection-valued navigation property: those whose lookup points at this row. */
  private ArrayNode related(ExpandOption expand, UUID id) {
    String property = expand.lookup().propertyName();
    String idText = id.toString();
    List<Row> rows = new ArrayList<>();
    store.byLogicalName(expand.target().logicalName()).ifPresent(
        related -> related.rows().stream()
            .filter(r -> idText.equals(r.values().path(property).asText(null))
                && table.logicalName().equals(r.values().path(Row.lookupTableKey(property)).asText(null))
                && expand.filter().test(r.values()))
            .forEach(rows::add));
    if (expand.order() != null) {
      rows.sort((a, b) -> expand.order().compare(a.values(), b.values()));
    }
    int limit = expand.top() == null ? rows.size() : Math.min(expand.top(), rows.size());
    RowRenderer renderer = new RowRenderer(store, expand.target(), expand.select(), List.of(), annotations);
    ArrayNode value = Json.array();
    rows.subList(0, limit).forEach(r -> value.add(renderer.render(r)));
    return value;
  }

  private static List<ColumnDefinition> columns(TableDefinition table, List<String> select) {
    if (select == null) {
      return table.columns().stream().filter(c -> table.isReadable(c.logicalName())).toList();
    }
    List<ColumnDefinition> columns = new ArrayList<>();
    for (String property : select) {
      table.columnForProperty(property).filter(c -> table.isReadable(c.logicalName())).ifPresent(columns::add);
    }
    table
        .columnNamed(table.primaryIdColumn())
        .filter(pk -> !columns.contains(pk))
        .ifPresent(columns::add);
    return columns;
  }
}
