package org.spotlerconnector.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spotlerconnector.mapping.ColumnExpression.Column;
import org.spotlerconnector.mapping.ColumnExpression.Constant;
import org.spotlerconnector.mapping.ColumnExpression.CustomerType;
import org.spotlerconnector.mapping.ColumnExpression.ListMembership;
import org.spotlerconnector.mapping.ColumnExpression.Permissions;
import org.spotlerconnector.mapping.ColumnExpression.RelatedColumn;

/** Many generated inputs per seed (docs/adr/0002); a failure names its seed so it can be replayed. */
class ColumnExpressionGeneratedTest {
  private static final int CASES_PER_SEED = 500;
  private static final String NAME_START = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
  private static final String NAME_REST = NAME_START + "0123456789";
  private static final String GARBAGE_CHARS = "$@(){}.=_-:<> aZ09\t\né";

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 8);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void every_expression_reads_back_from_its_text(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES_PER_SEED; i++) {
      ColumnExpression expression = expression(random);
      assertThat(ColumnExpression.parse(expression.text()))
          .as("seed %d, text %s", seed, expression.text())
          .isEqualTo(expression);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void every_filter_reads_back_from_its_text(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES_PER_SEED; i++) {
      RowFilter filter = new RowFilter(column(random), printable(random, 20));
      assertThat(RowFilter.parse(filter.text())).as("seed %d, text %s", seed, filter.text()).isEqualTo(filter);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void garbage_only_ever_fails_with_the_documented_exception(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES_PER_SEED; i++) {
      String text = garbage(random);
      assertOnlySyntaxErrors(seed, text, () -> ColumnExpression.parse(text));
      assertOnlySyntaxErrors(seed, text, () -> RowFilter.parse(text));
      assertOnlySyntaxErrors(seed, text, () -> Direction.parse(text));
    }
  }

  private static void assertOnlySyntaxErrors(long seed, String text, Runnable parse) {
    try {
      parse.run();
    } catch (MappingSyntaxException expected) {
      assertThat(expected.getMessage()).as("seed %d, text %s", seed, text).isNotBlank();
    } catch (RuntimeException unexpected) {
      throw new AssertionError("seed " + seed + ", text '" + text + "' threw " + unexpected, unexpected);
    }
  }

  private static ColumnExpression expression(Random random) {
    return switch (random.nextInt(6)) {
      case 0, 1 -> column(random);
      case 2 -> new Constant(anyText(random, 40));
      case 3 -> new CustomerType();
      case 4 -> new Permissions();
      default -> new ListMembership();
    };
  }

  private static ColumnExpression column(Random random) {
    return random.nextBoolean() ? new Column(name(random)) : new RelatedColumn(name(random), name(random));
  }

  private static String garbage(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> anyText(random, 30);
      case 1 -> fromChars(random, GARBAGE_CHARS, 20);
      case 2 -> expression(random).text() + ".";
      default -> "." + expression(random).text() + "(x)";
    };
  }

  private static String name(Random random) {
    return fromChars(random, NAME_START, 1).isEmpty()
        ? "_"
        : NAME_START.charAt(random.nextInt(NAME_START.length())) + fromChars(random, NAME_REST, 20);
  }

  private static String printable(Random random, int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      text.append((char) ('!' + random.nextInt('~' - '!' + 1)));
    }
    return text.toString();
  }

  private static String anyText(Random random, int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      text.append((char) random.nextInt(0x3000));
    }
    return text.toString();
  }

  private static String fromChars(Random random, String chars, int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      text.append(chars.charAt(random.nextInt(chars.length())));
    }
    return text.toString();
  }
}
