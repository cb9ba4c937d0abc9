package org.spotlerconnector.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a value in Spotler value space (what {@link OutboundMapper} sends, see {@link ValueConverter}) into the JSON
 * value a Dataverse column takes in the Web API, so that mapping it back out gives the same Spotler value:
 *
 * <ul>
 *   <li>text columns take the text; longer than the column's {@code MaxLength} is an error, never cut;
 *   <li>choice columns take the option whose label is the text (ignoring case), or an {@code int} field's number; a
 *       multi-select choice takes labels separated by {@code ;} (its formatted value) and gets the option values
 *       joined by commas, as the Web API writes them;
 *   <li>yes/no columns take {@code true}/{@code false} or the column's labels, or an {@code int} field's 1/0;
 *   <li>number columns take the number within the column's range and precision;
 *   <li>date columns: a date-only column gets {@code YYYY-MM-DD}; any other gets an instant in UTC, a Spotler date
 *       becoming midnight in the configured zone and a date-time keeping its instant;
 *   <li>a {@code gender} field's {@code M}/{@code F} goes to the gender choice (1 and 2, or the options labelled male
 *       and female) or to a text column as is;
 *   <li>lookup, unique identifier and other columns are not written from Spotler.
 * </ul>
 *
 * <p>A blank value ({@code null}, absent or {@code ""}) clears the column: JSON {@code null}. Failures throw {@link
 * InboundConversionException}.
 */
public final class InboundConverter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter UTC_INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");
  /** "All date and time columns in Dataverse support values as early as 1/1/1753" (Microsoft Learn, date and time). */
  private static final LocalDate EARLIEST_DATE = LocalDate.of(1753, 1, 1);
  private static final Set<ColumnType> NOT_WRITABLE =
      EnumSet.of(ColumnType.LOOKUP, ColumnType.UNIQUE_IDENTIFIER, ColumnType.OTHER);

  private final ZoneId zone;

  /**
   * @param zone spotler.timeZone: where a Spotler date is a day, and a date-time without an offset is read
   */
  public InboundConverter(ZoneId zone) {
    this.zone = zone;
  }

  /** Why no value of a column of this type is written from Spotler; empty when it can be. */
  static Optional<String> notWritable(ColumnType type) {
    return NOT_WRITABLE.contains(type)
        ? Optional.of("a " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " column is not written from"
            + " Spotler; use direction ->")
        : Optional.empty();
  }

  /**
   * @param source the Spotler field's type
   * @param value the field's value in Spotler value space; {@code null} when absent
   * @throws InboundConversionException naming the field and the column when the value does not fit the column
   */
  public JsonNode convert(String spotlerField, SpotlerPropertyType source, ColumnMetadata column, JsonNode value) {
    Target target = new Target(spotlerField, column);
    Optional<String> refusal =
        notWritable(column.type()).or(() -> TypeCompatibility.mismatch(source, column.type()));
    if (refusal.isPresent()) {
      throw target.error(refusal.get());
    }
    if (isBlank(value)) {
      return NullNode.getInstance();
    }
    if (value.isContainerNode()) {
      throw target.error("the field holds a structure, not a single value");
    }
    return switch (column.type()) {
      case TEXT -> text(target, text(value));
      case CHOICE -> choice(target, source, value);
      case MULTI_CHOICE -> multiChoice(target, text(value));
      case BOOLEAN -> yesNo(target, source, value);
      case WHOLE_NUMBER -> NODES.numberNode(integer(target, value));
      case DECIMAL, MONEY -> decimal(target, value);
      case DATE_TIME -> date(target, source, text(value));
      case LOOKUP, UNIQUE_IDENTIFIER, OTHER -> throw new IllegalStateException("refused above. Indicates a bug.");
    };
  }

  /** The field and column a value goes to, for error messages. */
  private record Target(String field, ColumnMetadata column) {
    InboundConversionException error(String reason) {
      return new InboundConversionException(field, column.name(), reason);
    }
  }

  private static boolean isBlank(JsonNode value) {
    return value == null
        || value.isMissingNode()
        || value.isNull()
        || (value.isTextual() && value.textValue().isEmpty());
  }

  private static String text(JsonNode value) {
    if (value.isNumber()) {
      return value.decimalValue().stripTrailingZeros().toPlainString();
    }
    return value.asText();
  }

  private static JsonNode text(Target target, String text) {
    int limit = target.column().maxLength().orElse(Integer.MAX_VALUE);
    if (text.length() > limit) {
      throw target.error(
          "the value has " + text.length() + " characters, the column takes at most " + limit
              + "; shorten it in Spotler or widen the column");
    }
    return TextNode.valueOf(text);
  }

  private static JsonNode choice(Target target, SpotlerPropertyType source, JsonNode value) {
    if (source == SpotlerPropertyType.GENDER) {
      return NODES.numberNode(genderOption(target, text(value)));
    }
    if (source == SpotlerPropertyType.INT) {
      return NODES.numberNode(optionByValue(target, integer(target, value)));
    }
    return NODES.numberNode(optionByLabel(target, text(value)));
  }

  private static JsonNode multiChoice(Target target, String labels) {
    List<String> values = new ArrayList<>();
    for (String label : labels.split(";")) {
      if (!label.isBlank()) {
        String optionValue = String.valueOf(optionByLabel(target, label.strip()));
        if (!values.contains(optionValue)) {
          values.add(optionValue);
        }
      }
    }
    return values.isEmpty() ? NullNode.getInstance() : TextNode.valueOf(String.join(",", values));
  }

  /** The option with this label (ignoring case), or, failing that, with this number as its value. */
  private static int optionByLabel(Target target, String label) {
    List<ChoiceOption> options = target.column().options();
    for (ChoiceOption option : options) {
      if (option.label().equalsIgnoreCase(label)) {
        return option.value();
      }
    }
    try {
      int number = Integer.parseInt(label);
      if (options.stream().anyMatch(option -> option.value() == number)) {
        return number;
      }
    } catch (NumberFormatException e) {
      // not an option value either; reported below
    }
    throw target.error(
        options.isEmpty()
            ? "the column's choices are not known, so the value cannot be matched to one"
            : "the value is not one of the column's choices; allowed: " + labels(options));
  }

  private static int optionByValue(Target target, long value) {
    List<ChoiceOption> options = target.column().options();
    boolean fitsAChoice = value == (int) value;
    if (fitsAChoice && (options.isEmpty() || options.stream().anyMatch(option -> option.value() == value))) {
      return (int) value;
    }
    throw target.error(
        "the number is not one of the column's choice values; allowed: "
            + options.stream().map(o -> o.value() + " (" + o.label() + ")").collect(Collectors.joining(", ")));
  }

  /** M and F go to choice 1 and 2, as outbound reads them; a column without those values by its male/female label. */
  private static int genderOption(Target target, String gender) {
    boolean male = gender.equalsIgnoreCase("M");
    if (!male && !gender.equalsIgnoreCase("F")) {
      throw target.error("a gender field holds M or F");
    }
    int value = male ? ValueConverter.MALE : ValueConverter.FEMALE;
    Set<String> words = male ? ValueConverter.MALE_WORDS : ValueConverter.FEMALE_WORDS;
    List<ChoiceOption> options = target.column().options();
    if (options.isEmpty() || options.stream().anyMatch(option -> option.value() == value)) {
      return value;
    }
    return options.stream()
        .filter(option -> words.contains(option.label().strip().toLowerCase(Locale.ROOT)))
        .map(ChoiceOption::value)
        .findFirst()
        .orElseThrow(
            () ->
                target.error(
                    "the column has no option " + value + " and no option labelled " + (male ? "male" : "female")
                        + "; its options: " + labels(options)));
  }

  private static JsonNode yesNo(Target target, SpotlerPropertyType source, JsonNode value) {
    if (source == SpotlerPropertyType.INT) {
      long number = integer(target, value);
      if (number == 0 || number == 1) {
        return BooleanNode.valueOf(number == 1);
      }
      throw target.error("a yes/no column takes 1 or 0");
    }
    String text = text(value).strip();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return BooleanNode.valueOf(text.equalsIgnoreCase("true"));
    }
    for (ChoiceOption option : target.column().options()) {
      if (option.label().equalsIgnoreCase(text)) {
        return BooleanNode.valueOf(option.value() != 0);
      }
    }
    List<ChoiceOption> options = target.column().options();
    throw target.error("a yes/no column takes true or false" + (options.isEmpty() ? "" : " or " + labels(options)));
  }

  private static BigDecimal number(Target target, JsonNode value) {
    try {
      return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().strip());
    } catch (NumberFormatException e) {
      throw target.error("the value is not a number");
    }
  }

  private static long integer(Target target, JsonNode value) {
    BigDecimal number = inRange(target, number(target, value));
    try {
      return number.longValueExact();
    } catch (ArithmeticException e) {
      throw target.error("the column takes whole numbers only");
    }
  }

  private static JsonNode decimal(Target target, JsonNode value) {
    BigDecimal number = inRange(target, number(target, value));
    int digits = Math.max(0, number.stripTrailingZeros().scale());
    if (target.column().precision().isPresent() && digits > target.column().precision().getAsInt()) {
      throw target.error(
          "the value has " + digits + " decimals, the column keeps " + target.column().precision().getAsInt());
    }
    return NODES.numberNode(number);
  }

  private static BigDecimal inRange(Target target, BigDecimal number) {
    ColumnMetadata column = target.column();
    boolean tooSmall = column.minValue().filter(min -> number.compareTo(min) < 0).isPresent();
    boolean tooLarge = column.maxValue().filter(max -> number.compareTo(max) > 0).isPresent();
    if (tooSmall || tooLarge) {
      throw target.error(
          "the value is outside the column's range "
              + column.minValue().map(BigDecimal::toPlainString).orElse("")
              + " to " + column.maxValue().map(BigDecimal::toPlainString).orElse(""));
    }
    return number;
  }

  private JsonNode date(Target target, SpotlerPropertyType source, String text) {
    ZonedDateTime moment = moment(target, source, text.strip());
    if (moment.toLocalDate().isBefore(EARLIEST_DATE)) {
      throw target.error("Dataverse dates start at " + EARLIEST_DATE);
    }
    return TextNode.valueOf(
        target.column().dateOnly()
            ? moment.toLocalDate().toString()
            : moment.withZoneSameInstant(ZoneOffset.UTC).format(UTC_INSTANT));
  }

  /** A Spotler date is midnight in the zone; a date-time keeps its moment (one without an offset is in the zone). */
  private ZonedDateTime moment(Target target, SpotlerPropertyType source, String text) {
    boolean dateField = source == SpotlerPropertyType.DATE || source == SpotlerPropertyType.BIRTHDATE;
    if (dateField && text.contains("T")) {
      throw target.error("a date field holds a date such as 1990-05-20");
    }
    try {
      return ZonedText.read(text, zone);
    } catch (DateTimeParseException e) {
      throw target.error("expected a date such as 1990-05-20 or a date-time such as 2024-05-01T10:00:00+02:00");
    }
  }

  private static String labels(List<ChoiceOption> options) {
    return options.stream().map(ChoiceOption::label).collect(Collectors.joining(", "));
  }
}
