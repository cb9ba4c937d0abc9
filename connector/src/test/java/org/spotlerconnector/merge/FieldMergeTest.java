package org.spotlerconnector.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spotlerconnector.merge.Json.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.mapping.Direction;

class FieldMergeTest {
  private static final Instant EARLIER = Instant.parse("2026-03-01T09:00:00Z");
  private static final Instant LATER = Instant.parse("2026-03-01T09:00:01Z");
  private static final ChangeTimes SPOTLER_LATER = ChangeTimes.of(EARLIER, LATER);
  private static final ChangeTimes DYNAMICS_LATER = ChangeTimes.of(LATER, EARLIER);

  private static final JsonNode JAN = TextNode.valueOf("Jan");
  private static final JsonNode PIET = TextNode.valueOf("Piet");
  private static final JsonNode KEES = TextNode.valueOf("Kees");
  private static final JsonNode BLANK = TextNode.valueOf("");

  private static FieldOutcome merge(
      Direction direction, ConflictRule rule, JsonNode base, JsonNode dynamics, JsonNode spotler, ChangeTimes times) {
    return FieldMerge.merge(
        new MergeField("firstName", direction, rule), Optional.ofNullable(base), dynamics, spotler, times);
  }

  private static FieldOutcome twoWay(JsonNode base, JsonNode dynamics, JsonNode spotler) {
    return merge(Direction.BOTH, ConflictRule.DEFAULT, base, dynamics, spotler, ChangeTimes.unknown());
  }

  private static FieldOutcome conflict(ConflictRule rule, JsonNode dynamics, JsonNode spotler, ChangeTimes times) {
    return merge(Direction.BOTH, rule, JAN, dynamics, spotler, times);
  }

  private static void assertNothingToDo(FieldOutcome outcome, JsonNode agreed) {
    assertThat(outcome.toDynamics()).isEmpty();
    assertThat(outcome.toSpotler()).isEmpty();
    assertThat(outcome.conflicts()).isEmpty();
    assertThat(outcome.agreed()).isEqualTo(agreed);
  }

  @Nested
  class OneSideChanged {
    @Test
    void dynamics_changed_so_its_value_is_sent_to_spotler_and_becomes_the_base() {
      FieldOutcome outcome = twoWay(JAN, PIET, JAN);

      assertThat(outcome.toSpotler()).contains(PIET);
      assertThat(outcome.toDynamics()).isEmpty();
      assertThat(outcome.conflicts()).isEmpty();
      assertThat(outcome.agreed()).isEqualTo(PIET);
    }

    @Test
    void spotler_changed_so_its_value_is_written_to_dynamics_and_becomes_the_base() {
      FieldOutcome outcome = twoWay(JAN, JAN, PIET);

      assertThat(outcome.toDynamics()).contains(PIET);
      assertThat(outcome.toSpotler()).isEmpty();
      assertThat(outcome.conflicts()).isEmpty();
      assertThat(outcome.agreed()).isEqualTo(PIET);
    }

    @Test
    void a_cleared_value_is_a_change_like_any_other() {
      FieldOutcome outcome = twoWay(JAN, JAN, null);

      assertThat(outcome.toDynamics()).contains(NullNode.getInstance());
      assertThat(outcome.agreed()).isEqualTo(NullNode.getInstance());
    }

    @Test
    void neither_changed_so_nothing_is_written() {
      assertNothingToDo(twoWay(JAN, JAN, JAN), JAN);
    }

    @Test
    void the_value_written_by_the_connector_coming_back_is_no_change() {
      FieldOutcome first = twoWay(JAN, PIET, JAN);
      JsonNode spotlerAfterTheWrite = first.toSpotler().orElseThrow();

      assertNothingToDo(twoWay(first.agreed(), PIET, spotlerAfterTheWrite), PIET);
    }
  }

  @Nested
  class BothChanged {
    @Test
    void to_the_same_value_is_no_conflict_and_that_value_becomes_the_base() {
      assertNothingToDo(twoWay(JAN, PIET, PIET), PIET);
    }

    @Test
    void to_different_values_is_a_conflict_recorded_with_base_both_values_winner_and_rule() {
      FieldOutcome outcome = conflict(ConflictRule.DYNAMICS, PIET, KEES, ChangeTimes.unknown());

      assertThat(outcome.conflicts())
          .containsExactly(new Conflict("firstName", JAN, PIET, KEES, Side.DYNAMICS, ConflictRule.DYNAMICS));
    }

    @Test
    void rule_dynamics_lets_dynamics_win() {
      FieldOutcome outcome = conflict(ConflictRule.DYNAMICS, PIET, KEES, SPOTLER_LATER);

      assertThat(outcome.toSpotler()).contains(PIET);
      assertThat(outcome.toDynamics()).isEmpty();
      assertThat(outcome.agreed()).isEqualTo(PIET);
    }

    @Test
    void rule_spotler_lets_spotler_win() {
      FieldOutcome outcome = conflict(ConflictRule.SPOTLER, PIET, KEES, DYNAMICS_LATER);

      assertThat(outcome.toDynamics()).contains(KEES);
      assertThat(outcome.toSpotler()).isEmpty();
      assertThat(outcome.agreed()).isEqualTo(KEES);
      assertThat(outcome.conflicts()).singleElement().extracting(Conflict::winner).isEqualTo(Side.SPOTLER);
    }

    @Test
    void rule_newest_lets_the_side_that_changed_later_win() {
      assertThat(conflict(ConflictRule.NEWEST, PIET, KEES, SPOTLER_LATER).agreed()).isEqualTo(KEES);
      assertThat(conflict(ConflictRule.NEWEST, PIET, KEES, DYNAMICS_LATER).agreed()).isEqualTo(PIET);
    }

    @Test
    void rule_newest_lets_dynamics_win_a_tie_or_when_a_time_is_unknown() {
      assertThat(conflict(ConflictRule.NEWEST, PIET, KEES, ChangeTimes.of(LATER, LATER)).agreed()).isEqualTo(PIET);
      assertThat(conflict(ConflictRule.NEWEST, PIET, KEES, ChangeTimes.of(null, LATER)).agreed()).isEqualTo(PIET);
    }

    @Test
    void rule_non_blank_prefers_the_side_that_has_a_value() {
      FieldOutcome spotlerCleared = conflict(ConflictRule.NON_BLANK, PIET, BLANK, SPOTLER_LATER);
      FieldOutcome dynamicsCleared = conflict(ConflictRule.NON_BLANK, NullNode.getInstance(), KEES, DYNAMICS_LATER);

      assertThat(spotlerCleared.toSpotler()).contains(PIET);
      assertThat(spotlerCleared.conflicts()).singleElement().extracting(Conflict::winner).isEqualTo(Side.DYNAMICS);
      assertThat(dynamicsCleared.toDynamics()).contains(KEES);
      assertThat(dynamicsCleared.conflicts()).singleElement().extracting(Conflict::winner).isEqualTo(Side.SPOTLER);
    }

    @Test
    void rule_non_blank_falls_back_to_dynamics_when_both_have_a_value() {
      FieldOutcome outcome = conflict(ConflictRule.NON_BLANK, PIET, KEES, SPOTLER_LATER);

      assertThat(outcome.agreed()).isEqualTo(PIET);
      assertThat(outcome.conflicts())
          .containsExactly(new Conflict("firstName", JAN, PIET, KEES, Side.DYNAMICS, ConflictRule.NON_BLANK));
    }

    @Test
    void a_conflict_never_shows_its_values_when_printed() {
      Conflict conflict = conflict(ConflictRule.DYNAMICS, PIET, KEES, SPOTLER_LATER).conflicts().get(0);

      assertThat(conflict.toString()).doesNotContain("Jan", "Piet", "Kees").contains("firstName", "dynamics");
      assertThat(conflict(ConflictRule.DYNAMICS, PIET, KEES, SPOTLER_LATER).toString())
          .doesNotContain("Jan", "Piet", "Kees");
    }
  }

  @Nested
  class OneWayFields {
    @Test
    void to_spotler_ignores_a_spotler_change_and_keeps_the_base() {
      assertNothingToDo(merge(Direction.TO_SPOTLER, ConflictRule.DEFAULT, JAN, JAN, PIET, SPOTLER_LATER), JAN);
    }

    @Test
    void to_spotler_sends_a_dynamics_change_even_when_spotler_changed_too_without_a_conflict() {
      FieldOutcome outcome = merge(Direction.TO_SPOTLER, ConflictRule.DEFAULT, JAN, PIET, KEES, SPOTLER_LATER);

      assertThat(outcome.toSpotler()).contains(PIET);
      assertThat(outcome.toDynamics()).isEmpty();
      assertThat(outcome.conflicts()).isEmpty();
    }

    @Test
    void to_dataverse_ignores_a_dynamics_change_and_keeps_the_base() {
      assertNothingToDo(merge(Direction.TO_DATAVERSE, ConflictRule.DEFAULT, JAN, PIET, JAN, DYNAMICS_LATER), JAN);
    }

    @Test
    void to_dataverse_writes_a_spotler_change_even_when_dynamics_changed_too_without_a_conflict() {
      FieldOutcome outcome = merge(Direction.TO_DATAVERSE, ConflictRule.DEFAULT, JAN, PIET, KEES, DYNAMICS_LATER);

      assertThat(outcome.toDynamics()).contains(KEES);
      assertThat(outcome.toSpotler()).isEmpty();
      assertThat(outcome.conflicts()).isEmpty();
    }
  }

  @Nested
  class FirstLink {
    @Test
    void two_way_fields_take_the_dynamics_value() {
      FieldOutcome outcome = twoWay(null, PIET, KEES);

      assertThat(outcome.toSpotler()).contains(PIET);
      assertThat(outcome.toDynamics()).isEmpty();
      assertThat(outcome.conflicts()).isEmpty();
      assertThat(outcome.agreed()).isEqualTo(PIET);
    }

    @Test
    void to_spotler_fields_take_the_dynamics_value_even_when_blank() {
      FieldOutcome outcome = merge(Direction.TO_SPOTLER, ConflictRule.DEFAULT, null, BLANK, KEES, SPOTLER_LATER);

      assertThat(outcome.toSpotler()).contains(BLANK);
      assertThat(outcome.agreed()).isEqualTo(BLANK);
    }

    @Test
    void to_dataverse_fields_take_the_spotler_value_when_it_has_one() {
      FieldOutcome outcome = merge(Direction.TO_DATAVERSE, ConflictRule.DEFAULT, null, PIET, KEES, DYNAMICS_LATER);

      assertThat(outcome.toDynamics()).contains(KEES);
      assertThat(outcome.agreed()).isEqualTo(KEES);
    }

    @Test
    void to_dataverse_fields_keep_the_dynamics_value_when_spotler_has_none_and_remember_the_blank() {
      FieldOutcome outcome =
          merge(Direction.TO_DATAVERSE, ConflictRule.DEFAULT, null, PIET, null, DYNAMICS_LATER);

      assertNothingToDo(outcome, NullNode.getInstance());
      assertThat(merge(Direction.TO_DATAVERSE, ConflictRule.DEFAULT, outcome.agreed(), PIET, KEES, SPOTLER_LATER)
              .toDynamics())
          .as("the first value Spotler gets is a change")
          .contains(KEES);
    }
  }

  @Nested
  class ValuesCompareByMeaning {
    @Test
    void absent_null_and_empty_text_are_all_blank_and_equal() {
      JsonNode[] blanks = {null, MissingNode.getInstance(), NullNode.getInstance(), BLANK};
      for (JsonNode base : blanks) {
        for (JsonNode dynamics : blanks) {
          for (JsonNode spotler : blanks) {
            FieldOutcome outcome = twoWay(base == null ? BLANK : base, dynamics, spotler);
            assertThat(outcome.toDynamics()).isEmpty();
            assertThat(outcome.toSpotler()).isEmpty();
          }
        }
      }
    }

    @Test
    void numbers_compare_by_value() {
      assertNothingToDo(twoWay(json("1"), json("1.0"), json("1.00")), json("1"));
      assertThat(twoWay(json("1"), json("1"), json("1.5")).toDynamics()).contains(json("1.5"));
    }

    @Test
    void text_compares_exactly() {
      assertThat(twoWay(JAN, JAN, TextNode.valueOf("jan")).toDynamics()).contains(TextNode.valueOf("jan"));
      assertThat(twoWay(JAN, JAN, TextNode.valueOf("Jan ")).toDynamics()).contains(TextNode.valueOf("Jan "));
    }

    @Test
    void a_number_is_not_the_same_as_its_text() {
      assertThat(twoWay(json("1"), json("1"), TextNode.valueOf("1")).toDynamics()).isPresent();
    }
  }

  @Nested
  class Sets {
    private FieldOutcome permissions(Direction direction, String base, String dynamics, String spotler) {
      return FieldMerge.merge(
          new MergeField("permissions", direction, ConflictRule.DEFAULT),
          Optional.ofNullable(base).map(Json::json),
          json(dynamics),
          json(spotler),
          ChangeTimes.unknown());
    }

    @Test
    void compare_by_enabled_bits_whatever_the_order_descriptions_or_switched_off_bits() {
      FieldOutcome outcome =
          permissions(
              Direction.BOTH,
              "[{'bit':1,'enabled':true},{'bit':2,'enabled':true}]",
              "[{'bit':2,'enabled':true},{'bit':1,'enabled':true},{'bit':4,'enabled':false}]",
              "[{'bit':1,'enabled':true,'description':'Nieuwsbrief'},{'bit':2,'enabled':true}]");

      assertThat(outcome.toDynamics()).isEmpty();
      assertThat(outcome.toSpotler()).isEmpty();
    }

    @Test
    void merge_bit_by_bit_so_an_unsubscribe_in_spotler_and_a_subscription_in_dynamics_both_survive() {
      FieldOutcome outcome =
          permissions(
              Direction.BOTH,
              "[{'bit':1,'enabled':true},{'bit':2,'enabled':false}]",
              "[{'bit':1,'enabled':true},{'bit':2,'enabled':true}]",
              "[{'bit':1,'enabled':false},{'bit':2,'enabled':false}]");

      JsonNode expected = json("[{'bit':1,'enabled':false},{'bit':2,'enabled':true}]");
      assertThat(outcome.conflicts()).isEmpty();
      assertThat(outcome.toDynamics()).contains(expected);
      assertThat(outcome.toSpotler()).contains(expected);
      assertThat(outcome.agreed()).isEqualTo(expected);
    }

    @Test
    void never_conflict_because_two_changes_to_one_bit_always_agree() {
      FieldOutcome outcome =
          FieldMerge.merge(
              new MergeField("permissions", Direction.BOTH, ConflictRule.SPOTLER),
              Optional.of(json("[{'bit':1,'enabled':true},{'bit':2,'enabled':true}]")),
              json("[{'bit':1,'enabled':false},{'bit':2,'enabled':true}]"),
              json("[{'bit':1,'enabled':false}]"),
              ChangeTimes.unknown());

      JsonNode expected = json("[{'bit':1,'enabled':false},{'bit':2,'enabled':false}]");
      assertThat(outcome.conflicts()).isEmpty();
      assertThat(outcome.toDynamics()).contains(expected);
      assertThat(outcome.toSpotler()).isEmpty();
      assertThat(outcome.agreed()).isEqualTo(expected);
    }

    @Test
    void a_set_on_one_side_and_text_on_the_other_is_refused() {
      assertThatThrownBy(() -> permissions(Direction.BOTH, null, "[{'bit':1,'enabled':true}]", "'yes'"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("permissions");
    }
  }
}
