package org.spotlerconnector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.spotlerconnector.merge.ConflictRule;

class FieldMappingTest {
  @Test
  void a_two_way_row_takes_a_conflict_rule_and_defaults_to_dynamics() {
    assertThat(FieldMapping.builder("lastName").contact("lastname").direction("<->").conflict("spotler").build()
            .conflictRule())
        .isEqualTo(ConflictRule.SPOTLER);
    assertThat(FieldMapping.builder("lastName").contact("lastname").direction("<->").build().conflictRule())
        .isEqualTo(ConflictRule.DYNAMICS);
  }

  @Test
  void a_one_way_row_cannot_have_a_conflict_rule() {
    assertThatThrownBy(() -> FieldMapping.builder("lastName").contact("lastname").conflict("newest").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(FieldMapping.CONFLICT_NEEDS_BOTH_WAYS);
  }
}
