package org.spotlerconnector.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of one Dataverse table, with their types (and, where read, the details of {@link ColumnMetadata}), and
 * for lookup columns the tables they point to. Filled from the metadata API: {@code
 * EntityDefinitions(LogicalName='contact')/Attributes?$select=LogicalName,AttributeType} for the columns and {@code
 * .../ManyToOneRelationships?$select=ReferencingAttribute,ReferencedEntity,ReferencingEntityNavigationPropertyName}
 * for the lookups.
 */
public final class TableSchema {
  private final String logicalName;
  private final Map<String, ColumnMetadata> columns;
  private final Map<String, Navigation> navigationProperties;
  private final Map<String, List<LookupTarget>> lookupTargets;

  private TableSchema(Builder builder) {
    this.logicalName = builder.logicalName;
    this.columns = Map.copyOf(builder.columns);
    this.navigationProperties = Map.copyOf(builder.navigationProperties);
    this.lookupTargets = Map.copyOf(builder.lookupTargets);
  }

  public static Builder builder(String logicalName) {
    return new Builder(logicalName);
  }

  public String logicalName() {
    return logicalName;
  }

  public Optional<ColumnType> columnType(String column) {
    return column(column).map(ColumnMetadata::type);
  }

  public Optional<ColumnMetadata> column(String column) {
    return Optional.ofNullable(columns.get(column));
  }

  public Set<String> columnNames() {
    return columns.keySet();
  }

  /** The lookup column and target table a navigation property leads to. */
  public Optional<Navigation> navigation(String navigationProperty) {
    return Optional.ofNullable(navigationProperties.get(navigationProperty));
  }

  public Set<String> navigationPropertyNames() {
    return navigationProperties.keySet();
  }

  /** The targets of a lookup column; empty when the column is not a lookup. */
  public List<LookupTarget> lookupTargets(String lookupColumn) {
    return lookupTargets.getOrDefault(lookupColumn, List.of());
  }

  /** Where a navigation property leads: through which lookup column, to which table. */
  public record Navigation(String lookupColumn, String targetTable) {}

  public static final class Builder {
    private final String logicalName;
    private final Map<String, ColumnMetadata> columns = new LinkedHashMap<>();
    private final Map<String, Navigation> navigationProperties = new LinkedHashMap<>();
    private final Map<String, List<LookupTarget>> lookupTargets = new LinkedHashMap<>();

    private Builder(String logicalName) {
      this.logicalName = logicalName;
    }

    public Builder column(String name, ColumnType type) {
      return column(ColumnMetadata.of(name, type));
    }

    public Builder column(ColumnMetadata column) {
      columns.put(column.name(), column);
      return this;
    }

    /** A lookup column and the tables it can point to. */
    public Builder lookup(String column, LookupTarget... targets) {
      columns.put(column, ColumnMetadata.of(column, ColumnType.LOOKUP));
      List<LookupTarget> list = lookupTargets.computeIfAbsent(column, c -> new ArrayList<>());
      for (LookupTarget target : targets) {
        list.add(target);
        navigationProperties.put(target.navigationProperty(), new Navigation(column, target.table()));
      }
      return this;
    }

    public TableSchema build() {
      lookupTargets.replaceAll((column, targets) -> List.copyOf(targets));
      return new TableSchema(this);
    }
  }
}
