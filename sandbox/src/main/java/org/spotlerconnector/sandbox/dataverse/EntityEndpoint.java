package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.spotlerconnector.sandbox.dataverse.query.SelectParser;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Single-row operations (dataverse-api.md §2.6): create ({@code POST <set>}), retrieve, upsert ({@code PATCH}) and
 * delete of {@code <set>(<key>)}, and reading, setting ({@code PUT}) or clearing ({@code DELETE}) one column through
 * {@code <set>(<key>)/<column>}. Honours {@code If-Match}, {@code If-None-Match} and {@code Prefer:
 * return=representation}. Every write runs as one transaction, so a failure (say, a bound row that does not exist after
 * a deep insert) leaves nothing behind.
 */
final class EntityEndpoint {
  private static final String IF_MATCH = "If-Match";
  private static final String IF_NONE_MATCH = "If-None-Match";
  private static final String ENTITY_ID = "OData-EntityId";

  private final DataverseStore store;
  private final Records records;

  EntityEndpoint(DataverseStore store, Records records) {
    this.store = store;
    this.records = records;
  }

  HttpResponse create(TableStore table, HttpRequest request, CallContext context) {
    TableDefinition definition = table.definition();
    Preferences preferences = Preferences.of(request);
    RowRenderer renderer = representation(table, request, preferences);
    Changes changes = PayloadReader.read(definition, body(definition, request));
    UUID requestedId = takePrimaryKey(definition, changes);
    Row row = store.transaction(() -> records.create(table, requestedId, changes, context.userId()));
    if (renderer == null) {
      return ODataResponses.empty(204).header(ENTITY_ID, context.entityUrl(definition, row.id()));
    }
    return PreferenceApplied.ofWrite(preferences).applyTo(ODataResponses.json(201, entity(renderer, row, context)));
  }

  HttpResponse retrieve(TableStore table, String keyText, HttpRequest request, CallContext context) {
    TableDefinition definition = table.definition();
    QueryOptions options = QueryOptions.of(request);
    options.requireSingleRowOptions();
    Preferences preferences = Preferences.of(request);
    List<ExpandOption> expands = expands(definition, options);
    RowRenderer renderer =
        new RowRenderer(store, definition, select(definition, options), expands, preferences.annotations());
    EntityKey key = EntityKey.parse(keyText, definition);
    return store.read(
        () -> {
          Row row = records.find(table, key).orElseThrow(() -> Records.notFound(definition, key));
          boolean conditional = expands.isEmpty() && !preferences.annotations().any();
          if (conditional && matches(request.header(IF_NONE_MATCH).orElse(null), row)) {
            return ODataResponses.empty(304);
          }
          return PreferenceApplied.of(preferences, false, false)
              .applyTo(ODataResponses.json(200, entity(renderer, row, context)));
        });
  }

  /**
   * dataverse-api.md §2.6: PATCH creates or updates; {@code If-Match: *} only updates, {@code If-None-Match: *} only
   * creates, {@code If-Match: W/"n"} updates only that version.
   */
  HttpResponse upsert(TableStore table, String keyText, HttpRequest request, CallContext context) {
    TableDefinition definition = table.definition();
    Preferences preferences = Preferences.of(request);
    RowRenderer renderer = representation(table, request, preferences);
    EntityKey key = EntityKey.parse(keyText, definition);
    Changes changes = PayloadReader.read(definition, body(definition, request));
    takePrimaryKey(definition, changes);
    String ifMatch = request.header(IF_MATCH).orElse(null);
    boolean createOnly = "*".equals(request.header(IF_NONE_MATCH).orElse(null));
    Row row =
        store.transaction(
            () -> {
              Optional<Row> existing = records.find(table, key);
              if (existing.isPresent() && createOnly) {
                throw DataverseException.duplicateRecord();
              }
              if (ifMatch != null) {
                Row current = existing.orElseThrow(() -> Records.notFound(definition, key));
                if (!matches(ifMatch, current)) {
                  throw DataverseException.versionMismatch();
                }
              }
              if (existing.isPresent()) {
                return records.update(table, existing.get(), changes, context.userId());
              }
              return records.create(table, keyId(definition, key, changes), changes, context.userId());
            });
    if (renderer == null) {
      return ODataResponses.empty(204).header(ENTITY_ID, context.entityUrl(definition, row.id()));
    }
    return PreferenceApplied.ofWrite(preferences).applyTo(ODataResponses.json(200, entity(renderer, row, context)));
  }

  HttpResponse delete(TableStore table, String keyText, HttpRequest request, CallContext context) {
    TableDefinition definition = table.definition();
    EntityKey key = EntityKey.parse(keyText, definition);
    String ifMatch = request.header(IF_MATCH).orElse(null);
    store.transaction(
        () -> {
          Row existing = records.find(table, key).orElseThrow(() -> Records.notFound(definition, key));
          if (ifMatch != null && !matches(ifMatch, existing)) {
            throw DataverseException.versionMismatch();
          }
          return records.delete(table, existing.id(), context.userId());
        });
    return ODataResponses.empty(204);
  }

  /** {@code GET}, {@code PUT {"value":…}} or {@code DELETE} on {@code <set>(<key>)/<column>}. */
  HttpResponse column(TableStore table, String keyText, String property, HttpRequest request, CallContext context) {
    TableDefinition definition = table.definition();
    ColumnDefinition column =
        definition.columnForProperty(property).orElseThrow(() -> DataverseException.resourceNotFound(property));
    EntityKey key = EntityKey.parse(keyText, definition);
    switch (request.method()) {
      case "GET" -> {
        return store.read(
            () -> {
              Row row = records.find(table, key).orElseThrow(() -> Records.notFound(definition, key));
              JsonNode value = row.values().get(column.propertyName());
              if (value == null) {
                return ODataResponses.empty(204);
              }
              ObjectNode body = Json.object();
              body.put(
                  "@odata.context",
                  context.metadataUrl() + "#" + definition.entitySetName() + "(" + row.id() + ")/"
                      + column.propertyName());
              body.set("value", value);
              return ODataResponses.json(200, body);
            });
      }
      case "PUT", "DELETE" -> {
        ObjectNode single = Json.object();
        single.set(property, request.method().equals("PUT") ? body(definition, request).path("value") : null);
        if (single.get(property).isMissingNode()) {
          throw DataverseException.payload(definition, "The 'value' property is missing from the request body.");
        }
        Changes changes = PayloadReader.read(definition, single);
        store.transaction(
            () -> {
              Row existing = records.find(table, key).orElseThrow(() -> Records.notFound(definition, key));
              return records.update(table, existing, changes, context.userId());
            });
        return ODataResponses.empty(204);
      }
      default -> throw DataverseException.methodNotAllowed(request.method());
    }
  }

  private RowRenderer representation(TableStore table, HttpRequest request, Preferences preferences) {
    if (!preferences.returnRepresentation()) {
      return null;
    }
    TableDefinition definition = table.definition();
    QueryOptions options = QueryOptions.of(request);
    return new RowRenderer(
        store, definition, select(definition, options), expands(definition, options), preferences.annotations());
  }

  private ObjectNode entity(RowRenderer renderer, Row row, CallContext context) {
    return store.read(
        () -> {
          ObjectNode entity = Json.object();
          entity.put("@odata.context", context.metadataUrl() + "#" + renderer.contextPath() + "/$entity");
          entity.setAll(renderer.render(row));
          return entity;
        });
  }

  private List<ExpandOption> expands(TableDefinition definition, QueryOptions options) {
    return ExpandOption.parse(options.expand(), definition, store.definitions(), store.clock());
  }

  private static List<String> select(TableDefinition definition, QueryOptions options) {
    return options.select() == null ? null : SelectParser.parse(options.select(), definition);
  }

  private static JsonNode body(TableDefinition definition, HttpRequest request) {
    try {
      return request.bodyJson();
    } catch (HttpRequest.MalformedJsonException e) {
      throw DataverseException.payload(definition, "Invalid JSON. " + e.getMessage());
    }
  }

  /** A primary key in a create body names the new row's id; in an update body it is ignored. */
  private static UUID takePrimaryKey(TableDefinition definition, Changes changes) {
    JsonNode id = changes.values().remove(definition.primaryIdColumn());
    return id == null || id.isNull() ? null : UUID.fromString(id.asText());
  }

  /** The id of a row an upsert creates; for an alternate key, the key's values become the new row's columns. */
  private static UUID keyId(TableDefinition definition, EntityKey key, Changes changes) {
    if (key instanceof EntityKey.ById byId) {
      return byId.id();
    }
    EntityKey.ByAlternateKey alternate = (EntityKey.ByAlternateKey) key;
    for (int i = 0; i < alternate.columns().size(); i++) {
      ColumnDefinition column = definition.columnNamed(alternate.columns().get(i)).orElseThrow();
      JsonNode value = alternate.values().get(i);
      if (column.isLookup()) {
        changes.lookup(new Changes.LookupChange(column, null, null, ColumnValues.guid(definition, value), null));
      } else {
        changes.set(column.propertyName(), ColumnValues.convert(definition, column, value));
      }
    }
    return null;
  }

  /** Whether an {@code If-Match}/{@code If-None-Match} value names the row's version ({@code *} matches any). */
  private static boolean matches(String header, Row row) {
    if (header == null) {
      return false;
    }
    for (String tag : header.split(",")) {
      String trimmed = tag.trim();
      if (trimmed.equals("*") || trimmed.equals(row.etag())) {
        return true;
      }
    }
    return false;
  }
}
