package org.spotlerconnector.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {
  private final TestClock clock = new TestClock();
  private final List<Duration> sleeps = new ArrayList<>();
  private final List<Duration> reportedWaits = new ArrayList<>();
  private final DataverseMetrics metrics = new DataverseMetrics() {
    @Override
    public void budgetWaited(Duration waited) {
      reportedWaits.add(waited);
    }
  };

  /** Sleeping moves the fake clock, so the budget's waits can be checked exactly and instantly. */
  private RequestBudget budget(BudgetSettings settings) {
    return new RequestBudget(settings, clock, duration -> {
      sleeps.add(duration);
      clock.advance(duration);
    }, metrics);
  }

  @Test
  void defaults_stay_below_the_documented_service_protection_limits() {
    // dataverse-api.md §6: 6,000 requests and 1,200 s execution per 300 s sliding window, 52 concurrent requests
    BudgetSettings defaults = BudgetSettings.DEFAULTS;

    assertThat(defaults.window()).isEqualTo(Duration.ofSeconds(300));
    assertThat(defaults.maxRequests()).isLessThan(6_000);
    assertThat(defaults.maxConcurrentRequests()).isLessThan(52);
    assertThat(defaults.maxExecutionTime()).isLessThan(Duration.ofSeconds(1_200));
  }

  @Test
  void waits_for_the_window_instead_of_failing_when_the_request_limit_is_reached() throws Exception {
    RequestBudget budget = budget(new BudgetSettings(3, Duration.ofSeconds(300), 10, Duration.ofHours(1)));
    for (int i = 0; i < 3; i++) {
      budget.acquire(1).close();
      clock.advance(Duration.ofSeconds(10));
    }

    budget.acquire(1).close();

    assertThat(sleeps).containsExactly(Duration.ofSeconds(270));
    assertThat(reportedWaits).containsExactly(Duration.ofSeconds(270));
  }

  @Test
  void every_operation_of_a_batch_counts_toward_the_request_limit() throws Exception {
    RequestBudget budget = budget(new BudgetSettings(100, Duration.ofSeconds(300), 10, Duration.ofHours(1)));

    budget.acquire(60).close();

    assertThat(budget.requestsInWindow()).isEqualTo(60);
    budget.acquire(60).close();
    assertThat(sleeps).containsExactly(Duration.ofSeconds(300));
  }

  @Test
  void a_pause_after_429_holds_every_request_until_retry_after_has_passed() throws Exception {
    RequestBudget budget = budget(BudgetSettings.DEFAULTS);
    budget.pauseUntil(clock.instant().plusSeconds(7));

    budget.acquire(1).close();

    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void a_shorter_pause_does_not_shorten_a_longer_one() throws Exception {
    RequestBudget budget = budget(BudgetSettings.DEFAULTS);
    budget.pauseUntil(clock.instant().plusSeconds(20));
    budget.pauseUntil(clock.instant().plusSeconds(5));

    budget.acquire(1).close();

    assertThat(sleeps).containsExactly(Duration.ofSeconds(20));
  }

  @Test
  void combined_execution_time_over_the_limit_makes_new_requests_wait() throws Exception {
    RequestBudget budget = budget(new BudgetSettings(1_000, Duration.ofSeconds(300), 10, Duration.ofSeconds(60)));
    RequestBudget.Permit slow = budget.acquire(1);
    clock.advance(Duration.ofSeconds(61)); // one request ran for 61 s
    slow.close();

    budget.acquire(1).close();

    assertThat(sleeps).containsExactly(Duration.ofSeconds(300));
  }

  @Test
  void no_more_than_the_concurrency_limit_are_in_flight() throws Exception {
    RequestBudget budget = new RequestBudget(
        new BudgetSettings(10_000, Duration.ofSeconds(300), 3, Duration.ofHours(1)), clock, DataverseMetrics.NONE);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger highest = new AtomicInteger();
    CountDownLatch allStarted = new CountDownLatch(12);
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        done.add(pool.submit(() -> {
          allStarted.countDown();
          RequestBudget.Permit permit = budget.acquire(1);
          try {
            highest.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            TimeUnit.MILLISECONDS.sleep(20);
            inFlight.decrementAndGet();
          } finally {
            permit.close();
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(highest.get()).isEqualTo(3);
    assertThat(budget.inFlight()).isZero();
  }

  @Test
  void closing_a_permit_twice_frees_one_slot_only() throws Exception {
    RequestBudget budget = budget(new BudgetSettings(100, Duration.ofSeconds(300), 2, Duration.ofHours(1)));
    RequestBudget.Permit permit = budget.acquire(1);
    budget.acquire(1);

    permit.close();
    permit.close();

    assertThat(budget.inFlight()).isEqualTo(1);
  }

  @Test
  void rejects_a_request_count_below_one() {
    RequestBudget budget = budget(BudgetSettings.DEFAULTS);

    assertThatThrownBy(() -> budget.acquire(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
