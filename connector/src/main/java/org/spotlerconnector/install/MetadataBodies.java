package org.spotlerconnector.install;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The request bodies of the metadata Web API (dataverse-api.md §8; Microsoft's "Create and update table/column
 * definitions using the Web API"): {@code EntityMetadata}, the {@code …AttributeMetadata} types,
 * {@code OneToManyRelationshipMetadata}, {@code CreateCustomerRelationships}, {@code EntityKeyMetadata},
 * {@code InsertStatusValue} and {@code UpdateOptionValue}.
 */
final class MetadataBodies {
  private static final String CRM = "Microsoft.Dynamics.CRM.";
  private static final int ENGLISH = 1033;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private MetadataBodies() {}

  static ObjectNode table(TableSpec table) {
    ObjectNode body = typed("EntityMetadata");
    body.put("SchemaName", table.schemaName());
    body.put("EntitySetName", table.entitySetName());
    body.set("DisplayName", label(table.displayName()));
    body.set("DisplayCollectionName", label(table.pluralName()));
    body.set("Description", label(table.description()));
    body.put("OwnershipType", "UserOwned");
    body.put("IsActivity", false);
    body.put("HasActivities", false);
    body.put("HasNotes", false);
    body.put("ChangeTrackingEnabled", true);
    ObjectNode primaryName = column(table.primaryName());
    primaryName.put("IsPrimaryName", true);
    body.putArray("Attributes").add(primaryName);
    return body;
  }

  /** A column other than a lookup (those are made with their relationships). */
  static ObjectNode column(Column column) {
    ObjectNode body;
    if (column instanceof Column.Text text) {
      body = typed("StringAttributeMetadata").put("MaxLength", text.maxLength());
      body.putObject("FormatName").put("Value", text.format());
    } else if (column instanceof Column.Memo memo) {
      body = typed("MemoAttributeMetadata").put("MaxLength", memo.maxLength()).put("Format", "TextArea");
    } else if (column instanceof Column.WholeNumber) {
      body = typed("IntegerAttributeMetadata").put("Format", "None")
          .put("MinValue", Integer.MIN_VALUE).put("MaxValue", Integer.MAX_VALUE);
    } else if (column instanceof Column.YesNo) {
      body = typed("BooleanAttributeMetadata").put("DefaultValue", false);
      ObjectNode options = body.putObject("OptionSet");
      options.put("@odata.type", CRM + "BooleanOptionSetMetadata").put("OptionSetType", "Boolean");
      options.putObject("TrueOption").put("Value", 1).set("Label", label("Yes"));
      options.putObject("FalseOption").put("Value", 0).set("Label", label("No"));
    } else if (column instanceof Column.DateAndTime) {
      body = typed("DateTimeAttributeMetadata").put("Format", "DateAndTime");
      body.putObject("DateTimeBehavior").put("Value", "UserLocal");
    } else if (column instanceof Column.Choice choice) {
      body = typed("PicklistAttributeMetadata");
      ObjectNode optionSet = body.putObject("OptionSet");
      optionSet.put("@odata.type", CRM + "OptionSetMetadata").put("IsGlobal", false).put("OptionSetType", "Picklist");
      ArrayNode options = optionSet.putArray("Options");
      for (Map.Entry<Integer, String> option : choice.options().entrySet()) {
        options.addObject().put("Value", option.getKey()).set("Label", label(option.getValue()));
      }
    } else {
      throw new IllegalArgumentException("a lookup is created with its relationship: " + column.schemaName());
    }
    body.put("SchemaName", column.schemaName());
    body.set("DisplayName", label(column.displayName()));
    boolean required = column instanceof Column.Choice choice && choice.required();
    body.set("RequiredLevel", requiredLevel(required ? "ApplicationRequired" : "None"));
    return body;
  }

  /** {@code POST RelationshipDefinitions}: a lookup to one table. */
  static ObjectNode relationship(TableSpec referencing, Column.Lookup lookup) {
    ObjectNode body = oneToMany(referencing, lookup, 0);
    body.set("Lookup", lookupAttribute(lookup));
    return body;
  }

  /** The {@code CreateCustomerRelationships} parameters: a lookup to account and contact. */
  static ObjectNode customerRelationships(TableSpec referencing, Column.Lookup lookup, String solution) {
    ObjectNode body = JSON.objectNode();
    body.set("Lookup", lookupAttribute(lookup));
    ArrayNode relationships = body.putArray("OneToManyRelationships");
    for (int i = 0; i < lookup.targets().size(); i++) {
      relationships.add(oneToMany(referencing, lookup, i));
    }
    body.put("SolutionUniqueName", solution);
    return body;
  }

  static ObjectNode key(AlternateKey key) {
    ObjectNode body = typed("EntityKeyMetadata");
    body.put("SchemaName", key.schemaName());
    body.set("DisplayName", label(key.displayName()));
    ArrayNode columns = body.putArray("KeyAttributes");
    key.columns().forEach(columns::add);
    return body;
  }

  static ObjectNode insertStatusValue(TableSpec table, StatusReason reason, String solution) {
    ObjectNode body = JSON.objectNode();
    body.put("EntityLogicalName", table.logicalName());
    body.put("AttributeLogicalName", "statuscode");
    body.put("Value", reason.value());
    body.put("StateCode", reason.state());
    body.set("Label", label(reason.label()));
    body.put("SolutionUniqueName", solution);
    return body;
  }

  /**
   * The {@code UpdateOptionValue} parameters that give a status reason its label (Web API reference, UpdateOptionValue
   * action: EntityLogicalName, AttributeLogicalName, Value, Label, MergeLabels, SolutionUniqueName). MergeLabels keeps
   * the labels of other languages.
   */
  static ObjectNode updateOptionValue(TableSpec table, StatusReason reason, String solution) {
    ObjectNode body = JSON.objectNode();
    body.put("EntityLogicalName", table.logicalName());
    body.put("AttributeLogicalName", "statuscode");
    body.put("Value", reason.value());
    body.set("Label", label(reason.label()));
    body.put("MergeLabels", true);
    body.put("SolutionUniqueName", solution);
    return body;
  }

  private static ObjectNode oneToMany(TableSpec referencing, Column.Lookup lookup, int target) {
    ObjectNode body = typed("OneToManyRelationshipMetadata");
    body.put("SchemaName", lookup.relationshipSchemaNames().get(target));
    body.put("ReferencedEntity", lookup.targets().get(target));
    body.put("ReferencingEntity", referencing.logicalName());
    // named explicitly so that binds are predictable: the default name follows the schema name's casing
    body.put("ReferencingEntityNavigationPropertyName", lookup.navigationProperty(target));
    ObjectNode cascade = body.putObject("CascadeConfiguration");
    List.of("Assign", "Share", "Unshare", "Reparent", "Merge").forEach(action -> cascade.put(action, "NoCascade"));
    // deleting a customer keeps the connector's rows about it (the job history), only the link is cleared
    cascade.put("Delete", "RemoveLink");
    return body;
  }

  private static ObjectNode lookupAttribute(Column.Lookup lookup) {
    ObjectNode body = typed("LookupAttributeMetadata");
    body.put("SchemaName", lookup.schemaName());
    body.set("DisplayName", label(lookup.displayName()));
    body.set("RequiredLevel", requiredLevel("None"));
    return body;
  }

  private static ObjectNode requiredLevel(String level) {
    return JSON.objectNode().put("Value", level).put("CanBeChanged", true);
  }

  static ObjectNode label(String text) {
    ObjectNode label = typed("Label");
    label.putArray("LocalizedLabels").add(
        typed("LocalizedLabel").put("Label", text).put("LanguageCode", ENGLISH));
    return label;
  }

  private static ObjectNode typed(String type) {
    return JSON.objectNode().put("@odata.type", CRM + type);
  }
}
