package org.spotlerconnector.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * Turns Dataverse values into the form a Spotler property of a given type takes (spotler-api.md §2.2): gender
 * {@code M}/{@code F}, dates {@code YYYY-MM-DD}, date-times ISO-8601 with an offset, numbers as JSON numbers.
 *
 * <p>An empty Dataverse value clears the Spotler field: text-like fields get {@code ""}, the others JSON {@code null}.
 * The Mail+ reference does not say how a property is cleared; {@code ""} for text is what a form would send, and a
 * typed field cannot hold {@code ""}.
 *
 * <p>Conversion failures throw {@link IllegalArgumentException} with a message that never contains the value (it may be
 * personal data).
 */
final class ValueConverter {
  /** The annotation a Web API row carries a column's display text in, when asked for annotations. */
  static final String FORMATTED_VALUE = "@OData.Community.Display.V1.FormattedValue";

  /** How Spotler date-times look: ISO-8601 with an offset, to the second. */
  static final DateTimeFormatter OFFSET_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final java.util.regex.Pattern DUTCH_POSTCODE =
      java.util.regex.Pattern.compile("^[1-9][0-9]{3}\\s?[A-Za-z]{2}$");
  /** The gender choice's values in Dataverse ({@code gendercode}: 1 Male, 2 Female). */
  static final int MALE = 1;
  static final int FEMALE = 2;
  /** Labels and texts read as a gender, lower case. */
  static final Set<String> MALE_WORDS = Set.of("m", "male", "man");
  static final Set<String> FEMALE_WORDS = Set.of("f", "female", "woman", "v", "vrouw");

  private final ZoneId zone;

  /**
   * @param zone where date-times become dates, and the offset date-times are shown with
   */
  ValueConverter(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * @param raw the column's JSON value, {@code null} or JSON null for an empty column
   * @param formatted the column's formatted value annotation, or {@code null}
   */
  JsonNode convert(SpotlerPropertyType target, ColumnType source, JsonNode raw, String formatted) {
    if (raw == null || raw.isNull()) {
      return cleared(target);
    }
    if (raw.isContainerNode()) {
      throw new IllegalArgumentException("the column holds a structure, not a single value");
    }
    return switch (target) {
      case STRING, EMAIL, MOB_NR -> TextNode.valueOf(text(source, raw, formatted));
      case POSTCODE -> postcode(text(source, raw, formatted), target);
      case GENDER -> gender(raw, formatted);
      case INT -> wholeNumber(raw);
      case MONEY -> amount(raw);
      case DATE, BIRTHDATE -> TextNode.valueOf(date(raw.asText()).toString());
      case DATE_TIME -> TextNode.valueOf(dateTime(raw.asText()));
      case SET -> throw new IllegalArgumentException("set fields are filled by @map(...), not from a column");
    };
  }

  /**
   * Spotler's postcode type holds Dutch postcodes only (spotler-api.md §2.2): a foreign postcode clears the field
   * instead of getting the whole contact rejected.
   */
  private JsonNode postcode(String text, SpotlerPropertyType target) {
    return DUTCH_POSTCODE.matcher(text.strip()).matches() ? TextNode.valueOf(text.strip()) : cleared(target);
  }

  /** The value of {@code $value:TEXT} for a field of this type; an empty text clears the field. */
  JsonNode constant(SpotlerPropertyType target, String text) {
    if (text.isEmpty()) {
      return cleared(target);
    }
    JsonNode value = convert(target, ColumnType.TEXT, TextNode.valueOf(text), null);
    if (target == SpotlerPropertyType.GENDER && value.isNull()) {
      throw new IllegalArgumentException("expected M or F");
    }
    return value;
  }

  static JsonNode cleared(SpotlerPropertyType target) {
    return target.textual() ? TextNode.valueOf("") : NullNode.getInstance();
  }

  private String text(ColumnType source, JsonNode raw, String formatted) {
    if ((source == ColumnType.CHOICE || source == ColumnType.MULTI_CHOICE) && formatted != null) {
      return formatted;
    }
    if (raw.isBigDecimal() || raw.isDouble() || raw.isFloat()) {
      return raw.decimalValue().stripTrailingZeros().toPlainString();
    }
    if (source == ColumnType.DATE_TIME && raw.asText().contains("T")) {
      return dateTime(raw.asText());
    }
    return raw.asText();
  }

  private static JsonNode gender(JsonNode raw, String formatted) {
    if (raw.isIntegralNumber() && raw.intValue() == MALE) {
      return TextNode.valueOf("M");
    }
    if (raw.isIntegralNumber() && raw.intValue() == FEMALE) {
      return TextNode.valueOf("F");
    }
    String label = raw.isTextual() ? raw.textValue() : formatted;
    String word = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
    if (MALE_WORDS.contains(word)) {
      return TextNode.valueOf("M");
    }
    if (FEMALE_WORDS.contains(word)) {
      return TextNode.valueOf("F");
    }
    // Spotler knows only M and F; any other gender leaves the field empty rather than guessing.
    return NullNode.getInstance();
  }

  private static JsonNode wholeNumber(JsonNode raw) {
    if (raw.isBoolean()) {
      return NODES.numberNode(raw.booleanValue() ? 1 : 0);
    }
    try {
      BigDecimal number = raw.isNumber() ? raw.decimalValue() : new BigDecimal(raw.asText().strip());
      return NODES.numberNode(number.longValueExact());
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number");
    }
  }

  private static JsonNode amount(JsonNode raw) {
    try {
      return NODES.numberNode(raw.isNumber() ? raw.decimalValue() : new BigDecimal(raw.asText().strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected an amount such as 12.50");
    }
  }

  private LocalDate date(String text) {
    try {
      return text.contains("T")
          ? OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDate()
          : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("expected a date such as 1990-05-20");
    }
  }

  private String dateTime(String text) {
    try {
      OffsetDateTime moment =
          text.contains("T") ? OffsetDateTime.parse(text) : LocalDate.parse(text).atStartOfDay(zone).toOffsetDateTime();
      return moment.atZoneSameInstant(zone).format(OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("expected a date-time with offset such as 2024-05-01T10:00:00+02:00");
    }
  }
}
