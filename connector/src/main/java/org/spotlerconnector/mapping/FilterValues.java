package org.spotlerconnector.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** The matching rules of {@link RowFilter} values, and the check that a value can ever match a column's type. */
final class FilterValues {
  private FilterValues() {}

  /**
   * @param raw the column's JSON value; {@code null} or JSON null when empty
   * @param formatted the column's formatted value annotation (a choice's label), or {@code null}
   */
  static boolean matches(JsonNode raw, String formatted, String expected) {
    if (raw == null || raw.isNull()) {
      return expected.isEmpty();
    }
    if (raw.isBoolean()) {
      return bool(expected).map(value -> value == raw.booleanValue()).orElse(false);
    }
    if (raw.isNumber()) {
      return number(expected).map(value -> value.compareTo(raw.decimalValue()) == 0).orElse(false)
          || (formatted != null && formatted.equalsIgnoreCase(expected));
    }
    return raw.asText().equalsIgnoreCase(expected);
  }

  /** Why {@code expected} can never match a column of this type; empty when it can. */
  static Optional<String> mismatch(ColumnType type, String expected) {
    if (expected.isEmpty()) {
      return Optional.empty();
    }
    return switch (type) {
      case BOOLEAN -> bool(expected).isPresent() ? Optional.empty() : Optional.of("use true or false");
      case WHOLE_NUMBER, DECIMAL, MONEY ->
          number(expected).isPresent() ? Optional.empty() : Optional.of("use a number");
      default -> Optional.empty();
    };
  }

  private static Optional<Boolean> bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "1" -> Optional.of(true);
      case "false", "0" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private static Optional<BigDecimal> number(String text) {
    try {
      return Optional.of(new BigDecimal(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
