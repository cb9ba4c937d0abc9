package org.spotlerconnector.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RepeatingTaskTest {
  private static final Duration LONG = Duration.ofMinutes(10);
  private static final Duration SHORT = Duration.ofMillis(20);

  @Test
  void runs_at_start_and_not_again_before_the_interval() throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    try (RepeatingTask task = new RepeatingTask("test", LONG, SHORT, () -> {
      runs.incrementAndGet();
      return RepeatingTask.Next.ON_SCHEDULE;
    })) {
      task.start();
      Thread.sleep(300);
    }
    assertThat(runs).hasValue(1);
  }

  @Test
  void a_failed_run_and_a_run_that_asks_for_it_run_again_after_the_short_wait() throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch third = new CountDownLatch(3);
    try (RepeatingTask task = new RepeatingTask("test", LONG, SHORT, () -> {
      third.countDown();
      return switch (runs.incrementAndGet()) {
        case 1 -> throw new IllegalStateException("Spotler is down");
        case 2 -> RepeatingTask.Next.SOONER;
        default -> RepeatingTask.Next.ON_SCHEDULE;
      };
    })) {
      task.start();
      assertThat(third.await(5, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(200);
    }
    assertThat(runs).hasValue(3);
  }

  @Test
  void a_task_that_stops_never_runs_again() throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    try (RepeatingTask task = new RepeatingTask("test", SHORT, SHORT, () -> {
      runs.incrementAndGet();
      return RepeatingTask.Next.STOP;
    })) {
      task.start();
      Thread.sleep(300);
    }
    assertThat(runs).hasValue(1);
  }

  @Test
  void intervals_must_be_above_zero() {
    assertThatThrownBy(() -> new RepeatingTask("test", Duration.ZERO, SHORT, () -> RepeatingTask.Next.STOP))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
