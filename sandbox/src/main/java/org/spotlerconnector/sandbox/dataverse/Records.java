package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.spotlerconnector.sandbox.dataverse.query.ColumnKind;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Creates, updates and deletes rows the way the server does: resolves lookups, keeps state and status reason
 * consistent, derives computed columns, enforces alternate key uniqueness and maintains the system columns
 * ({@code createdon}, {@code modifiedon}, {@code createdby}, {@code modifiedby}, {@code ownerid} and
 * {@code versionnumber}, one global counter). Every write takes a new version, so change tracking sees it; table
 * specific {@link RowRules} are checked before it, and the {@link RowChangeListener} hears of it (for registered
 * steps); the {@link RowCascade} changes the rows that depend on a created or deleted one. Callers hold the store's
 * write lock.
 */
final class Records {
  private final DataverseStore store;
  private volatile RowRules rules = RowRules.NONE;
  private volatile RowChangeListener listener = RowChangeListener.NONE;
  private volatile RowCascade cascade = RowCascade.NONE;

  Records(DataverseStore store) {
    this.store = store;
  }

  void rules(RowRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  void listener(RowChangeListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  void cascade(RowCascade cascade) {
    this.cascade = Objects.requireNonNull(cascade, "cascade");
  }

  /** Creates a row; {@code requestedId} may be null for a new id. */
  Row create(TableStore table, UUID requestedId, Changes changes, UUID userId) {
    TableDefinition definition = table.definition();
    UUID id = requestedId != null ? requestedId : UUID.randomUUID();
    if (table.get(id) != null) {
      throw new DataverseException(412, DataverseException.DUPLICATE_RECORD, "Cannot insert duplicate key.");
    }
    ObjectNode values = Json.object();
    values.put(definition.primaryIdColumn(), id.toString());
    apply(table, values, changes, userId);
    for (ColumnDefinition column : definition.columns()) {
      JsonNode defaultValue = definition.defaults().get(column.logicalName());
      if (defaultValue != null && !values.has(column.propertyName())) {
        values.set(column.propertyName(), defaultValue);
      }
      if (column.kind() == ColumnKind.BOOLEAN && column.writable() && !values.has(column.propertyName())) {
        values.put(column.propertyName(), false);
      }
    }
    boolean userOwned = definition.columnNamed(TableDefinition.OWNER).isPresent();
    if (userOwned && !values.has(lookupProperty(TableDefinition.OWNER))) {
      setLookup(values, lookupProperty(TableDefinition.OWNER), userId, "systemuser");
    }
    setLookup(values, lookupProperty(TableDefinition.CREATED_BY), userId, "systemuser");
    values.put(TableDefinition.CREATED_ON, ColumnValues.dateTime(store.now()));
    Row row = write(table, id, values, changes, userId, null);
    Set<String> target = new LinkedHashSet<>();
    for (ColumnDefinition column : definition.columns()) {
      if (row.values().has(column.propertyName()) && !column.logicalName().equals(TableDefinition.VERSION_NUMBER)) {
        target.add(column.logicalName());
      }
    }
    announce(RowChange.CREATE, definition, row, target, userId);
    cascade.created(table, row, userId);
    return row;
  }

  /** Updates an existing row; every successful update takes a new version, even when no value changed. */
  Row update(TableStore table, Row existing, Changes changes, UUID userId) {
    ignoreCreateOnlyColumns(table.definition(), changes);
    ObjectNode values = existing.values().deepCopy();
    apply(table, values, changes, userId);
    Row row = write(table, existing.id(), values, changes, userId, existing);
    Set<String> target = updateTarget(table.definition(), existing, row, changes);
    announce(RowChange.UPDATE, table.definition(), row, target, userId);
    return row;
  }

  /** An update's values for columns that are valid for create only are ignored, as Dataverse ignores them. */
  private static void ignoreCreateOnlyColumns(TableDefinition table, Changes changes) {
    changes.values().keySet().removeIf(
        property -> table.columnForProperty(property).map(c -> c.writable() && !c.updatable()).orElse(false));
    changes.lookups().removeIf(change -> change.lookup().writable() && !change.lookup().updatable());
  }

  /** Deletes a row; returns the deleted row or null when there was none. */
  Row delete(TableStore table, UUID id, UUID userId) {
    Row removed = store.remove(table, id);
    if (removed != null) {
      announce(RowChange.DELETE, table.definition(), removed, Set.of(), userId);
      cascade.deleted(table, removed, userId);
    }
    return removed;
  }

  /** Finds a row by primary or alternate key. */
  Optional<Row> find(TableStore table, EntityKey key) {
    if (key instanceof EntityKey.ById byId) {
      return Optional.ofNullable(table.get(byId.id()));
    }
    EntityKey.ByAlternateKey alternate = (EntityKey.ByAlternateKey) key;
    return table.findByKey(alternate.columns(), alternate.values());
  }

  /** The row a reference such as {@code /accounts(<id>)} points to, which must exist. */
  Row resolve(String reference, String expectedTable, TableDefinition referencing) {
    EntityReference parsed =
        EntityReference.parse(reference)
            .orElseThrow(
                () -> DataverseException.badRequest(
                    DataverseException.ODATA_QUERY,
                    "The URI '" + reference + "' is not valid because it is not based on the service root."));
    TableStore target =
        store
            .byEntitySet(parsed.entitySet())
            .orElseThrow(() -> DataverseException.resourceNotFound(parsed.entitySet()));
    if (expectedTable != null && !target.definition().logicalName().equals(expectedTable)) {
      throw DataverseException.payload(
          referencing,
          "The entity set '" + parsed.entitySet() + "' does not match the type of the navigation property, which"
              + " expects 'Microsoft.Dynamics.CRM." + expectedTable + "'.");
    }
    EntityKey key = EntityKey.parse(parsed.keyText(), target.definition());
    return find(target, key).orElseThrow(() -> notFound(target.definition(), key));
  }

  static DataverseException notFound(TableDefinition table, EntityKey key) {
    return key instanceof EntityKey.ById byId
        ? DataverseException.recordNotFound(table, byId.id())
        : DataverseException.recordNotFoundByKey(table);
  }

  private Row write(TableStore table, UUID id, ObjectNode values, Changes changes, UUID userId, Row existing) {
    TableDefinition definition = table.definition();
    reconcileState(definition, id, values, changes);
    for (ColumnDefinition column : definition.columns()) {
      if (column.computed() != null) {
        JsonNode computed = column.computed().compute(values);
        if (computed == null || computed.isNull()) {
          values.remove(column.propertyName());
        } else {
          values.set(column.propertyName(), computed);
        }
      }
    }
    rules.beforeWrite(table, id, values, existing);
    requireUniqueKeys(table, id, values);
    setLookup(values, lookupProperty(TableDefinition.MODIFIED_BY), userId, "systemuser");
    values.put(TableDefinition.MODIFIED_ON, ColumnValues.dateTime(store.now()));
    long version = store.nextVersion();
    values.put(TableDefinition.VERSION_NUMBER, version);
    Row row = new Row(id, version, values);
    store.put(table, row);
    return row;
  }

  private void announce(String message, TableDefinition table, Row row, Set<String> target, UUID userId) {
    listener.changed(new RowChange(message, table, row.id(), row.values(), Set.copyOf(target), userId, store.now()));
  }

  /**
   * The columns of an Update's target: those the request set (even to the value they had), the primary key, and those
   * the server changed along with them, except the version number.
   */
  private static Set<String> updateTarget(TableDefinition table, Row before, Row after, Changes changes) {
    Set<String> target = new LinkedHashSet<>();
    target.add(table.primaryIdColumn());
    for (ColumnDefinition column : table.columns()) {
      String property = column.propertyName();
      boolean requested =
          changes.touches(property) || changes.lookups().stream().anyMatch(l -> l.lookup().equals(column));
      boolean changed = !Objects.equals(before.values().get(property), after.values().get(property));
      if (requested || (changed && !column.logicalName().equals(TableDefinition.VERSION_NUMBER))) {
        target.add(column.logicalName());
      }
    }
    target.add(TableDefinition.MODIFIED_ON);
    target.add(TableDefinition.MODIFIED_BY);
    return target;
  }

  private void apply(TableStore table, ObjectNode values, Changes changes, UUID userId) {
    for (Map.Entry<String, JsonNode> change : changes.values().entrySet()) {
      if (change.getValue().isNull()) {
        values.remove(change.getKey());
      } else {
        values.set(change.getKey(), change.getValue());
      }
    }
    for (Changes.LookupChange change : changes.lookups()) {
      String property = change.lookup().propertyName();
      if (change.clears()) {
        values.remove(property);
        values.remove(Row.lookupTableKey(property));
        continue;
      }
      Target target = lookupTarget(table.definition(), change, userId);
      setLookup(values, property, target.row().id(), target.table());
    }
  }

  /** A row a lookup points to, and its table. */
  private record Target(Row row, String table) {}

  private Target lookupTarget(TableDefinition referencing, Changes.LookupChange change, UUID userId) {
    if (change.reference() != null) {
      return new Target(resolve(change.reference(), change.targetTable(), referencing), change.targetTable());
    }
    if (change.deepInsert() != null) {
      TableStore target = store.byLogicalName(change.targetTable()).orElseThrow();
      Row created = create(target, null, PayloadReader.read(target.definition(), change.deepInsert()), userId);
      return new Target(created, change.targetTable());
    }
    List<String> candidates =
        change.targetTable() != null
            ? List.of(change.targetTable())
            : change.lookup().targets().stream().map(LookupTarget::table).toList();
    for (String candidate : candidates) {
      Optional<Row> row = store.byLogicalName(candidate).map(t -> t.get(change.id()));
      if (row.isPresent()) {
        return new Target(row.get(), candidate);
      }
    }
    TableStore first = store.byLogicalName(candidates.get(0)).orElseThrow();
    throw DataverseException.recordNotFound(first.definition(), change.id());
  }

  /**
   * Keeps statecode and statuscode consistent: a status implies its state, a state alone gets its default status,
   * a status that does not belong to the given state is refused.
   */
  private static void reconcileState(TableDefinition table, UUID id, ObjectNode values, Changes changes) {
    if (table.columnNamed(TableDefinition.STATE).isEmpty()) {
      return;
    }
    JsonNode state = values.get(TableDefinition.STATE);
    JsonNode status = values.get(TableDefinition.STATUS);
    boolean stateChanged = changes.touches(TableDefinition.STATE) && state != null;
    boolean statusChanged = changes.touches(TableDefinition.STATUS) && status != null;
    if (state == null) {
      state = IntNode.valueOf(0);
      values.set(TableDefinition.STATE, state);
      stateChanged = true;
    }
    if (statusChanged) {
      Optional<Integer> stateOfStatus = table.stateOf(status.intValue());
      int stateValue = state.intValue();
      if (stateOfStatus.isPresent() && stateOfStatus.get() != stateValue) {
        if (stateChanged) {
          String stateLabel =
              table.columnNamed(TableDefinition.STATE).map(c -> c.options().get(stateValue)).orElse("");
          throw DataverseException.badRequest(
              DataverseException.INVALID_STATE_TRANSITION,
              status.intValue() + " is not a valid status code for state code " + stateLabel + " on "
                  + table.logicalName() + " with Id " + id + ".");
        }
        values.put(TableDefinition.STATE, stateOfStatus.get());
      }
    } else if (stateChanged || status == null) {
      int stateValue = values.get(TableDefinition.STATE).intValue();
      table.defaultStatusOf(stateValue).ifPresent(s -> values.put(TableDefinition.STATUS, s));
    }
  }

  private static void requireUniqueKeys(TableStore table, UUID id, ObjectNode values) {
    TableDefinition definition = table.definition();
    for (List<String> index : definition.uniqueIndexes()) {
      if (table.keyOwner(index, values, id).isPresent()) {
        throw new DataverseException(412, DataverseException.DUPLICATE_RECORD, "Cannot insert duplicate key.");
      }
    }
    for (List<String> key : definition.alternateKeys()) {
      if (table.keyOwner(key, values, id).isPresent()) {
        throw new DataverseException(
            412,
            DataverseException.DUPLICATE_RECORD,
            "A record that has the attribute values " + String.join(", ", key) + " already exists. The entity key "
                + definition.logicalName() + "_" + String.join("_", key) + "_key requires that this set of attributes"
                + " contains unique values. Select unique values and try again.");
      }
    }
  }

  private static void setLookup(ObjectNode values, String property, UUID id, String table) {
    values.put(property, id.toString());
    values.put(Row.lookupTableKey(property), table);
  }

  private static String lookupProperty(String lookupLogicalName) {
    return ColumnDefinition.lookupValueProperty(lookupLogicalName);
  }
}
