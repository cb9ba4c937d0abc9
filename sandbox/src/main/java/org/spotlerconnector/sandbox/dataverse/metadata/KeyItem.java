package org.spotlerconnector.sandbox.dataverse.metadata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.spotlerconnector.sandbox.dataverse.TableDefinition;
import org.spotlerconnector.sandbox.http.Json;

/**
 * An alternate key ({@code EntityKeyMetadata}). A key created through the metadata API has the schema name and label
 * it was given; the table model keeps only the columns of other keys, so the emulator names them
 * {@code <table>_<column>[_<column>…]_key}. The emulator builds a key's index at once, where Dataverse builds it
 * asynchronously (dataverse-api.md §8): it is {@code Active}, or {@code Failed} when existing rows already had
 * duplicate values.
 */
final class KeyItem implements MetadataItem {
  private final TableDefinition table;
  private final List<String> columns;
  private final Customizations.KeyNames created;

  /** @param created how the key was created through the API, or null */
  KeyItem(TableDefinition table, List<String> columns, Customizations.KeyNames created) {
    this.table = table;
    this.columns = List.copyOf(columns);
    this.created = created;
  }

  private String logicalName() {
    return created != null
        ? SchemaNames.logicalName(created.schemaName())
        : table.logicalName() + "_" + String.join("_", columns) + "_key";
  }

  @Override
  public MetadataType type() {
    return MetadataType.ENTITY_KEY;
  }

  @Override
  public UUID metadataId() {
    return MetadataIds.key(table.logicalName(), logicalName());
  }

  @Override
  public ObjectNode properties() {
    ObjectNode p = Json.object();
    p.put("LogicalName", logicalName());
    p.put("SchemaName", created != null ? created.schemaName() : logicalName());
    p.put("EntityLogicalName", table.logicalName());
    ArrayNode keyAttributes = p.putArray("KeyAttributes");
    columns.forEach(keyAttributes::add);
    p.set("DisplayName", Labels.of(table.logicalName() + "." + logicalName(),
        created != null && created.displayName() != null ? created.displayName() : logicalName(), false));
    p.put("EntityKeyIndexStatus", created != null ? created.status() : "Active");
    p.put("IsManaged", false);
    p.put(MetadataType.METADATA_ID, metadataId().toString());
    return PropertyOrder.of(type(), p);
  }

  @Override
  public List<MetadataItem> related(String navigation) {
    return List.of();
  }
}
