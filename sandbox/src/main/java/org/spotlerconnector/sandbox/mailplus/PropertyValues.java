package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks an incoming property value against its type and turns it into the stored form, and renders stored values
 * back. The formats follow what Spotler's own client sends (spotler-api.md §2.2): gender {@code M}/{@code F}, dates
 * {@code yyyy-MM-dd}, date-times ISO-8601 with offset, Dutch postcodes, permissions as {@code [{bit, enabled}]}.
 */
final class PropertyValues {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
  private static final int MAX_EMAIL_LENGTH = 254;
  private static final Pattern DUTCH_POSTCODE = Pattern.compile("^[1-9][0-9]{3}\\s?[A-Za-z]{2}$");
  private static final Pattern MOBILE_NUMBER = Pattern.compile("^\\+?[0-9]{8,15}$");
  /** As PHP's DATE_ATOM, which Spotler's own client sends. */
  private static final DateTimeFormatter DATE_TIME_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PropertyValues() {}

  static PropertyChange parse(PropertyDefinition definition, JsonNode value, ZoneId accountZone) {
    if (value == null || value.isNull()) {
      return new PropertyChange.Clear();
    }
    if (definition.type() == PropertyType.SET) {
      return parseSet(definition, value);
    }
    if (value.isContainerNode()) {
      throw invalid(definition, "expected a single value");
    }
    String text = value.asText().trim();
    if (text.isEmpty()) {
      return new PropertyChange.Clear();
    }
    return new PropertyChange.Assign(parseScalar(definition, value, text, accountZone));
  }

  private static Object parseScalar(PropertyDefinition definition, JsonNode value, String text, ZoneId accountZone) {
    return switch (definition.type()) {
      case STRING -> text;
      case EMAIL -> email(text);
      case GENDER -> gender(definition, text);
      case POSTCODE -> matching(definition, text, DUTCH_POSTCODE, "expected a Dutch postcode such as 1234 AB");
      case MOB_NR -> mobileNumber(definition, text);
      case DATE, BIRTHDATE -> date(definition, text);
      case DATE_TIME -> dateTime(definition, text, accountZone);
      case INT -> integer(definition, value, text);
      case MONEY -> money(definition, value, text);
      case SET -> throw new IllegalStateException("set values are parsed elsewhere. Indicates a bug.");
    };
  }

  private static String email(String text) {
    if (text.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(text).matches()) {
      throw new InvalidPropertyException("Email is invalid");
    }
    return text;
  }

  private static String gender(PropertyDefinition definition, String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    if (!upper.equals("M") && !upper.equals("F")) {
      throw invalid(definition, "expected M or F");
    }
    return upper;
  }

  private static String matching(PropertyDefinition definition, String text, Pattern pattern, String expectation) {
    if (!pattern.matcher(text).matches()) {
      throw invalid(definition, expectation);
    }
    return text;
  }

  private static String mobileNumber(PropertyDefinition definition, String text) {
    String digits = text.replace(" ", "").replace("-", "");
    if (!MOBILE_NUMBER.matcher(digits).matches()) {
      throw invalid(definition, "expected a mobile phone number");
    }
    return text;
  }

  private static String date(PropertyDefinition definition, String text) {
    try {
      return LocalDate.parse(text).toString();
    } catch (DateTimeParseException e) {
      throw invalid(definition, "expected a date as yyyy-MM-dd");
    }
  }

  private static String dateTime(PropertyDefinition definition, String text, ZoneId accountZone) {
    try {
      return IsoDateTimes.parse(text, accountZone).format(DATE_TIME_OUT);
    } catch (DateTimeParseException e) {
      throw invalid(definition, "expected an ISO-8601 date-time such as 2024-05-01T10:00:00+02:00");
    }
  }

  private static Long integer(PropertyDefinition definition, JsonNode value, String text) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (value.isTextual()) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        // falls through to the refusal below
      }
    }
    throw invalid(definition, "expected a whole number");
  }

  private static BigDecimal money(PropertyDefinition definition, JsonNode value, String text) {
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual()) {
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        // falls through to the refusal below
      }
    }
    throw invalid(definition, "expected an amount");
  }

  private static PropertyChange.SetBits parseSet(PropertyDefinition definition, JsonNode value) {
    if (!value.isArray()) {
      throw invalid(definition, "expected an array of {bit, enabled}");
    }
    long mentioned = 0;
    long enabled = 0;
    for (JsonNode item : value) {
      JsonNode bit = item.path("bit");
      JsonNode state = item.path("enabled");
      if (!item.isObject() || !bit.isIntegralNumber() || !bit.canConvertToLong() || !state.isBoolean()) {
        throw invalid(definition, "expected an array of {bit, enabled}");
      }
      if (definition.entry(bit.longValue()) == null) {
        throw invalid(definition, "unknown bit " + bit.longValue());
      }
      mentioned |= bit.longValue();
      enabled = state.booleanValue() ? enabled | bit.longValue() : enabled & ~bit.longValue();
    }
    return new PropertyChange.SetBits(mentioned, enabled);
  }

  /** The JSON of a stored value; a set shows every option with its state, ordered by rank. */
  static JsonNode render(PropertyDefinition definition, Object stored) {
    if (stored instanceof SetValue set) {
      ArrayNode entries = NODES.arrayNode();
      definition.entries().stream()
          .sorted(Comparator.comparingInt(SetPropertyEntry::rank))
          .forEach(
              e ->
                  entries
                      .addObject()
                      .put("bit", e.bit())
                      .put("enabled", (set.enabledBits() & e.bit()) != 0)
                      .put("description", e.description()));
      return entries;
    }
    if (stored instanceof Long number) {
      return NODES.numberNode(number);
    }
    if (stored instanceof BigDecimal amount) {
      return NODES.numberNode(amount);
    }
    return NODES.textNode(String.valueOf(stored));
  }

  private static InvalidPropertyException invalid(PropertyDefinition definition, String expectation) {
    return new InvalidPropertyException("Property is invalid: " + definition.name() + " (" + expectation + ")");
  }
}
