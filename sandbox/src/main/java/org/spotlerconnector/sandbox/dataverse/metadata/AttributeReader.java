package org.spotlerconnector.sandbox.dataverse.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.spotlerconnector.sandbox.dataverse.ColumnDefinition;
import org.spotlerconnector.sandbox.dataverse.query.ColumnKind;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Reads the definition of a new column (create-update-entity-definitions-using-web-api.md, "Create columns"): its
 * type from {@code @odata.type} (or {@code AttributeType}), its schema name, labels and required level, and the
 * properties of its type: a string's {@code MaxLength} and {@code FormatName}, a number's range and precision, a
 * date's {@code Format} and {@code DateTimeBehavior} (only the {@code DateOnly} behaviour stores plain dates), a yes/no
 * column's {@code OptionSet.TrueOption}/{@code FalseOption} labels and a choice's local {@code OptionSet.Options}. An
 * option without a value gets the next one of the publisher's option value prefix, e.g. 100000000. Lookups are created
 * with relationships, not here; global choices are not supported by the emulator.
 */
final class AttributeReader {
  private static final String NAMESPACE = "Microsoft.Dynamics.CRM.";
  private static final Set<String> REQUIRED_LEVELS =
      Set.of("None", "SystemRequired", "ApplicationRequired", "Recommended");
  private static final Set<String> STRING_FORMATS =
      Set.of("Email", "Text", "TextArea", "Url", "TickerSymbol", "Phone", "Json", "RichText", "VersionNumber");

  /** A column to add and how it was described. */
  record NewAttribute(ColumnDefinition column, Customizations.ColumnNames names) {}

  private AttributeReader() {}

  /**
   * @param publisherPrefix the customization prefix names must start with, or null when the request names no solution
   * @param optionValuePrefix the option value prefix of the publisher, for options without a value
   */
  static NewAttribute read(JsonNode body, String publisherPrefix, int optionValuePrefix) {
    if (!(body instanceof ObjectNode definition)) {
      throw MetadataErrors.invalidDefinition("An attribute definition must be a JSON object.");
    }
    String schemaName = definition.path("SchemaName").asText(null);
    SchemaNames.requireValid(schemaName, publisherPrefix);
    String logicalName = SchemaNames.logicalName(schemaName);
    String displayName = Labels.text(definition.get("DisplayName"));
    if (displayName == null) {
      throw MetadataErrors.invalidDefinition("The attribute " + schemaName + " needs a DisplayName label.");
    }
    String requiredLevel = definition.path("RequiredLevel").path("Value").asText("None");
    if (!REQUIRED_LEVELS.contains(requiredLevel)) {
      throw MetadataErrors.invalidDefinition("The required level '" + requiredLevel + "' is not valid.");
    }
    ObjectNode typeProperties = Json.object();
    ColumnDefinition column = column(type(definition), logicalName, definition, typeProperties, optionValuePrefix);
    return new NewAttribute(
        column,
        new Customizations.ColumnNames(
            schemaName, displayName, Labels.text(definition.get("Description")), requiredLevel, typeProperties));
  }

  /** The unqualified definition type, e.g. {@code StringAttributeMetadata}. */
  static String type(JsonNode definition) {
    String type = definition.path("@odata.type").asText("");
    if (type.startsWith("#")) {
      type = type.substring(1);
    }
    if (type.startsWith(NAMESPACE)) {
      return type.substring(NAMESPACE.length());
    }
    String attributeType = definition.path("AttributeType").asText("");
    return attributeType.equals("Virtual")
        ? "MultiSelectPicklistAttributeMetadata"
        : attributeType + "AttributeMetadata";
  }

  private static ColumnDefinition column(
      String type, String name, ObjectNode definition, ObjectNode typeProperties, int optionValuePrefix) {
    return switch (type) {
      case "StringAttributeMetadata" -> {
        int maxLength = length(definition, 100, 4_000);
        String format = definition.path("FormatName").path("Value").asText(definition.path("Format").asText("Text"));
        if (!STRING_FORMATS.contains(format)) {
          throw MetadataErrors.invalidDefinition("The string format '" + format + "' is not valid.");
        }
        typeProperties.put("Format", format);
        typeProperties.putObject("FormatName").put("Value", format);
        yield ColumnDefinition.string(name, maxLength);
      }
      case "MemoAttributeMetadata" -> ColumnDefinition.memo(name, length(definition, 2_000, 1_048_576));
      case "IntegerAttributeMetadata" -> {
        range(definition, typeProperties);
        yield ColumnDefinition.integer(name);
      }
      case "BigIntAttributeMetadata" -> ColumnDefinition.bigint(name);
      case "DecimalAttributeMetadata" -> {
        range(definition, typeProperties);
        precision(definition, typeProperties, 10);
        yield ColumnDefinition.decimal(name);
      }
      case "DoubleAttributeMetadata" -> {
        range(definition, typeProperties);
        precision(definition, typeProperties, 5);
        yield ColumnDefinition.floatingPoint(name);
      }
      case "MoneyAttributeMetadata" -> {
        range(definition, typeProperties);
        precision(definition, typeProperties, 4);
        if (definition.has("PrecisionSource")) {
          typeProperties.set("PrecisionSource", definition.get("PrecisionSource"));
        }
        yield ColumnDefinition.money(name);
      }
      case "BooleanAttributeMetadata" -> {
        JsonNode options = definition.path("OptionSet");
        String trueLabel = label(options.path("TrueOption").get("Label"), "Yes");
        String falseLabel = label(options.path("FalseOption").get("Label"), "No");
        typeProperties.put("DefaultValue", definition.path("DefaultValue").asBoolean(false));
        yield ColumnDefinition.bool(name, trueLabel, falseLabel);
      }
      case "DateTimeAttributeMetadata" -> dateTime(name, definition, typeProperties);
      case "PicklistAttributeMetadata" -> ColumnDefinition.choice(name, options(definition, optionValuePrefix));
      case "MultiSelectPicklistAttributeMetadata" ->
          ColumnDefinition.multiChoice(name, options(definition, optionValuePrefix));
      case "LookupAttributeMetadata", "ComplexLookupAttributeMetadata" ->
          throw MetadataErrors.invalidDefinition(
              "A lookup column is created with its relationship: POST RelationshipDefinitions with a"
                  + " OneToManyRelationshipMetadata, or the CreateCustomerRelationships action.");
      default -> throw MetadataErrors.invalidDefinition(
          "The attribute type '" + type + "' is not supported by this emulated environment.");
    };
  }

  private static ColumnDefinition dateTime(String name, ObjectNode definition, ObjectNode typeProperties) {
    String format = definition.path("Format").asText("DateAndTime");
    if (!format.equals("DateOnly") && !format.equals("DateAndTime")) {
      throw MetadataErrors.invalidDefinition("The date and time format '" + format + "' is not valid.");
    }
    String behavior = definition.path("DateTimeBehavior").path("Value").asText("UserLocal");
    if (!Set.of("UserLocal", "DateOnly", "TimeZoneIndependent").contains(behavior)) {
      throw MetadataErrors.invalidDefinition("The date and time behavior '" + behavior + "' is not valid.");
    }
    boolean dateOnly = behavior.equals("DateOnly");
    typeProperties.put("Format", dateOnly ? "DateOnly" : format);
    typeProperties.putObject("DateTimeBehavior").put("Value", behavior);
    return dateOnly ? ColumnDefinition.dateOnly(name) : ColumnDefinition.dateTime(name);
  }

  /** The options of a local choice, in the order given; options without a value are numbered from the prefix. */
  static Map<Integer, String> options(JsonNode definition, int optionValuePrefix) {
    JsonNode optionSet = definition.path("OptionSet");
    if (optionSet.path("IsGlobal").asBoolean(false) || definition.has("GlobalOptionSet")) {
      throw MetadataErrors.invalidDefinition("Global choices are not supported by this emulated environment.");
    }
    Map<Integer, String> options = new LinkedHashMap<>();
    int next = optionValuePrefix * 10_000;
    for (JsonNode option : optionSet.path("Options")) {
      String label = Labels.text(option.get("Label"));
      if (label == null) {
        throw MetadataErrors.invalidDefinition("Every option needs a Label.");
      }
      int value = option.hasNonNull("Value") ? option.get("Value").asInt() : next;
      if (options.putIfAbsent(value, label) != null) {
        throw MetadataErrors.invalidDefinition("The option value " + value + " is used twice.");
      }
      next = Math.max(next, value + 1);
    }
    if (options.isEmpty()) {
      throw MetadataErrors.invalidDefinition("A choice needs at least one option in OptionSet.Options.");
    }
    return options;
  }

  private static String label(JsonNode label, String fallback) {
    String text = Labels.text(label);
    return text == null ? fallback : text;
  }

  private static int length(ObjectNode definition, int fallback, int limit) {
    int length = definition.path("MaxLength").asInt(fallback);
    if (length < 1 || length > limit) {
      throw MetadataErrors.invalidDefinition("MaxLength must be between 1 and " + limit + ".");
    }
    return length;
  }

  private static void range(ObjectNode definition, ObjectNode typeProperties) {
    for (String property : new String[] {"MinValue", "MaxValue"}) {
      if (definition.hasNonNull(property)) {
        typeProperties.set(property, definition.get(property));
      }
    }
  }

  private static void precision(ObjectNode definition, ObjectNode typeProperties, int limit) {
    if (definition.hasNonNull("Precision")) {
      int precision = definition.get("Precision").asInt();
      if (precision < 0 || precision > limit) {
        throw MetadataErrors.invalidDefinition("Precision must be between 0 and " + limit + ".");
      }
      typeProperties.put("Precision", precision);
    }
  }

  /** Whether a column kind holds options a client can add to with InsertOptionValue. */
  static boolean hasLocalOptions(ColumnKind kind) {
    return kind == ColumnKind.CHOICE || kind == ColumnKind.MULTICHOICE;
  }
}
