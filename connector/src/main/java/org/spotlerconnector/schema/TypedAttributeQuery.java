package org.spotlerconnector.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The queries for the details of a table's columns that only their derived attribute types carry. Expanding
 * {@code Attributes} gives only the properties all attributes share; a type's own properties, and the {@code OptionSet}
 * and {@code GlobalOptionSet} of choices, need the collection cast to that type, one query per type: attributes cannot
 * be cast to their common base {@code EnumAttributeMetadata} (query-metadata-web-api.md, "Querying EntityMetadata
 * attributes"). For example:
 *
 * <pre>{@code
 * GET EntityDefinitions(LogicalName='contact')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata
 *     ?$select=LogicalName&$expand=OptionSet($select=Options),GlobalOptionSet($select=Options)
 * }</pre>
 */
enum TypedAttributeQuery {
  STRING("String", "StringAttributeMetadata", Options.LENGTH),
  MEMO("Memo", "MemoAttributeMetadata", Options.LENGTH),
  INTEGER("Integer", "IntegerAttributeMetadata", Options.RANGE),
  BIG_INT("BigInt", "BigIntAttributeMetadata", Options.RANGE),
  DECIMAL("Decimal", "DecimalAttributeMetadata", Options.RANGE_AND_PRECISION),
  DOUBLE("Double", "DoubleAttributeMetadata", Options.RANGE_AND_PRECISION),
  /** {@code PrecisionSource} says whether {@code Precision} is the one that applies. */
  MONEY("Money", "MoneyAttributeMetadata", Options.RANGE_AND_PRECISION + ",PrecisionSource"),
  /** {@code Format} is left out: it only says how the apps display the value. */
  DATE_TIME("DateTime", "DateTimeAttributeMetadata", "$select=LogicalName,DateTimeBehavior"),
  BOOLEAN("Boolean", "BooleanAttributeMetadata", Options.YES_NO),
  PICKLIST("Picklist", "PicklistAttributeMetadata", Options.CHOICES),
  STATE("State", "StateAttributeMetadata", Options.CHOICES),
  STATUS("Status", "StatusAttributeMetadata", Options.CHOICES),
  MULTI_SELECT_PICKLIST("MultiSelectPicklistType", "MultiSelectPicklistAttributeMetadata", Options.CHOICES);

  /** The query options, in a holder class: the constants above could not refer forward to fields of this enum. */
  private static final class Options {
    static final String LENGTH = "$select=LogicalName,MaxLength";
    static final String RANGE = "$select=LogicalName,MinValue,MaxValue";
    static final String RANGE_AND_PRECISION = RANGE + ",Precision";
    static final String YES_NO =
        "$select=LogicalName&$expand=OptionSet($select=TrueOption,FalseOption),"
            + "GlobalOptionSet($select=TrueOption,FalseOption)";
    static final String CHOICES =
        "$select=LogicalName&$expand=OptionSet($select=Options),GlobalOptionSet($select=Options)";
  }

  private final String attributeType;
  private final String metadataType;
  private final String options;

  /**
   * @param attributeType the {@code AttributeType} of the columns the query covers, as {@link
   *     EntityDefinitionParser#attributeType} reads it: a multi-select choice by its type name
   */
  TypedAttributeQuery(String attributeType, String metadataType, String options) {
    this.attributeType = attributeType;
    this.metadataType = metadataType;
    this.options = options;
  }

  /** The queries a table needs, in a fixed order: those for the attribute types among its attributes. */
  static List<TypedAttributeQuery> neededFor(JsonNode attributes) {
    Set<String> types =
        StreamSupport.stream(attributes.spliterator(), false)
            .map(EntityDefinitionParser::attributeType)
            .collect(Collectors.toSet());
    return Arrays.stream(values()).filter(query -> types.contains(query.attributeType)).toList();
  }

  /** @param logicalName a checked logical name */
  String url(String logicalName) {
    return "EntityDefinitions(LogicalName='" + logicalName + "')/Attributes/Microsoft.Dynamics.CRM."
        + metadataType + "?" + options;
  }
}
