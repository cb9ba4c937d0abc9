package org.spotlerconnector.sandbox.dataverse.metadata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.spotlerconnector.sandbox.dataverse.LookupTarget;
import org.spotlerconnector.sandbox.dataverse.TableDefinition;
import org.spotlerconnector.sandbox.http.Json;

/**
 * A one-to-many relationship ({@code OneToManyRelationshipMetadata}) made by one target of a lookup: the table with
 * the lookup is the referencing entity, the target the referenced one. A relationship has the name its lookup target
 * gives it, by default {@code <referenced>_<referencing>_<lookup>}, which is unique per lookup target; that name is
 * also the referenced table's collection-valued navigation property, as Dataverse does for relationships it creates.
 */
final class RelationshipItem implements MetadataItem {
  private final TableDefinition referencing;
  private final String lookup;
  private final LookupTarget target;
  private final String referencedAttribute;
  private final boolean custom;

  /**
   * @param referencedAttribute the primary id column of the target table
   * @param custom whether either table or the lookup is custom
   */
  RelationshipItem(
      TableDefinition referencing, String lookup, LookupTarget target, String referencedAttribute, boolean custom) {
    this.referencing = referencing;
    this.lookup = lookup;
    this.target = target;
    this.referencedAttribute = referencedAttribute;
    this.custom = custom;
  }

  String referencedEntity() {
    return target.table();
  }

  String referencingEntity() {
    return referencing.logicalName();
  }

  String schemaName() {
    return target.relationshipName(referencing.logicalName(), lookup);
  }

  @Override
  public MetadataType type() {
    return MetadataType.ONE_TO_MANY_RELATIONSHIP;
  }

  @Override
  public UUID metadataId() {
    return MetadataIds.relationship(schemaName());
  }

  @Override
  public ObjectNode properties() {
    ObjectNode p = Json.object();
    p.put("SchemaName", schemaName());
    p.put("RelationshipType", "OneToManyRelationship");
    p.put("IsCustomRelationship", custom);
    p.put("IsManaged", !custom);
    p.put("IsHierarchical", false);
    p.put("ReferencedAttribute", referencedAttribute);
    p.put("ReferencedEntity", target.table());
    p.put("ReferencingAttribute", lookup);
    p.put("ReferencingEntity", referencing.logicalName());
    p.put("ReferencedEntityNavigationPropertyName", schemaName());
    p.put("ReferencingEntityNavigationPropertyName", target.navigationProperty());
    p.put(MetadataType.METADATA_ID, metadataId().toString());
    return PropertyOrder.of(type(), p);
  }

  @Override
  public List<MetadataItem> related(String navigation) {
    return List.of();
  }
}
