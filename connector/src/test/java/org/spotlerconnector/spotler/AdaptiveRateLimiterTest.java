package org.spotlerconnector.spotler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdaptiveRateLimiterTest {
  private long now = 1_000_000_000L;
  private final List<Long> sleeps = new ArrayList<>();
  private final AdaptiveRateLimiter.Sleeper sleeper =
      nanos -> {
        sleeps.add(nanos);
        now += nanos;
      };

  private AdaptiveRateLimiter limiter(double perSecond) {
    return new AdaptiveRateLimiter(perSecond, () -> now, sleeper);
  }

  @Test
  void lets_the_first_request_through_at_once_and_spaces_the_next_ones() throws InterruptedException {
    AdaptiveRateLimiter limiter = limiter(4);

    limiter.acquire();
    limiter.acquire();
    limiter.acquire();

    assertThat(sleeps).containsExactly(millis(250), millis(250));
  }

  @Test
  void does_not_wait_when_the_caller_was_slower_than_the_rate() throws InterruptedException {
    AdaptiveRateLimiter limiter = limiter(4);

    limiter.acquire();
    now += millis(600);
    limiter.acquire();

    assertThat(sleeps).isEmpty();
  }

  @Test
  void halves_the_rate_on_each_throttle_down_to_a_floor() {
    AdaptiveRateLimiter limiter = limiter(8);

    limiter.onThrottled();
    assertThat(limiter.currentPerSecond()).isEqualTo(4);
    for (int i = 0; i < 20; i++) {
      limiter.onThrottled();
    }
    assertThat(limiter.currentPerSecond()).isEqualTo(8 * AdaptiveRateLimiter.FLOOR_FRACTION);
  }

  @Test
  void spaces_requests_by_the_halved_rate_after_a_throttle() throws InterruptedException {
    AdaptiveRateLimiter limiter = limiter(4);
    limiter.onThrottled();

    limiter.acquire();
    limiter.acquire();

    assertThat(sleeps).containsExactly(millis(500));
  }

  @Test
  void recovers_slowly_and_never_beyond_the_configured_rate() {
    AdaptiveRateLimiter limiter = limiter(10);
    limiter.onThrottled();

    limiter.onSuccess();
    assertThat(limiter.currentPerSecond()).isCloseTo(5.5, within(1e-9));
    for (int i = 0; i < 100; i++) {
      limiter.onSuccess();
    }
    assertThat(limiter.currentPerSecond()).isEqualTo(10);
  }

  private static long millis(long ms) {
    return TimeUnit.MILLISECONDS.toNanos(ms);
  }
}
