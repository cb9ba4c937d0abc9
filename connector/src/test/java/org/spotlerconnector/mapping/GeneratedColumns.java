package org.spotlerconnector.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Generators of Dataverse columns (with metadata details) and of the values the Web API returns for them, for the
 * seeded tests of docs/adr/0002.
 */
final class GeneratedColumns {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> LABELS =
      List.of("Nederlands", "English", "Deutsch", "Français", "Other", "Male", "Female", "Vrouw", "1234 AB", "Ja ja");
  private static final List<String> GENDER_TEXTS = List.of("M", "F", "male", "Vrouw", "x", "M ");
  private static final String TEXT_CHARS = "abcXYZ éü 09-.'@;,";
  private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");
  private static final long FIRST_SECOND = LocalDate.of(1900, 1, 1).toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC);
  private static final long LAST_SECOND = LocalDate.of(2100, 1, 1).toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC);

  /** A column value as a Web API row holds it: the value and, for choices, its formatted value. */
  record DataverseValue(JsonNode raw, String formatted) {}

  private GeneratedColumns() {}

  static ColumnMetadata column(Random random, ColumnType type) {
    ColumnMetadata column = ColumnMetadata.of("new_column", type);
    return switch (type) {
      case TEXT -> random.nextInt(4) == 0 ? column : column.withMaxLength(1 + random.nextInt(40));
      case CHOICE, MULTI_CHOICE -> column.withOptions(options(random));
      case BOOLEAN ->
          random.nextBoolean()
              ? column
              : column.withOptions(List.of(new ChoiceOption(0, "No"), new ChoiceOption(1, "Yes")));
      case WHOLE_NUMBER ->
          random.nextBoolean()
              ? column
              : column.withRange(BigDecimal.valueOf(-random.nextInt(1000)), BigDecimal.valueOf(random.nextInt(1000)));
      case DECIMAL, MONEY -> column.withPrecision(random.nextInt(5));
      case DATE_TIME -> random.nextBoolean() ? column.dateOnlyBehaviour() : column;
      default -> column;
    };
  }

  /** A gender choice: the standard values 1 and 2, or custom values labelled in Dutch. */
  static ColumnMetadata genderChoice(Random random) {
    List<ChoiceOption> options =
        random.nextBoolean()
            ? List.of(new ChoiceOption(1, "Male"), new ChoiceOption(2, "Female"), new ChoiceOption(3, "Other"))
            : List.of(
                new ChoiceOption(100000000, "Man"),
                new ChoiceOption(100000001, "Vrouw"),
                new ChoiceOption(100000002, "Anders"));
    return ColumnMetadata.of("gendercode", ColumnType.CHOICE).withOptions(options);
  }

  /** A value the column can hold, sometimes empty; {@code forGender} makes text look like a gender. */
  static DataverseValue value(Random random, ColumnMetadata column, boolean forGender) {
    if (random.nextInt(10) == 0) {
      return new DataverseValue(NullNode.getInstance(), null);
    }
    JsonNode raw =
        switch (column.type()) {
          case TEXT -> TextNode.valueOf(forGender ? pick(random, GENDER_TEXTS) : text(random, column));
          case CHOICE -> NODES.numberNode(pick(random, column.options()).value());
          case MULTI_CHOICE -> TextNode.valueOf(multiChoice(random, column));
          case BOOLEAN -> NODES.booleanNode(random.nextBoolean());
          case WHOLE_NUMBER -> NODES.numberNode(wholeNumber(random, column));
          case DECIMAL, MONEY -> NODES.numberNode(decimal(random, column));
          case DATE_TIME -> TextNode.valueOf(dateTime(random, column));
          default -> throw new IllegalArgumentException(column.type() + " is not generated");
        };
    return new DataverseValue(raw, formatted(column, raw));
  }

  /** The formatted value Dataverse annotates a choice with: its label, for a multi-select the labels joined by "; ". */
  static String formatted(ColumnMetadata column, JsonNode raw) {
    if (raw == null || raw.isNull()) {
      return null;
    }
    return switch (column.type()) {
      case CHOICE -> label(column, raw.asInt());
      case MULTI_CHOICE ->
          List.of(raw.asText().split(",")).stream()
              .map(value -> label(column, Integer.parseInt(value)))
              .collect(Collectors.joining("; "));
      default -> null;
    };
  }

  private static String label(ColumnMetadata column, int value) {
    return column.options().stream().filter(o -> o.value() == value).findFirst().orElseThrow().label();
  }

  private static List<ChoiceOption> options(Random random) {
    List<String> labels = new ArrayList<>(LABELS);
    Collections.shuffle(labels, random);
    int base = random.nextBoolean() ? 1 : 727000000;
    List<ChoiceOption> options = new ArrayList<>();
    for (int i = 0; i < 2 + random.nextInt(4); i++) {
      options.add(new ChoiceOption(base + i, labels.get(i)));
    }
    return options;
  }

  private static String multiChoice(Random random, ColumnMetadata column) {
    List<ChoiceOption> chosen = new ArrayList<>(column.options());
    Collections.shuffle(chosen, random);
    return chosen.subList(0, 1 + random.nextInt(chosen.size())).stream()
        .map(option -> String.valueOf(option.value()))
        .collect(Collectors.joining(","));
  }

  private static String text(Random random, ColumnMetadata column) {
    if (random.nextInt(5) == 0 && column.maxLength().orElse(7) >= 7) {
      return (1000 + random.nextInt(9000)) + " AB";
    }
    int length = random.nextInt(column.maxLength().orElse(60) + 1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(TEXT_CHARS.charAt(random.nextInt(TEXT_CHARS.length())));
    }
    return text.toString();
  }

  private static BigDecimal decimal(Random random, ColumnMetadata column) {
    return BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, random.nextInt(column.precision().orElse(2) + 1));
  }

  private static long wholeNumber(Random random, ColumnMetadata column) {
    long min = column.minValue().map(BigDecimal::longValue).orElse(-5_000_000_000L);
    long max = column.maxValue().map(BigDecimal::longValue).orElse(5_000_000_000L);
    return min + (long) (random.nextDouble() * (max - min));
  }

  private static String dateTime(Random random, ColumnMetadata column) {
    Instant moment = Instant.ofEpochSecond(FIRST_SECOND + (long) (random.nextDouble() * (LAST_SECOND - FIRST_SECOND)));
    return column.dateOnly()
        ? moment.atOffset(ZoneOffset.UTC).toLocalDate().toString()
        : moment.atOffset(ZoneOffset.UTC).format(UTC_SECONDS);
  }

  private static <T> T pick(Random random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
