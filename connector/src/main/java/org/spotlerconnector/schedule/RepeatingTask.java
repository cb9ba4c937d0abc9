package org.spotlerconnector.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task at start-up and then every {@code every}, on a daemon thread of its own, until closed: the scheduled
 * refreshes (automations, the permission list, marketing lists). A run that fails, or that asks for it, runs again
 * after {@code retryAfterFailure} (or {@code every}, if that is sooner) rather than a whole interval later.
 */
public final class RepeatingTask implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RepeatingTask.class);

  /** When the task runs next. */
  public enum Next {
    ON_SCHEDULE,
    /** A part of the run failed: after {@code retryAfterFailure}. */
    SOONER,
    /** Never again (the task found it cannot work here and said why). */
    STOP
  }

  /** One run; it logs what it did. A run that throws counts as failed and runs again sooner. */
  @FunctionalInterface
  public interface Task {
    Next run();
  }

  private final String name;
  private final Duration every;
  private final Duration retryAfterFailure;
  private final Task task;
  private final ScheduledExecutorService scheduler;

  /** @param name what the task does, for the thread name and the failure log, e.g. {@code automation refresh} */
  public RepeatingTask(String name, Duration every, Duration retryAfterFailure, Task task) {
    if (every.isNegative() || every.isZero() || retryAfterFailure.isNegative() || retryAfterFailure.isZero()) {
      throw new IllegalArgumentException("the refresh interval and the wait after a failure must be above zero");
    }
    this.name = Objects.requireNonNull(name, "name");
    this.every = every;
    this.retryAfterFailure = retryAfterFailure;
    this.task = Objects.requireNonNull(task, "task");
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "spotler-" + name.replace(' ', '-'));
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Runs now, in the background, and then on the schedule until closed. */
  public void start() {
    schedule(Duration.ZERO);
  }

  /** The interval between runs that went well. */
  public Duration every() {
    return every;
  }

  private void runAndReschedule() {
    Next next;
    try {
      next = task.run();
    } catch (RuntimeException failure) {
      next = Next.SOONER;
      LOG.atWarn().addKeyValue("task", name).addKeyValue("error", failure.toString())
          .addKeyValue("next", sooner()).log("a scheduled run failed; will try again");
    }
    switch (next) {
      case ON_SCHEDULE -> schedule(every);
      case SOONER -> schedule(sooner());
      case STOP -> scheduler.shutdown();
    }
  }

  private Duration sooner() {
    return retryAfterFailure.compareTo(every) < 0 ? retryAfterFailure : every;
  }

  private void schedule(Duration delay) {
    try {
      scheduler.schedule(this::runAndReschedule, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // closing: no more runs
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
