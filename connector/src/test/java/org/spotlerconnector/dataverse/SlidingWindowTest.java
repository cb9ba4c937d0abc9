package org.spotlerconnector.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {
  private final Instant start = Instant.parse("2025-06-02T09:00:00Z");
  private final SlidingWindow window = new SlidingWindow(10, Duration.ofSeconds(300));

  @Test
  void admits_requests_up_to_the_limit() {
    window.record(start, 9);

    assertThat(window.waitFor(start, 1)).isZero();
    assertThat(window.waitFor(start, 2)).isPositive();
  }

  @Test
  void a_request_over_the_limit_waits_until_the_oldest_entries_leave_the_window() {
    window.record(start, 4);
    window.record(start.plusSeconds(100), 6);

    assertThat(window.waitFor(start.plusSeconds(120), 3)).isEqualTo(Duration.ofSeconds(180));
    assertThat(window.waitFor(start.plusSeconds(120), 5)).isEqualTo(Duration.ofSeconds(280));
  }

  @Test
  void entries_leave_the_window_exactly_one_window_later() {
    window.record(start, 10);

    assertThat(window.total(start.plusSeconds(299))).isEqualTo(10);
    assertThat(window.total(start.plusSeconds(300))).isZero();
  }

  @Test
  void a_weight_above_the_limit_waits_for_an_empty_window_instead_of_forever() {
    window.record(start, 1);

    assertThat(window.waitFor(start.plusSeconds(10), 50)).isEqualTo(Duration.ofSeconds(290));
    assertThat(window.waitFor(start.plusSeconds(300), 50)).isZero();
  }
}
