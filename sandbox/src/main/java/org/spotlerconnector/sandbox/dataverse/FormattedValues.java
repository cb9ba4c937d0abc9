package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code OData.Community.Display.V1.FormattedValue} text of a value, as an en-US user in UTC would see it: choice
 * labels, boolean labels, grouped numbers, money with a currency symbol and short dates. Strings and GUIDs have none.
 */
final class FormattedValues {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("M/d/yyyy h:mm a", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);

  private FormattedValues() {}

  static Optional<String> of(ColumnDefinition column, JsonNode value) {
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    return switch (column.kind()) {
      case CHOICE -> Optional.ofNullable(column.options().get(value.intValue()));
      case MULTICHOICE ->
          Optional.of(
              Arrays.stream(value.asText().split(","))
                  .map(v -> column.options().getOrDefault(Integer.parseInt(v.trim()), v))
                  .collect(Collectors.joining("; ")));
      case BOOLEAN -> Optional.ofNullable(column.options().get(value.booleanValue() ? 1 : 0));
      case INTEGER, BIGINT -> Optional.of(format("#,##0", value));
      case DECIMAL, DOUBLE -> Optional.of(format("#,##0.00", value));
      case MONEY -> Optional.of(format("¤#,##0.00;-¤#,##0.00", value));
      case DATETIME -> Optional.of(DATE_TIME.format(Instant.parse(value.asText())));
      case DATEONLY -> Optional.of(DATE.format(LocalDate.parse(value.asText())));
      default -> Optional.empty();
    };
  }

  private static String format(String pattern, JsonNode value) {
    DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US));
    return format.format(value.decimalValue());
  }
}
