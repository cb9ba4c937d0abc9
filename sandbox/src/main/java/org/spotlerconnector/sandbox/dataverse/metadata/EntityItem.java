package org.spotlerconnector.sandbox.dataverse.metadata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.spotlerconnector.sandbox.dataverse.TableDefinition;
import org.spotlerconnector.sandbox.http.Json;

/** The definition of a table: {@code EntityMetadata}. */
final class EntityItem implements MetadataItem {
  private static final String OWNER_COLUMN = "ownerid";

  private final MetadataModel model;
  private final TableDefinition table;

  EntityItem(MetadataModel model, TableDefinition table) {
    this.model = model;
    this.table = table;
  }

  TableDefinition table() {
    return table;
  }

  @Override
  public MetadataType type() {
    return MetadataType.ENTITY;
  }

  @Override
  public UUID metadataId() {
    return MetadataIds.entity(table.logicalName());
  }

  @Override
  public ObjectNode properties() {
    String name = table.logicalName();
    StandardNames.Table standard = StandardNames.table(name).orElse(null);
    boolean custom = standard == null;
    Customizations.TableNames created = model.customizations().table(name).orElse(null);
    ObjectNode p = Json.object();
    p.put("LogicalName", name);
    p.put("SchemaName", model.customizations().schemaName(name));
    p.put("EntitySetName", table.entitySetName());
    p.put("LogicalCollectionName", table.entitySetName());
    p.put("CollectionSchemaName", collectionSchemaName(standard, created));
    p.put("ObjectTypeCode", model.objectTypeCode(table));
    p.put("PrimaryIdAttribute", table.primaryIdColumn());
    p.put("PrimaryNameAttribute", table.primaryNameColumn());
    p.set("DisplayName", Labels.of(name + ".DisplayName",
        created != null ? created.displayName() : custom ? name : standard.displayName(), !custom));
    p.set(
        "DisplayCollectionName",
        Labels.of(
            name + ".DisplayCollectionName",
            created != null
                ? created.displayCollectionName()
                : custom ? table.entitySetName() : standard.displayCollectionName(),
            !custom));
    p.set("Description", created == null ? Labels.empty()
        : Labels.of(name + ".Description", created.description(), false));
    p.put("OwnershipType", created != null ? created.ownershipType() : ownershipType(standard));
    p.put("ChangeTrackingEnabled", table.changeTrackingEnabled());
    p.put("IsCustomEntity", custom);
    p.put("IsActivity", false);
    p.put("IsIntersect", false);
    p.put("IsManaged", !custom);
    p.put(MetadataType.METADATA_ID, metadataId().toString());
    return PropertyOrder.of(type(), p);
  }

  @Override
  public List<MetadataItem> related(String navigation) {
    return switch (navigation) {
      case "Attributes" -> model.attributes(table);
      case "ManyToOneRelationships" -> model.manyToOne(table);
      case "OneToManyRelationships" -> model.oneToMany(table);
      case "Keys" -> model.keys(table);
      default -> List.of();
    };
  }

  /** A created table's plural schema name, e.g. {@code new_BankAccounts}, as Dataverse derives it. */
  private String collectionSchemaName(StandardNames.Table standard, Customizations.TableNames created) {
    if (created != null) {
      return SchemaNames.plural(created.schemaName());
    }
    return standard == null ? table.entitySetName() : standard.displayCollectionName();
  }

  private String ownershipType(StandardNames.Table standard) {
    if (standard != null) {
      return standard.ownershipType();
    }
    return table.columnNamed(OWNER_COLUMN).isPresent() ? "UserOwned" : "OrganizationOwned";
  }
}
