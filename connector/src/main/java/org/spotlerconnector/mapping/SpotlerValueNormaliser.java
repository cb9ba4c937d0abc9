package org.spotlerconnector.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns contact property values as the Mail+ API returns them into Spotler value space, the form {@link
 * OutboundMapper} sends, so that a value read back from Spotler compares equal to the one sent:
 *
 * <ul>
 *   <li>text fields: the text; a number in plain notation;
 *   <li>{@code gender}: {@code M} or {@code F}, also from {@code male}/{@code female} in any case; anything else is
 *       cleared, as outbound does;
 *   <li>{@code int}: a JSON whole number, also from a numeric string; {@code money}: a JSON number, also from a
 *       string;
 *   <li>{@code date} and {@code birthdate}: {@code YYYY-MM-DD}, from epoch milliseconds (the day in the configured
 *       zone) or an ISO-8601 date or date-time (spotler-api.md §2.1 and §8 Q4: parse both);
 *   <li>{@code dateTime}: ISO-8601 with the configured zone's offset, to the second, from epoch milliseconds or
 *       ISO-8601; a value without an offset is read in the configured zone;
 *   <li>{@code set}: one {@code {"bit", "enabled"}} entry per bit in bit order, descriptions dropped.
 * </ul>
 *
 * <p>An absent or JSON null value becomes the cleared value ({@code ""} for text fields, JSON {@code null} otherwise):
 * Mail+ leaves out properties without data (spotler-api.md §2.1). Failures throw {@link IllegalArgumentException}
 * naming what was expected, never the value.
 */
public final class SpotlerValueNormaliser {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ZoneId zone;

  /**
   * @param zone spotler.timeZone: the zone dates are days in, date-times are shown with, and offset-less values are
   *     read in
   */
  public SpotlerValueNormaliser(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * The mapped fields of one contact; every field is in the result, absent ones cleared.
   *
   * @param properties the contact's properties as the API returned them
   * @throws IllegalArgumentException naming the field whose value cannot be read
   */
  public ObjectNode normalise(Map<String, JsonNode> properties, Collection<SpotlerProperty> fields) {
    ObjectNode values = NODES.objectNode();
    for (SpotlerProperty field : fields) {
      try {
        values.set(field.name(), normalise(field.type(), properties.get(field.name())));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Spotler field '" + field.name() + "': " + e.getMessage(), e);
      }
    }
    return values;
  }

  /**
   * @param value the value as the API returned it; {@code null} when the contact has none
   */
  public JsonNode normalise(SpotlerPropertyType type, JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return ValueConverter.cleared(type);
    }
    if (type == SpotlerPropertyType.SET) {
      return set(value);
    }
    if (value.isContainerNode()) {
      throw new IllegalArgumentException("expected a single value, found a structure");
    }
    return switch (type) {
      case STRING, EMAIL, MOB_NR, POSTCODE -> TextNode.valueOf(text(value));
      case GENDER -> gender(text(value));
      case INT -> wholeNumber(value);
      case MONEY -> amount(value);
      case DATE, BIRTHDATE -> date(value);
      case DATE_TIME -> dateTime(value);
      case SET -> throw new IllegalStateException("handled above. Indicates a bug.");
    };
  }

  private static String text(JsonNode value) {
    return value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asText();
  }

  private static JsonNode gender(String text) {
    String word = text.strip().toLowerCase(Locale.ROOT);
    if (word.isEmpty()) {
      return ValueConverter.cleared(SpotlerPropertyType.GENDER);
    }
    if (ValueConverter.MALE_WORDS.contains(word)) {
      return TextNode.valueOf("M");
    }
    if (ValueConverter.FEMALE_WORDS.contains(word)) {
      return TextNode.valueOf("F");
    }
    return ValueConverter.cleared(SpotlerPropertyType.GENDER);
  }

  private static JsonNode wholeNumber(JsonNode value) {
    try {
      return NODES.numberNode(decimal(value).longValueExact());
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number");
    }
  }

  private static JsonNode amount(JsonNode value) {
    try {
      return NODES.numberNode(decimal(value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected an amount such as 12.50");
    }
  }

  private static BigDecimal decimal(JsonNode value) {
    return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().strip());
  }

  private JsonNode date(JsonNode value) {
    String text = value.asText().strip();
    if (isEpochMillis(value)) {
      return TextNode.valueOf(Instant.ofEpochMilli(value.asLong()).atZone(zone).toLocalDate().toString());
    }
    if (text.isEmpty()) {
      return ValueConverter.cleared(SpotlerPropertyType.DATE);
    }
    try {
      return TextNode.valueOf(ZonedText.read(text, zone).toLocalDate().toString());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("expected a date such as 1990-05-20, or epoch milliseconds");
    }
  }

  private JsonNode dateTime(JsonNode value) {
    String text = value.asText().strip();
    if (isEpochMillis(value)) {
      Instant moment = Instant.ofEpochMilli(value.asLong());
      return TextNode.valueOf(moment.atZone(zone).format(ValueConverter.OFFSET_DATE_TIME));
    }
    if (text.isEmpty()) {
      return ValueConverter.cleared(SpotlerPropertyType.DATE_TIME);
    }
    try {
      return TextNode.valueOf(ZonedText.read(text, zone).format(ValueConverter.OFFSET_DATE_TIME));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "expected a date-time such as 2024-05-01T10:00:00+02:00, or epoch milliseconds");
    }
  }

  /**
   * A JSON whole number, or a string of at least ten digits: shorter digit strings are more likely compact dates
   * ({@code 19900520}) than moments in January 1970, and are refused rather than misread.
   */
  private static boolean isEpochMillis(JsonNode value) {
    return value.isIntegralNumber() || (value.isTextual() && value.textValue().strip().matches("-?\\d{10,}"));
  }

  private static JsonNode set(JsonNode value) {
    if (!value.isArray()) {
      throw new IllegalArgumentException("expected a set: a list of {bit, enabled} entries");
    }
    Map<Long, Boolean> bits = new TreeMap<>();
    for (JsonNode entry : value) {
      if (entry.path("bit").canConvertToLong()) {
        bits.putIfAbsent(entry.get("bit").asLong(), entry.path("enabled").asBoolean(false));
      }
    }
    ArrayNode set = NODES.arrayNode();
    bits.forEach(
        (bit, enabled) -> {
          ObjectNode entry = set.addObject();
          // int64 in the API (spotler-api.md §2.2), small in practice: written as JSON reads it back
          entry.set("bit", bit == (int) (long) bit ? NODES.numberNode((int) (long) bit) : NODES.numberNode(bit));
          entry.put("enabled", enabled);
        });
    return set;
  }
}
