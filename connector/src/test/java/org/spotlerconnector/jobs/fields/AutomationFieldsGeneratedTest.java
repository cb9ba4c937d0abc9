package org.spotlerconnector.jobs.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Many generated texts per seed (docs/adr/0002); a failure names its seed and text so it can be replayed. */
class AutomationFieldsGeneratedTest {
  private static final int CASES_PER_SEED = 300;
  private static final Duration BOUND = Duration.ofSeconds(1);
  private static final String NAME_CHARS = "abcxyzABCXYZ0189_-.éß€<>{}";
  private static final String VALUE_CHARS = "aZ09@._-+=,:/?&%#!{}()'\" éÖß€日本\t";
  private static final String PRODUCT_CHARS = "aZ09-_. é";
  private static final String[] BLANKS = {"", " ", "  ", "\t", "\u00A0", " \t "};
  private static final String[] SEPARATORS = {";", "\n", "\r\n", ";\n", ";\r\n", "\n\n", " ;  \n", "\r", ";;"};
  private static final String[] GARBAGE_TOKENS = {
      "=", ";", "{", "}", ",", "<", ">", "\r", "\n", "\r\n", " ", "\t", "\u00A0", "\u200B", "\uFEFF", "\u0000",
      "\u0007", "\u007F", "\u0085", "\uD83D\uDE00", "\uD83D", "\uDE00", "https://", "http://x.nl/?a=b", "%", "%2",
      "[", "]", "[::1", "@", ":", "//", "#", "<STRING>", "<URL>", "<PRODUCTLIST>", "{<PRODUCTLIST>}", "日本"};

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 12);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void written_values_read_back_in_any_layout(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES_PER_SEED; i++) {
      List<FieldDefinition> fields = definitions(random);
      List<Written> written = writtenFields(random, fields);
      String text = layout(random, written);
      List<FieldValue> expected = written.stream().filter(w -> w.passed != null).map(w -> w.passed).toList();

      assertThat(AutomationFieldsParser.parse(text, fields)).as("seed %d, text %s", seed, text).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void the_prefilled_text_passes_nothing(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES_PER_SEED; i++) {
      List<FieldDefinition> fields = definitions(random);
      String text = AutomationFieldsTemplate.prefill(fields);

      assertThat(AutomationFieldsParser.parse(text, fields)).as("seed %d, text %s", seed, text).isEmpty();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void garbage_only_ever_yields_values_or_a_refusal_and_fast(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES_PER_SEED; i++) {
      List<FieldDefinition> fields = definitions(random);
      String text = garbage(random, fields);
      assertTimeoutPreemptively(BOUND, () -> assertValuesOrRefusal(seed, text, fields), () -> described(seed, text));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void huge_hostile_texts_are_read_fast(long seed) {
    Random random = new Random(seed);
    List<FieldDefinition> fields = definitions(random);
    for (String text : hugeTexts(random, fields)) {
      assertTimeoutPreemptively(BOUND, () -> assertValuesOrRefusal(seed, text, fields), () -> described(seed, text));
    }
  }

  private static void assertValuesOrRefusal(long seed, String text, List<FieldDefinition> fields) {
    try {
      List<FieldValue> values = AutomationFieldsParser.parse(text, fields);
      assertThat(values).as(described(seed, text)).allSatisfy(value -> assertThat(fields).contains(
          new FieldDefinition(value.name(), value.type())));
    } catch (InvalidAutomationFieldsException refusal) {
      assertThat(refusal.getMessage()).as(described(seed, text)).isNotBlank();
      assertThat(refusal.problems()).as(described(seed, text)).isNotEmpty().allSatisfy(problem -> {
        if (problem.fieldName() != null) {
          assertThat(problem.message()).contains(Quotes.excerpt(problem.fieldName()));
        }
      });
    } catch (RuntimeException unexpected) {
      throw new AssertionError(described(seed, text) + " threw " + unexpected, unexpected);
    }
  }

  private static String described(long seed, String text) {
    String shown = text.length() > 300 ? text.substring(0, 300) + "... (" + text.length() + " chars)" : text;
    return "seed " + seed + ", text '" + shown + "'";
  }

  /** A field as the marketer wrote it, and what it should pass (null: nothing). */
  private record Written(String name, String value, FieldValue passed) {}

  private static List<FieldDefinition> definitions(Random random) {
    List<FieldDefinition> fields = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int count = random.nextInt(7);
    while (fields.size() < count) {
      String name = fromChars(random, NAME_CHARS, 1, 12);
      if (!names.contains(name)) {
        names.add(name);
        fields.add(new FieldDefinition(name, FieldType.values()[random.nextInt(FieldType.values().length)]));
      }
    }
    return fields;
  }

  /**
   * Some fields filled, some left blank or with their hint, some left out, some unfilled ones the automation no
   * longer has; in random order.
   */
  private static List<Written> writtenFields(Random random, List<FieldDefinition> fields) {
    List<Written> written = new ArrayList<>();
    if (random.nextInt(4) == 0) {
      written.add(new Written(fromChars(random, NAME_CHARS, 1, 12), unfilled(random, FieldType.PRODUCTLIST), null));
    }
    for (FieldDefinition field : fields) {
      switch (random.nextInt(5)) {
        case 0 -> { }
        case 1 -> written.add(new Written(field.name(), unfilled(random, field.type()), null));
        default -> written.add(filled(random, field));
      }
    }
    Collections.shuffle(written, random);
    return written;
  }

  private static String unfilled(Random random, FieldType type) {
    return switch (random.nextInt(3)) {
      case 0 -> "";
      case 1 -> type.typeHint();
      default -> type.isList() ? "{" + pick(random, BLANKS) + "<PRODUCTLIST>" + pick(random, BLANKS) + "}" : "";
    };
  }

  private static Written filled(Random random, FieldDefinition field) {
    return switch (field.type()) {
      case STRING -> {
        String value = text(random);
        yield new Written(field.name(), value, FieldValue.single(field.name(), FieldType.STRING, value));
      }
      case URL -> {
        String value = webAddress(random);
        yield new Written(field.name(), value, FieldValue.single(field.name(), FieldType.URL, value));
      }
      case PRODUCTLIST -> productList(random, field.name());
    };
  }

  /** Text with blanks only inside, never wrapped in curly brackets, never holding a separator or hint. */
  private static String text(Random random) {
    String inside = fromChars(random, VALUE_CHARS, 0, 30);
    return "x" + inside + (random.nextBoolean() ? "y" : "}");
  }

  private static String webAddress(Random random) {
    return (random.nextBoolean() ? "https" : "HTTP") + "://" + fromChars(random, "abcxyz019-", 1, 10) + ".example"
        + (random.nextBoolean() ? ":8080" : "") + "/" + fromChars(random, "abz09-_.~/", 0, 15)
        + "?id=" + random.nextInt(1000) + "&a=b%20c" + (random.nextBoolean() ? "#top" : "");
  }

  private static Written productList(Random random, String name) {
    List<String> products = new ArrayList<>();
    StringBuilder written = new StringBuilder("{");
    int items = random.nextInt(6);
    for (int i = 0; i < items; i++) {
      written.append(i == 0 ? "" : ",").append(pick(random, BLANKS));
      if (random.nextInt(5) > 0) {
        String product = "p" + fromChars(random, PRODUCT_CHARS, 0, 8) + random.nextInt(1000);
        products.add(product);
        written.append(product);
      }
      written.append(pick(random, BLANKS));
    }
    written.append(random.nextInt(4) == 0 ? ",}" : "}");
    return new Written(name, written.toString(), products.isEmpty() ? null : FieldValue.productList(name, products));
  }

  private static String layout(Random random, List<Written> written) {
    StringBuilder text = new StringBuilder(random.nextBoolean() ? "" : pick(random, SEPARATORS));
    for (int i = 0; i < written.size(); i++) {
      Written field = written.get(i);
      text.append(i == 0 ? "" : pick(random, SEPARATORS))
          .append(pick(random, BLANKS)).append(field.name).append(pick(random, BLANKS)).append('=')
          .append(pick(random, BLANKS)).append(field.value).append(pick(random, BLANKS));
    }
    return text.append(random.nextBoolean() ? "" : pick(random, SEPARATORS)).toString();
  }

  private static String garbage(Random random, List<FieldDefinition> fields) {
    return switch (random.nextInt(5)) {
      case 0 -> anyChars(random, 60);
      case 1 -> tokens(random, fields, 40);
      case 2 -> mutated(random, layout(random, writtenFields(random, fields)));
      case 3 -> mutated(random, AutomationFieldsTemplate.prefill(fields));
      default -> "{".repeat(random.nextInt(5_000)) + tokens(random, fields, 5) + "}".repeat(random.nextInt(50));
    };
  }

  private static List<String> hugeTexts(Random random, List<FieldDefinition> fields) {
    int limit = AutomationFieldsParser.MAX_TEXT_LENGTH;
    String name = fields.isEmpty() ? "a" : fields.get(0).name();
    return List.of(
        "{".repeat(limit),
        name + "=" + "{".repeat(limit - name.length() - 1),
        ";".repeat(limit),
        "=".repeat(limit),
        "x".repeat(limit),
        (name + "=").repeat(limit / (name.length() + 1)),
        (name + "=x;").repeat(limit / (name.length() + 3)),
        "a".repeat(99) + "=1;".repeat((limit - 99) / 3),
        "\n".repeat(limit - 10) + name + "=" + "<STRING>",
        name + "=https://" + "[".repeat(limit - name.length() - 9),
        name + "=" + ",".repeat(limit - name.length() - 1),
        tokensOfLength(random, fields, limit),
        anyChars(random, limit),
        "x".repeat(limit + 1 + random.nextInt(1_000_000)));
  }

  private static String tokens(Random random, List<FieldDefinition> fields, int maxCount) {
    StringBuilder text = new StringBuilder();
    int count = random.nextInt(maxCount + 1);
    for (int i = 0; i < count; i++) {
      text.append(!fields.isEmpty() && random.nextInt(4) == 0
          ? fields.get(random.nextInt(fields.size())).name()
          : pick(random, GARBAGE_TOKENS));
    }
    return text.toString();
  }

  private static String tokensOfLength(Random random, List<FieldDefinition> fields, int length) {
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      text.append(tokens(random, fields, 100));
    }
    return text.substring(0, length);
  }

  private static String mutated(Random random, String text) {
    StringBuilder mutated = new StringBuilder(text);
    int mutations = 1 + random.nextInt(4);
    for (int i = 0; i < mutations && mutated.length() > 0; i++) {
      int at = random.nextInt(mutated.length());
      switch (random.nextInt(3)) {
        case 0 -> mutated.deleteCharAt(at);
        case 1 -> mutated.insert(at, pick(random, GARBAGE_TOKENS));
        default -> mutated.setCharAt(at, (char) random.nextInt(0x10000));
      }
    }
    return mutated.toString();
  }

  private static String anyChars(Random random, int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      text.append((char) random.nextInt(0x10000));
    }
    return text.toString();
  }

  private static String fromChars(Random random, String chars, int minLength, int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = minLength + random.nextInt(maxLength - minLength + 1);
    for (int i = 0; i < length; i++) {
      text.append(chars.charAt(random.nextInt(chars.length())));
    }
    return text.toString();
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }
}
