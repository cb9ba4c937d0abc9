package org.spotlerconnector.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spotlerconnector.dataverse.DataverseException;
import org.spotlerconnector.mapping.ColumnMetadata;
import org.spotlerconnector.mapping.ColumnType;
import org.spotlerconnector.mapping.LookupTarget;
import org.spotlerconnector.mapping.TableSchema;

/**
 * Reads the answer to {@code GET EntityDefinitions(LogicalName='…')} with {@code Attributes} and
 * {@code ManyToOneRelationships} expanded: an {@code EntityMetadata} object whose attributes carry {@code LogicalName},
 * {@code AttributeType} and {@code AttributeTypeName: {"Value": "…"}}, and whose relationships carry
 * {@code ReferencingAttribute}, {@code ReferencedEntity} and {@code ReferencingEntityNavigationPropertyName}. The
 * columns get the details of their entries in the answers to the {@link TypedAttributeQuery typed queries} (see
 * {@link ColumnDetails}).
 */
final class EntityDefinitionParser {
  private static final String VIRTUAL = "Virtual";

  private EntityDefinitionParser() {}

  /**
   * @param typedAttributes the entries of the typed queries' answers, by the attribute's {@code LogicalName}
   */
  static TableMetadata parse(String requestedName, JsonNode definition, Map<String, JsonNode> typedAttributes) {
    String logicalName = requiredText(definition, "LogicalName", requestedName);
    JsonNode attributes = definition.path("Attributes");
    if (!attributes.isArray()) {
      throw malformed(requestedName, "has no Attributes");
    }
    Map<String, List<LookupTarget>> lookups = lookupTargets(definition.path("ManyToOneRelationships"));
    TableSchema.Builder schema = TableSchema.builder(logicalName);
    for (JsonNode attribute : attributes) {
      String column = attribute.path("LogicalName").asText("");
      if (column.isEmpty()) {
        continue;
      }
      ColumnType type = ColumnType.fromAttributeType(attributeType(attribute));
      if (type == ColumnType.LOOKUP) {
        schema.lookup(column, lookups.getOrDefault(column, List.of()).toArray(LookupTarget[]::new));
      } else {
        JsonNode typed = typedAttributes.getOrDefault(column, MissingNode.getInstance());
        schema.column(ColumnDetails.apply(ColumnMetadata.of(column, type), typed));
      }
    }
    return new TableMetadata(
        logicalName,
        requiredText(definition, "EntitySetName", requestedName),
        requiredText(definition, "PrimaryIdAttribute", requestedName),
        optionalText(definition, "PrimaryNameAttribute"),
        schema.build());
  }

  /**
   * The attribute's {@code AttributeType}, e.g. {@code Picklist}; for a {@code Virtual} attribute its type name,
   * since a multi-select choice is told apart from images and other virtual columns only by that
   * ({@code MultiSelectPicklistType}).
   */
  static String attributeType(JsonNode attribute) {
    String attributeType = attribute.path("AttributeType").asText("");
    if (VIRTUAL.equalsIgnoreCase(attributeType)) {
      return attribute.path("AttributeTypeName").path("Value").asText("");
    }
    return attributeType;
  }

  /** A lookup with several targets (a customer or owner lookup) has one relationship per target table. */
  private static Map<String, List<LookupTarget>> lookupTargets(JsonNode relationships) {
    Map<String, List<LookupTarget>> targets = new LinkedHashMap<>();
    for (JsonNode relationship : relationships) {
      String column = relationship.path("ReferencingAttribute").asText("");
      String table = relationship.path("ReferencedEntity").asText("");
      String navigation = relationship.path("ReferencingEntityNavigationPropertyName").asText("");
      if (!column.isEmpty() && !table.isEmpty() && !navigation.isEmpty()) {
        targets.computeIfAbsent(column, c -> new ArrayList<>()).add(new LookupTarget(navigation, table));
      }
    }
    return targets;
  }

  private static String requiredText(JsonNode definition, String property, String requestedName) {
    return optionalText(definition, property).orElseThrow(() -> malformed(requestedName, "has no " + property));
  }

  private static Optional<String> optionalText(JsonNode definition, String property) {
    JsonNode value = definition.path(property);
    return value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
  }

  static DataverseException malformed(String table, String what) {
    return new DataverseException(
        200, "", "the definition Dataverse returned for table '" + table + "' " + what, "", null);
  }
}
