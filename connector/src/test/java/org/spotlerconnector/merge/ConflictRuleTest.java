package org.spotlerconnector.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConflictRuleTest {
  @Test
  void reads_the_words_a_mapping_row_uses_in_any_case() {
    assertThat(ConflictRule.parse("dynamics")).isEqualTo(ConflictRule.DYNAMICS);
    assertThat(ConflictRule.parse("Spotler")).isEqualTo(ConflictRule.SPOTLER);
    assertThat(ConflictRule.parse(" newest ")).isEqualTo(ConflictRule.NEWEST);
    assertThat(ConflictRule.parse("NON-BLANK")).isEqualTo(ConflictRule.NON_BLANK);
    assertThat(ConflictRule.DEFAULT).isEqualTo(ConflictRule.DYNAMICS);
  }

  @Test
  void writes_back_the_word_it_was_read_from() {
    for (ConflictRule rule : ConflictRule.values()) {
      assertThat(ConflictRule.parse(rule.configName())).isEqualTo(rule);
      assertThat(rule).hasToString(rule.configName());
    }
  }

  @Test
  void refuses_an_unknown_word_listing_the_allowed_ones_and_suggesting_the_closest() {
    assertThatThrownBy(() -> ConflictRule.parse("nonblank"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("use one of dynamics, spotler, newest, non-blank; did you mean 'non-blank'?");
    assertThatThrownBy(() -> ConflictRule.parse("whatever"))
        .hasMessage("use one of dynamics, spotler, newest, non-blank");
  }
}
