package org.spotlerconnector.sandbox.dataverse.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spotlerconnector.sandbox.dataverse.ColumnDefinition;
import org.spotlerconnector.sandbox.dataverse.LookupTarget;
import org.spotlerconnector.sandbox.dataverse.TableDefinition;

/** The definitions of one environment's tables at the moment of a request, as definition items. */
final class MetadataModel {
  /** Dataverse numbers custom tables from 10000 on. */
  private static final int FIRST_CUSTOM_TYPE_CODE = 10_000;

  private final Map<String, TableDefinition> tables = new LinkedHashMap<>();
  private final Map<String, Integer> customTypeCodes = new LinkedHashMap<>();
  private final List<RelationshipItem> relationships = new ArrayList<>();
  private final Customizations customizations;

  /** @param tables in the order they were added to the environment, which fixes custom object type codes */
  MetadataModel(List<TableDefinition> tables) {
    this(tables, new Customizations());
  }

  /** @param customizations what the metadata API was told about the tables it created */
  MetadataModel(List<TableDefinition> tables, Customizations customizations) {
    this.customizations = customizations;
    for (TableDefinition table : tables) {
      this.tables.put(table.logicalName(), table);
      if (isCustom(table)) {
        customTypeCodes.put(table.logicalName(), FIRST_CUSTOM_TYPE_CODE + customTypeCodes.size());
      }
    }
    tables.forEach(this::collectRelationships);
  }

  Customizations customizations() {
    return customizations;
  }

  List<MetadataItem> entities() {
    return tables.values().stream().map(t -> (MetadataItem) new EntityItem(this, t)).toList();
  }

  Optional<TableDefinition> table(String logicalName) {
    return Optional.ofNullable(tables.get(logicalName));
  }

  int objectTypeCode(TableDefinition table) {
    return StandardNames.table(table.logicalName())
        .map(StandardNames.Table::objectTypeCode)
        .orElseGet(() -> customTypeCodes.get(table.logicalName()));
  }

  List<MetadataItem> attributes(TableDefinition table) {
    List<MetadataItem> attributes = new ArrayList<>();
    for (ColumnDefinition column : table.columns()) {
      attributes.addAll(AttributeItem.of(table, column, customizations));
    }
    return attributes;
  }

  /** The relationships in which the table holds the lookup. */
  List<MetadataItem> manyToOne(TableDefinition table) {
    return relationships.stream()
        .filter(r -> r.referencingEntity().equals(table.logicalName()))
        .map(MetadataItem.class::cast)
        .toList();
  }

  /** The relationships in which another table (or the table itself) looks the table up. */
  List<MetadataItem> oneToMany(TableDefinition table) {
    return relationships.stream()
        .filter(r -> r.referencedEntity().equals(table.logicalName()))
        .map(MetadataItem.class::cast)
        .toList();
  }

  /** The table's alternate keys, then the keys whose index could not be built. */
  List<MetadataItem> keys(TableDefinition table) {
    List<MetadataItem> keys = new ArrayList<>();
    for (List<String> columns : table.alternateKeys()) {
      keys.add(new KeyItem(table, columns, customizations.key(table.logicalName(), columns).orElse(null)));
    }
    customizations.keys(table.logicalName()).stream()
        .filter(key -> !table.alternateKeys().contains(key.columns()))
        .forEach(key -> keys.add(new KeyItem(table, key.columns(), key)));
    return keys;
  }

  /** Every one-to-many relationship of the environment, for {@code RelationshipDefinitions}. */
  List<MetadataItem> relationships() {
    return List.copyOf(relationships);
  }

  private void collectRelationships(TableDefinition table) {
    for (ColumnDefinition column : table.columns()) {
      for (LookupTarget target : column.targets()) {
        // A lookup to a table the environment lacks still names that table's primary key the usual way.
        String referencedId =
            table(target.table()).map(TableDefinition::primaryIdColumn).orElse(target.table() + "id");
        boolean custom =
            isCustom(table)
                || StandardNames.table(target.table()).isEmpty()
                || StandardNames.column(table.logicalName(), column.logicalName()).isEmpty();
        relationships.add(new RelationshipItem(table, column.logicalName(), target, referencedId, custom));
      }
    }
  }

  private static boolean isCustom(TableDefinition table) {
    return StandardNames.table(table.logicalName()).isEmpty();
  }
}
