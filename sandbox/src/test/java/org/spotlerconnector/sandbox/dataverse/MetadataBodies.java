package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Request bodies of the metadata Web API, shaped as in create-update-entity-definitions-using-web-api.md and
 * create-update-entity-relationships-using-web-api.md.
 */
final class MetadataBodies {
  static final String CRM = "Microsoft.Dynamics.CRM.";

  private MetadataBodies() {}

  /** {@code {"@odata.type":"Microsoft.Dynamics.CRM.Label","LocalizedLabels":[{…,"Label":text,"LanguageCode":1033}]}} */
  static ObjectNode label(String text) {
    ObjectNode label = Json.object().put("@odata.type", CRM + "Label");
    label.putArray("LocalizedLabels")
        .addObject()
        .put("@odata.type", CRM + "LocalizedLabel")
        .put("Label", text)
        .put("LanguageCode", 1033);
    return label;
  }

  /** A table with its primary name column, as in "Create table definitions". */
  static ObjectNode table(String schemaName, String displayName, String primaryNameSchemaName) {
    ObjectNode table = Json.object().put("@odata.type", CRM + "EntityMetadata");
    table.put("SchemaName", schemaName);
    table.set("DisplayName", label(displayName));
    table.set("DisplayCollectionName", label(displayName + "s"));
    table.set("Description", label("A table to test with"));
    table.put("OwnershipType", "UserOwned");
    table.put("IsActivity", false);
    table.put("HasActivities", false);
    table.put("HasNotes", false);
    ArrayNode attributes = table.putArray("Attributes");
    attributes.add(string(primaryNameSchemaName, "Name", 100).put("IsPrimaryName", true));
    return table;
  }

  static ObjectNode attribute(String type, String schemaName, String displayName) {
    ObjectNode attribute = Json.object().put("@odata.type", CRM + type);
    attribute.put("SchemaName", schemaName);
    attribute.set("DisplayName", label(displayName));
    attribute.set("Description", label(displayName + " column"));
    attribute.putObject("RequiredLevel")
        .put("Value", "None")
        .put("CanBeChanged", true)
        .put("ManagedPropertyLogicalName", "canmodifyrequirementlevelsettings");
    return attribute;
  }

  static ObjectNode string(String schemaName, String displayName, int maxLength) {
    ObjectNode attribute = attribute("StringAttributeMetadata", schemaName, displayName);
    attribute.put("AttributeType", "String");
    attribute.putObject("AttributeTypeName").put("Value", "StringType");
    attribute.putObject("FormatName").put("Value", "Text");
    return attribute.put("MaxLength", maxLength);
  }

  /** A local choice with the given labels and values. */
  static ObjectNode picklist(String type, String schemaName, String displayName, Object... valueLabelPairs) {
    ObjectNode attribute = attribute(type, schemaName, displayName);
    ObjectNode optionSet = attribute.putObject("OptionSet").put("@odata.type", CRM + "OptionSetMetadata");
    ArrayNode options = optionSet.putArray("Options");
    for (int i = 0; i < valueLabelPairs.length; i += 2) {
      ObjectNode option = options.addObject();
      option.put("Value", (Integer) valueLabelPairs[i]);
      option.set("Label", label((String) valueLabelPairs[i + 1]));
    }
    optionSet.put("IsGlobal", false);
    optionSet.put("OptionSetType", "Picklist");
    return attribute;
  }

  static ObjectNode bool(String schemaName, String displayName, String trueLabel, String falseLabel) {
    ObjectNode attribute = attribute("BooleanAttributeMetadata", schemaName, displayName);
    ObjectNode optionSet = attribute.putObject("OptionSet");
    optionSet.putObject("TrueOption").put("Value", 1).set("Label", label(trueLabel));
    optionSet.putObject("FalseOption").put("Value", 0).set("Label", label(falseLabel));
    optionSet.put("OptionSetType", "Boolean");
    return attribute.put("DefaultValue", false);
  }

  /** A one-to-many relationship with its lookup, as in "Create a one-to-many relationship". */
  static ObjectNode relationship(
      String schemaName, String referenced, String referencing, String lookupSchemaName, String lookupLabel) {
    ObjectNode relationship = Json.object().put("@odata.type", CRM + "OneToManyRelationshipMetadata");
    relationship.put("SchemaName", schemaName);
    relationship.put("ReferencedEntity", referenced);
    relationship.put("ReferencingEntity", referencing);
    relationship.putObject("CascadeConfiguration").put("Delete", "RemoveLink");
    ObjectNode lookup = attribute("LookupAttributeMetadata", lookupSchemaName, lookupLabel);
    lookup.put("AttributeType", "Lookup");
    relationship.set("Lookup", lookup);
    return relationship;
  }

  /** The CreateCustomerRelationships parameters, as in "Create a customer lookup column". */
  static ObjectNode customerLookup(String referencing, String lookupSchemaName, String prefix) {
    ObjectNode request = Json.object();
    ArrayNode relationships = request.putArray("OneToManyRelationships");
    relationships.addObject()
        .put("SchemaName", prefix + "_" + referencing.substring(referencing.indexOf('_') + 1) + "_customer_account")
        .put("ReferencedEntity", "account")
        .put("ReferencingEntity", referencing);
    relationships.addObject()
        .put("SchemaName", prefix + "_" + referencing.substring(referencing.indexOf('_') + 1) + "_customer_contact")
        .put("ReferencedEntity", "contact")
        .put("ReferencingEntity", referencing);
    ObjectNode lookup = attribute("ComplexLookupAttributeMetadata", lookupSchemaName, "Customer");
    lookup.put("AttributeType", "Lookup");
    request.set("Lookup", lookup);
    return request;
  }
}
