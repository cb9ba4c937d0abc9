package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.spotlerconnector.sandbox.dataverse.query.ColumnKind;
import org.spotlerconnector.sandbox.dataverse.query.FetchTable;

/**
 * A table as the Web API exposes it: names, primary id and name columns, columns, alternate keys, the state/status
 * model and whether change tracking is on. Immutable; build with {@link #builder(String, String)}.
 *
 * <p>Every table gets the columns the server maintains: {@code createdon}, {@code modifiedon}, {@code versionnumber},
 * {@code createdby} and {@code modifiedby}; a user-owned table also gets {@code ownerid}.
 */
public final class TableDefinition implements FetchTable {
  static final String CREATED_ON = "createdon";
  static final String MODIFIED_ON = "modifiedon";
  static final String VERSION_NUMBER = "versionnumber";
  static final String CREATED_BY = "createdby";
  static final String MODIFIED_BY = "modifiedby";
  static final String OWNER = "ownerid";
  static final String STATE = "statecode";
  static final String STATUS = "statuscode";

  private final String logicalName;
  private final String entitySetName;
  private final String primaryIdColumn;
  private final String primaryNameColumn;
  private final Map<String, ColumnDefinition> columns;
  private final Map<String, ColumnDefinition> columnsByProperty;
  private final Map<String, ColumnDefinition> lookupsByNavigationProperty;
  private final List<List<String>> alternateKeys;
  private final List<List<String>> uniqueIndexes;
  private final Map<String, JsonNode> defaults;
  private final Map<Integer, Integer> stateByStatus;
  private final Map<Integer, Integer> defaultStatusByState;
  private final boolean changeTrackingEnabled;
  private final Set<String> unreadableColumns;

  private TableDefinition(Builder b) {
    this.logicalName = b.logicalName;
    this.entitySetName = b.entitySetName;
    this.primaryIdColumn = Objects.requireNonNull(b.primaryIdColumn, "primaryIdColumn");
    this.primaryNameColumn = b.primaryNameColumn;
    this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(b.columns));
    Map<String, ColumnDefinition> byProperty = new LinkedHashMap<>();
    Map<String, ColumnDefinition> byNavigation = new LinkedHashMap<>();
    for (ColumnDefinition c : b.columns.values()) {
      byProperty.put(c.propertyName(), c);
      c.targets().forEach(t -> byNavigation.put(t.navigationProperty(), c));
    }
    this.columnsByProperty = Collections.unmodifiableMap(byProperty);
    this.lookupsByNavigationProperty = Collections.unmodifiableMap(byNavigation);
    this.alternateKeys = List.copyOf(b.alternateKeys);
    this.uniqueIndexes = List.copyOf(b.uniqueIndexes);
    this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(b.defaults));
    this.stateByStatus = Map.copyOf(b.stateByStatus);
    this.defaultStatusByState = Map.copyOf(b.defaultStatusByState);
    this.changeTrackingEnabled = b.changeTrackingEnabled;
    this.unreadableColumns = Collections.unmodifiableSet(new LinkedHashSet<>(b.unreadableColumns));
  }

  /** Starts a definition; the primary id column defaults to {@code <logicalName>id}. */
  public static Builder builder(String logicalName, String entitySetName) {
    return new Builder(logicalName, entitySetName);
  }

  /** A builder holding this definition, to derive a changed one (another column, an alternate key…). */
  public Builder toBuilder() {
    Builder b = new Builder(logicalName, entitySetName).primaryId(primaryIdColumn).primaryName(primaryNameColumn);
    columns.values().forEach(b::column);
    alternateKeys.forEach(key -> b.alternateKey(key.toArray(String[]::new)));
    uniqueIndexes.forEach(index -> b.uniqueIndex(index.toArray(String[]::new)));
    b.defaults.putAll(defaults);
    b.stateByStatus.putAll(stateByStatus);
    b.defaultStatusByState.putAll(defaultStatusByState);
    b.unreadableColumns.addAll(unreadableColumns);
    return b.changeTracking(changeTrackingEnabled);
  }

  @Override
  public String logicalName() {
    return logicalName;
  }

  public String entitySetName() {
    return entitySetName;
  }

  public String primaryIdColumn() {
    return primaryIdColumn;
  }

  /** The primary name column, used for formatted lookup values; may be null. */
  public String primaryNameColumn() {
    return primaryNameColumn;
  }

  public Collection<ColumnDefinition> columns() {
    return columns.values();
  }

  public Optional<ColumnDefinition> columnNamed(String logicalName) {
    return Optional.ofNullable(columns.get(logicalName));
  }

  /** The column behind a Web API property name ({@code _x_value} for lookups). */
  public Optional<ColumnDefinition> columnForProperty(String propertyName) {
    return Optional.ofNullable(columnsByProperty.get(propertyName));
  }

  /** The lookup column a single-valued navigation property belongs to. */
  public Optional<ColumnDefinition> lookupForNavigation(String navigationProperty) {
    return Optional.ofNullable(lookupsByNavigationProperty.get(navigationProperty));
  }

  @Override
  public Optional<ColumnKind> column(String propertyName) {
    return columnForProperty(propertyName).map(ColumnDefinition::kind);
  }

  /** The alternate keys, each a list of column logical names. */
  public List<List<String>> alternateKeys() {
    return alternateKeys;
  }

  /**
   * Column combinations the database keeps unique without offering them as alternate keys (no URL or bind can use
   * them), such as a marketing list's members: each a list of column logical names.
   */
  public List<List<String>> uniqueIndexes() {
    return uniqueIndexes;
  }

  /**
   * The value a new row gets in a column the create leaves out, by column logical name (in stored form); booleans
   * without one default to false.
   */
  public Map<String, JsonNode> defaults() {
    return defaults;
  }

  /** Every column combination the store indexes: the alternate keys, then the unique indexes. */
  List<List<String>> indexedKeys() {
    List<List<String>> keys = new ArrayList<>(alternateKeys);
    keys.addAll(uniqueIndexes);
    return keys;
  }

  public boolean changeTrackingEnabled() {
    return changeTrackingEnabled;
  }

  /** The state a status reason belongs to; empty when the table has no state model or the status is unknown. */
  public Optional<Integer> stateOf(int status) {
    return Optional.ofNullable(stateByStatus.get(status));
  }

  /**
   * Whether the Web API returns the column when rows are read; false for secrets such as a service endpoint's
   * {@code authvalue}, which can be written but never read back (IsValidForRead false).
   */
  public boolean isReadable(String columnLogicalName) {
    return !unreadableColumns.contains(columnLogicalName);
  }

  /** The status reason a row gets when only its state is set. */
  public Optional<Integer> defaultStatusOf(int state) {
    return Optional.ofNullable(defaultStatusByState.get(state));
  }

  /** The CSDL type name used in error texts, e.g. {@code Microsoft.Dynamics.CRM.contact}. */
  public String typeName() {
    return "Microsoft.Dynamics.CRM." + logicalName;
  }

  @Override
  public String toString() {
    return logicalName + " (" + entitySetName + ")";
  }

  /** Collects a {@link TableDefinition}. Not thread-safe. */
  public static final class Builder {
    private final String logicalName;
    private final String entitySetName;
    private String primaryIdColumn;
    private String primaryNameColumn;
    private final Map<String, ColumnDefinition> columns = new LinkedHashMap<>();
    private final List<List<String>> alternateKeys = new ArrayList<>();
    private final List<List<String>> uniqueIndexes = new ArrayList<>();
    private final Map<String, JsonNode> defaults = new LinkedHashMap<>();
    private final Map<Integer, Integer> stateByStatus = new LinkedHashMap<>();
    private final Map<Integer, Integer> defaultStatusByState = new LinkedHashMap<>();
    private boolean changeTrackingEnabled;
    private boolean userOwned;
    private final Set<String> unreadableColumns = new LinkedHashSet<>();

    private Builder(String logicalName, String entitySetName) {
      this.logicalName = Objects.requireNonNull(logicalName, "logicalName");
      this.entitySetName = Objects.requireNonNull(entitySetName, "entitySetName");
      this.primaryIdColumn = logicalName + "id";
    }

    public Builder primaryId(String column) {
      this.primaryIdColumn = column;
      return this;
    }

    public Builder primaryName(String column) {
      this.primaryNameColumn = column;
      return this;
    }

    public Builder column(ColumnDefinition column) {
      columns.put(column.logicalName(), column);
      return this;
    }

    /** Declares an alternate key usable in URLs such as {@code contacts(emailaddress1='a@b.c')}. */
    public Builder alternateKey(String... columnNames) {
      alternateKeys.add(List.of(columnNames));
      return this;
    }

    /** The value a new row gets in this column when the create leaves it out (stored form). */
    public Builder defaultValue(String columnName, JsonNode value) {
      defaults.put(columnName, value);
      return this;
    }

    /** Declares columns whose values no two rows may share, without making them an alternate key. */
    public Builder uniqueIndex(String... columnNames) {
      uniqueIndexes.add(List.of(columnNames));
      return this;
    }

    /**
     * Declares a status reason and the state it belongs to; the first status declared for a state is the one a row
     * gets when a client sets only the state.
     */
    public Builder status(int status, int state) {
      stateByStatus.put(status, state);
      defaultStatusByState.putIfAbsent(state, status);
      return this;
    }

    public Builder changeTracking(boolean enabled) {
      this.changeTrackingEnabled = enabled;
      return this;
    }

    /** Marks columns that can be written but are never returned when rows are read. */
    public Builder writeOnly(String... columnNames) {
      unreadableColumns.addAll(List.of(columnNames));
      return this;
    }

    /** Adds {@code ownerid}, set to the calling user on create, as on user-owned tables. */
    public Builder userOwned() {
      this.userOwned = true;
      return this;
    }

    public TableDefinition build() {
      Map<String, ColumnDefinition> declared = new LinkedHashMap<>(columns);
      columns.clear();
      columns.put(primaryIdColumn, declared.getOrDefault(primaryIdColumn, ColumnDefinition.guid(primaryIdColumn)));
      columns.putAll(declared);
      columns.putIfAbsent(CREATED_ON, ColumnDefinition.dateTime(CREATED_ON).readOnly());
      columns.putIfAbsent(MODIFIED_ON, ColumnDefinition.dateTime(MODIFIED_ON).readOnly());
      columns.putIfAbsent(VERSION_NUMBER, ColumnDefinition.bigint(VERSION_NUMBER).readOnly());
      columns.putIfAbsent(
          CREATED_BY, ColumnDefinition.lookup(CREATED_BY, LookupTarget.of(CREATED_BY, "systemuser")).readOnly());
      columns.putIfAbsent(
          MODIFIED_BY, ColumnDefinition.lookup(MODIFIED_BY, LookupTarget.of(MODIFIED_BY, "systemuser")).readOnly());
      if (userOwned) {
        columns.putIfAbsent(OWNER, ColumnDefinition.lookup(OWNER, LookupTarget.of(OWNER, "systemuser")));
      }
      for (List<String> key : alternateKeys) {
        requireColumns("alternate key", key);
      }
      for (List<String> index : uniqueIndexes) {
        requireColumns("unique index", index);
      }
      requireColumns("default value", List.copyOf(defaults.keySet()));
      return new TableDefinition(this);
    }

    private void requireColumns(String what, List<String> names) {
      for (String column : names) {
        if (!columns.containsKey(column)) {
          throw new IllegalArgumentException(what + " column " + column + " is not a column of " + logicalName);
        }
      }
    }
  }
}
