package org.spotlerconnector.sandbox.dataverse.metadata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.spotlerconnector.sandbox.dataverse.TableDefinition;
import org.spotlerconnector.sandbox.http.Json;

/**
 * An alternate key ({@code EntityKeyMetadata}). The table model keeps only a key's columns, so the emulator names a
 * key {@code <table>_<column>[_<column>…]_key}. Its index is always {@code Active}: the emulator builds it at once,
 * where Dataverse builds it asynchronously (dataverse-api.md §8).
 */
final class KeyItem implements MetadataItem {
  private final TableDefinition table;
  private final List<String> columns;

  KeyItem(TableDefinition table, List<String> columns) {
    this.table = table;
    this.columns = List.copyOf(columns);
  }

  private String logicalName() {
    return table.logicalName() + "_" + String.join("_", columns) + "_key";
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
    p.put("SchemaName", logicalName());
    p.put("EntityLogicalName", table.logicalName());
    ArrayNode keyAttributes = p.putArray("KeyAttributes");
    columns.forEach(keyAttributes::add);
    p.set("DisplayName", Labels.of(table.logicalName() + "." + logicalName(), logicalName(), false));
    p.put("EntityKeyIndexStatus", "Active");
    p.put("IsManaged", false);
    p.put(MetadataType.METADATA_ID, metadataId().toString());
    return PropertyOrder.of(type(), p);
  }

  @Override
  public List<MetadataItem> related(String navigation) {
    return List.of();
  }
}
