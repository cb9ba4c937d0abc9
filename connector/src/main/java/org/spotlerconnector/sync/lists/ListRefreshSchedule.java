package org.spotlerconnector.sync.lists;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the marketing lists on a schedule: at start-up and then every {@code every} ({@code
 * sync.lists.refreshEvery}). The first run checks that both sides can sync lists; when one cannot, it says why once
 * and the schedule stops (Sync Marketing List jobs still answer, with the same reason). A refresh in which a list
 * failed, or that failed as a whole, runs again after {@code retryAfterFailure}.
 */
public final class ListRefreshSchedule implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ListRefreshSchedule.class);

  private final MarketingListSync lists;
  private final Duration every;
  private final Duration retryAfterFailure;
  private final ScheduledExecutorService scheduler;

  public ListRefreshSchedule(MarketingListSync lists, Duration every, Duration retryAfterFailure) {
    if (every.isNegative() || every.isZero() || retryAfterFailure.isNegative() || retryAfterFailure.isZero()) {
      throw new IllegalArgumentException("the refresh interval and the wait after a failure must be above zero");
    }
    this.lists = Objects.requireNonNull(lists, "lists");
    this.every = every;
    this.retryAfterFailure = retryAfterFailure;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "spotler-list-refresh");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Checks the editions and refreshes now, in the background, and then on the schedule until closed. */
  public void start() {
    schedule(this::firstRun, Duration.ZERO);
  }

  private void firstRun() {
    Optional<String> missing;
    try {
      missing = lists.unavailable();
    } catch (RuntimeException failure) {
      LOG.atWarn().addKeyValue("error", failure.toString()).addKeyValue("next", retryAfterFailure)
          .log("could not check whether marketing lists can be synced; will try again");
      schedule(this::firstRun, retryAfterFailure);
      return;
    }
    if (missing.isPresent()) {
      LOG.atWarn().addKeyValue("reason", missing.get()).log("marketing list sync is off");
      return;
    }
    refreshAndReschedule();
  }

  private void refreshAndReschedule() {
    Duration next = every;
    try {
      MarketingListSync.RefreshOutcome outcome = lists.refresh();
      if (outcome.failed() > 0) {
        next = sooner();
      }
      LOG.atInfo().addKeyValue("synced", outcome.synced()).addKeyValue("stopped", outcome.stopped())
          .addKeyValue("failed", outcome.failed()).addKeyValue("next", next).log("marketing lists refreshed");
    } catch (RuntimeException failure) {
      next = sooner();
      LOG.atWarn().addKeyValue("error", failure.toString()).addKeyValue("next", next)
          .log("the scheduled marketing list refresh failed; will try again");
    }
    schedule(this::refreshAndReschedule, next);
  }

  private Duration sooner() {
    return retryAfterFailure.compareTo(every) < 0 ? retryAfterFailure : every;
  }

  private void schedule(Runnable run, Duration delay) {
    try {
      scheduler.schedule(run, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // closing: no more refreshes
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
