package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks a value a client wrote against its column and turns it into the stored form: lowercase GUID text, ISO UTC
 * date-time text to the second ({@code 2024-05-01T10:00:00Z}), {@code yyyy-MM-dd} dates, numbers as numbers,
 * multi-select choices as {@code "1,3"}. An empty string is stored as null, as Dataverse does.
 */
final class ColumnValues {

  private ColumnValues() {}

  /** The stored form of {@code value}, or {@link NullNode} to clear the column. */
  static JsonNode convert(TableDefinition table, ColumnDefinition column, JsonNode value) {
    if (value == null || value.isNull()) {
      return NullNode.instance;
    }
    return switch (column.kind()) {
      case STRING, MEMO -> text(table, column, value);
      case GUID, LOOKUP -> TextNode.valueOf(guid(table, value).toString());
      case INTEGER -> IntNode.valueOf(integer(table, column, value));
      case CHOICE -> IntNode.valueOf(option(table, column, integer(table, column, value)));
      case BIGINT -> {
        requireIntegral(table, column, value, value.canConvertToLong());
        yield LongNode.valueOf(value.longValue());
      }
      case DECIMAL, MONEY -> {
        requireType(table, column, value, value.isNumber());
        yield DecimalNode.valueOf(value.decimalValue());
      }
      case DOUBLE -> {
        requireType(table, column, value, value.isNumber());
        yield DoubleNode.valueOf(value.doubleValue());
      }
      case BOOLEAN -> {
        requireType(table, column, value, value.isBoolean());
        yield BooleanNode.valueOf(value.booleanValue());
      }
      case DATETIME -> TextNode.valueOf(dateTime(table, column, value));
      case DATEONLY -> TextNode.valueOf(date(table, column, value));
      case MULTICHOICE -> TextNode.valueOf(multiChoice(table, column, value));
    };
  }

  /** The stored form of a date-time: UTC, whole seconds. */
  static String dateTime(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static UUID guid(TableDefinition table, JsonNode value) {
    if (!value.isTextual()) {
      throw primitiveMismatch(table, "Edm.Guid");
    }
    return parseGuid(value.asText())
        .orElseThrow(() -> DataverseException.cannotConvert(table, value.asText(), "Edm.Guid"));
  }

  static Optional<UUID> parseGuid(String text) {
    String trimmed = text.startsWith("{") && text.endsWith("}") ? text.substring(1, text.length() - 1) : text;
    if (trimmed.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(trimmed));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static JsonNode text(TableDefinition table, ColumnDefinition column, JsonNode value) {
    requireType(table, column, value, value.isTextual());
    String text = value.asText();
    if (text.isEmpty()) {
      return NullNode.instance;
    }
    if (column.maxLength() != null && text.length() > column.maxLength()) {
      throw DataverseException.tooLong(table, column.logicalName(), column.maxLength());
    }
    return TextNode.valueOf(text);
  }

  private static int integer(TableDefinition table, ColumnDefinition column, JsonNode value) {
    requireIntegral(table, column, value, value.canConvertToInt());
    return value.intValue();
  }

  private static int option(TableDefinition table, ColumnDefinition column, int value) {
    if (!column.options().containsKey(value)) {
      throw DataverseException.optionOutOfRange(table, column.logicalName(), value, column.options().keySet());
    }
    return value;
  }

  private static String dateTime(TableDefinition table, ColumnDefinition column, JsonNode value) {
    requireType(table, column, value, value.isTextual());
    try {
      return dateTime(OffsetDateTime.parse(value.asText()).toInstant());
    } catch (DateTimeParseException e) {
      throw DataverseException.cannotConvert(table, value.asText(), "Edm.DateTimeOffset");
    }
  }

  private static String date(TableDefinition table, ColumnDefinition column, JsonNode value) {
    requireType(table, column, value, value.isTextual());
    try {
      return LocalDate.parse(value.asText()).toString();
    } catch (DateTimeParseException e) {
      throw DataverseException.cannotConvert(table, value.asText(), "Edm.Date");
    }
  }

  private static String multiChoice(TableDefinition table, ColumnDefinition column, JsonNode value) {
    requireType(table, column, value, value.isTextual());
    Set<Integer> chosen = new LinkedHashSet<>();
    for (String part : value.asText().split(",")) {
      try {
        chosen.add(option(table, column, Integer.parseInt(part.trim())));
      } catch (NumberFormatException e) {
        throw DataverseException.cannotConvert(table, value.asText(), "Edm.String");
      }
    }
    return chosen.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static void requireIntegral(TableDefinition table, ColumnDefinition column, JsonNode value, boolean fits) {
    requireType(table, column, value, value.isIntegralNumber());
    if (!fits) {
      throw DataverseException.cannotConvert(table, value.asText(), column.kind().edmType());
    }
  }

  private static void requireType(TableDefinition table, ColumnDefinition column, JsonNode value, boolean ok) {
    if (!ok) {
      throw primitiveMismatch(table, column.kind().edmType());
    }
  }

  private static DataverseException primitiveMismatch(TableDefinition table, String edmType) {
    return DataverseException.payload(
        table,
        "Cannot convert a primitive value to the expected type '" + edmType + "'. See the inner exception for more"
            + " details.");
  }
}
