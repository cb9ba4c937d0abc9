package org.spotlerconnector.sandbox.dataverse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Laws the filter engine must keep for any filter and row, checked on inputs from seeded generators
 * (docs/adr/0002): each seed runs {@link #CASES} cases and failure messages name the seed and the inputs.
 */
class FilterPropertiesTest {

  private static final int CASES = 40;
  private static final int DEPTH = 4;
  private static final Clock CLOCK = Clock.systemUTC();

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 25);
  }

  private static Truth truth(FilterNode filter, ObjectNode row) {
    return new FilterBinder(Contacts.SCHEMA, CLOCK).bind(filter).evaluate(row);
  }

  private static boolean keeps(String filter, ObjectNode row) {
    return FilterParser.parse(filter, Contacts.SCHEMA).test(row);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void printing_a_filter_and_parsing_it_again_gives_the_same_filter(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES; i++) {
      FilterNode filter = RandomFilters.condition(random, DEPTH);
      assertThat(FilterExpressionParser.parse(filter.toString(), Map.of()))
          .as("seed %d: %s", seed, filter)
          .isEqualTo(filter);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void a_printed_filter_keeps_the_rows_it_evaluates_true_for(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES; i++) {
      FilterNode filter = RandomFilters.condition(random, DEPTH);
      ObjectNode row = RandomFilters.row(random, false);
      assertThat(keeps(filter.toString(), row))
          .as("seed %d: %s on %s", seed, filter, row)
          .isEqualTo(truth(filter, row) == Truth.TRUE);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void not_is_the_three_valued_negation(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES; i++) {
      FilterNode filter = RandomFilters.condition(random, DEPTH);
      ObjectNode row = RandomFilters.row(random, false);
      assertThat(truth(new FilterNode.Not(filter), row))
          .as("seed %d: %s on %s", seed, filter, row)
          .isEqualTo(truth(filter, row).not());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void not_keeps_exactly_the_other_rows_when_no_column_is_null(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES; i++) {
      String filter = RandomFilters.condition(random, DEPTH).toString();
      ObjectNode row = RandomFilters.row(random, true);
      assertThat(keeps("not (" + filter + ")", row))
          .as("seed %d: %s on %s", seed, filter, row)
          .isEqualTo(!keeps(filter, row));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void and_keeps_the_rows_both_sides_keep_and_or_those_either_side_keeps(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES; i++) {
      String left = RandomFilters.condition(random, DEPTH).toString();
      String right = RandomFilters.condition(random, DEPTH).toString();
      ObjectNode row = RandomFilters.row(random, false);
      assertThat(keeps("(" + left + ") and (" + right + ")", row))
          .as("seed %d: %s AND %s on %s", seed, left, right, row)
          .isEqualTo(keeps(left, row) && keeps(right, row));
      assertThat(keeps("(" + left + ") or (" + right + ")", row))
          .as("seed %d: %s OR %s on %s", seed, left, right, row)
          .isEqualTo(keeps(left, row) || keeps(right, row));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void de_morgan_holds_in_three_valued_logic(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES; i++) {
      FilterNode left = RandomFilters.condition(random, DEPTH);
      FilterNode right = RandomFilters.condition(random, DEPTH);
      ObjectNode row = RandomFilters.row(random, false);
      FilterNode notAnd = new FilterNode.Not(new FilterNode.And(List.of(left, right)));
      FilterNode orOfNots = new FilterNode.Or(List.of(new FilterNode.Not(left), new FilterNode.Not(right)));
      assertThat(truth(notAnd, row)).as("seed %d: %s on %s", seed, notAnd, row).isEqualTo(truth(orOfNots, row));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void garbage_only_ever_fails_as_a_bad_request(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES; i++) {
      assertOnlyBadRequests(seed, RandomFilters.garbage(random), RandomFilters.row(random, false));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void damaged_filters_only_ever_fail_as_a_bad_request(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < CASES; i++) {
      assertOnlyBadRequests(seed, RandomFilters.damaged(random), RandomFilters.row(random, false));
    }
  }

  private static void assertOnlyBadRequests(long seed, String text, ObjectNode row) {
    Throwable thrown =
        catchThrowable(() -> {
          FilterParser.parse(text, Contacts.SCHEMA, Map.of("@p1", "'x'")).test(row);
          OrderByParser.parse(text, Contacts.SCHEMA).compare(row, row);
          SelectParser.parse(text, Contacts.SCHEMA);
        });
    if (thrown != null) {
      assertThat(thrown).as("seed %d: %s", seed, text).isInstanceOf(ODataQueryException.class);
    }
  }
}
