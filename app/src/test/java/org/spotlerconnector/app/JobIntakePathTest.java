package org.spotlerconnector.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobIntakePathTest {

  @Test
  void both_measures_polling_first_then_the_webhook() {
    assertThat(JobIntakePath.parse("both")).containsExactly(JobIntakePath.POLL, JobIntakePath.WEBHOOK);
    assertThat(JobIntakePath.parse("Webhook")).containsExactly(JobIntakePath.WEBHOOK);
    assertThat(JobIntakePath.parse("poll")).containsExactly(JobIntakePath.POLL);
  }

  @Test
  void anything_else_is_refused_naming_the_choices() {
    assertThatThrownBy(() -> JobIntakePath.parse("push"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("poll, webhook or both");
  }
}
