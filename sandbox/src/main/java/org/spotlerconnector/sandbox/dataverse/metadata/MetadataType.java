package org.spotlerconnector.sandbox.dataverse.metadata;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The definition entity types of the metadata Web API that the emulator serves, each with the properties it publishes,
 * its navigation properties and the alternate key it can be addressed by (MetadataId always works).
 *
 * <p>The attribute types derive from {@code AttributeMetadata}: a query on {@code Attributes} may select only the
 * common properties unless the collection is cast to a derived type, as in
 * {@code Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata} (query-metadata-web-api.md, "Querying
 * EntityMetadata attributes"). {@code EnumAttributeMetadata} is left out on purpose: the documentation says attributes
 * cannot be cast to it.
 */
enum MetadataType {
  ENTITY(
      "EntityMetadata", null, "LogicalName",
      "LogicalName", "SchemaName", "EntitySetName", "LogicalCollectionName", "CollectionSchemaName",
      "ObjectTypeCode", "PrimaryIdAttribute", "PrimaryNameAttribute", "DisplayName", "DisplayCollectionName",
      "Description", "OwnershipType", "ChangeTrackingEnabled", "IsCustomEntity", "IsActivity", "IsIntersect",
      "IsManaged"),
  ATTRIBUTE(
      "AttributeMetadata", null, "LogicalName",
      "LogicalName", "SchemaName", "EntityLogicalName", "AttributeType", "AttributeTypeName", "AttributeOf",
      "DisplayName", "Description", "IsPrimaryId", "IsPrimaryName", "IsCustomAttribute", "IsValidForCreate",
      "IsValidForUpdate", "IsValidForRead", "IsManaged", "RequiredLevel"),
  STRING_ATTRIBUTE("StringAttributeMetadata", ATTRIBUTE, null, "MaxLength", "Format", "FormatName"),
  MEMO_ATTRIBUTE("MemoAttributeMetadata", ATTRIBUTE, null, "MaxLength", "Format"),
  UNIQUE_IDENTIFIER_ATTRIBUTE("UniqueIdentifierAttributeMetadata", ATTRIBUTE, null),
  LOOKUP_ATTRIBUTE("LookupAttributeMetadata", ATTRIBUTE, null, "Targets"),
  INTEGER_ATTRIBUTE("IntegerAttributeMetadata", ATTRIBUTE, null, "MinValue", "MaxValue", "Format"),
  BIGINT_ATTRIBUTE("BigIntAttributeMetadata", ATTRIBUTE, null, "MinValue", "MaxValue"),
  DECIMAL_ATTRIBUTE("DecimalAttributeMetadata", ATTRIBUTE, null, "MinValue", "MaxValue", "Precision"),
  DOUBLE_ATTRIBUTE("DoubleAttributeMetadata", ATTRIBUTE, null, "MinValue", "MaxValue", "Precision"),
  MONEY_ATTRIBUTE(
      "MoneyAttributeMetadata", ATTRIBUTE, null, "MinValue", "MaxValue", "Precision", "PrecisionSource"),
  DATETIME_ATTRIBUTE("DateTimeAttributeMetadata", ATTRIBUTE, null, "Format", "DateTimeBehavior"),
  BOOLEAN_ATTRIBUTE("BooleanAttributeMetadata", ATTRIBUTE, null, "DefaultValue"),
  PICKLIST_ATTRIBUTE("PicklistAttributeMetadata", ATTRIBUTE, null, "DefaultFormValue"),
  STATE_ATTRIBUTE("StateAttributeMetadata", ATTRIBUTE, null, "DefaultFormValue"),
  STATUS_ATTRIBUTE("StatusAttributeMetadata", ATTRIBUTE, null, "DefaultFormValue"),
  MULTI_SELECT_PICKLIST_ATTRIBUTE("MultiSelectPicklistAttributeMetadata", ATTRIBUTE, null, "DefaultFormValue"),
  ENTITY_NAME_ATTRIBUTE("EntityNameAttributeMetadata", ATTRIBUTE, null, "DefaultFormValue"),
  ONE_TO_MANY_RELATIONSHIP(
      "OneToManyRelationshipMetadata", null, "SchemaName",
      "SchemaName", "RelationshipType", "IsCustomRelationship", "IsManaged", "IsHierarchical",
      "ReferencedAttribute", "ReferencedEntity", "ReferencingAttribute", "ReferencingEntity",
      "ReferencedEntityNavigationPropertyName", "ReferencingEntityNavigationPropertyName"),
  MANY_TO_MANY_RELATIONSHIP(
      "ManyToManyRelationshipMetadata", null, "SchemaName",
      "SchemaName", "RelationshipType", "IsCustomRelationship", "IsManaged", "Entity1LogicalName",
      "Entity2LogicalName", "IntersectEntityName", "Entity1IntersectAttribute", "Entity2IntersectAttribute",
      "Entity1NavigationPropertyName", "Entity2NavigationPropertyName"),
  ENTITY_KEY(
      "EntityKeyMetadata", null, "LogicalName",
      "LogicalName", "SchemaName", "EntityLogicalName", "KeyAttributes", "DisplayName", "EntityKeyIndexStatus",
      "IsManaged"),
  OPTION_SET(
      "OptionSetMetadata", null, null,
      "Name", "OptionSetType", "IsGlobal", "IsCustomOptionSet", "IsManaged", "DisplayName", "Description",
      "Options"),
  BOOLEAN_OPTION_SET(
      "BooleanOptionSetMetadata", null, null,
      "Name", "OptionSetType", "IsGlobal", "IsCustomOptionSet", "IsManaged", "DisplayName", "Description",
      "TrueOption", "FalseOption");

  static final String NAMESPACE = "Microsoft.Dynamics.CRM.";
  /** The primary key of every definition type; always returned, whatever {@code $select} says. */
  static final String METADATA_ID = "MetadataId";

  private final String typeName;
  private final MetadataType parent;
  private final String alternateKey;
  private final Set<String> properties;

  MetadataType(String typeName, MetadataType parent, String alternateKey, String... ownProperties) {
    this.typeName = typeName;
    this.parent = parent;
    this.alternateKey = parent == null ? alternateKey : parent.alternateKey;
    Set<String> all = new LinkedHashSet<>();
    if (parent != null) {
      all.addAll(parent.properties);
      all.remove(METADATA_ID);
    }
    all.addAll(Arrays.asList(ownProperties));
    all.add(METADATA_ID);
    this.properties = Collections.unmodifiableSet(all);
  }

  /** The unqualified type name, e.g. {@code StringAttributeMetadata}. */
  String typeName() {
    return typeName;
  }

  /** The name used in type casts, error texts and {@code @odata.type}: {@code Microsoft.Dynamics.CRM.<type>}. */
  String qualifiedName() {
    return NAMESPACE + typeName;
  }

  /**
   * The structural properties of the type, inherited ones included, in the order the emulator writes them:
   * {@code MetadataId} last.
   */
  Set<String> properties() {
    return properties;
  }

  /** The property a definition of this type can be addressed by besides its MetadataId, e.g. {@code LogicalName}. */
  Optional<String> alternateKey() {
    return Optional.ofNullable(alternateKey);
  }

  boolean isA(MetadataType other) {
    return this == other || (parent != null && parent.isA(other));
  }

  Optional<Navigation> navigation(String name) {
    return navigations().stream().filter(n -> n.name().equals(name)).findFirst();
  }

  List<Navigation> navigations() {
    return switch (this) {
      case ENTITY ->
          List.of(
              new Navigation("Attributes", true, ATTRIBUTE),
              new Navigation("ManyToOneRelationships", true, ONE_TO_MANY_RELATIONSHIP),
              new Navigation("OneToManyRelationships", true, ONE_TO_MANY_RELATIONSHIP),
              new Navigation("ManyToManyRelationships", true, MANY_TO_MANY_RELATIONSHIP),
              new Navigation("Keys", true, ENTITY_KEY));
      case BOOLEAN_ATTRIBUTE ->
          List.of(
              new Navigation("OptionSet", false, BOOLEAN_OPTION_SET),
              new Navigation("GlobalOptionSet", false, BOOLEAN_OPTION_SET));
      case PICKLIST_ATTRIBUTE, STATE_ATTRIBUTE, STATUS_ATTRIBUTE, MULTI_SELECT_PICKLIST_ATTRIBUTE ->
          List.of(
              new Navigation("OptionSet", false, OPTION_SET), new Navigation("GlobalOptionSet", false, OPTION_SET));
      default -> List.of();
    };
  }

  /** The type named by a cast segment such as {@code Microsoft.Dynamics.CRM.PicklistAttributeMetadata}. */
  static Optional<MetadataType> byQualifiedName(String qualifiedName) {
    return Arrays.stream(values()).filter(t -> t.qualifiedName().equals(qualifiedName)).findFirst();
  }
}
