package org.spotlerconnector.sync.lists;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.schedule.RepeatingTask;

/**
 * Refreshes the marketing lists on a schedule: at start-up and then every {@code every} ({@code
 * sync.lists.refreshEvery}). The first run checks that both sides can sync lists; when one cannot, it says why once
 * and the schedule stops (Sync Marketing List jobs still answer, with the same reason). A refresh in which a list
 * failed, or that failed as a whole, runs again after {@code retryAfterFailure}.
 */
public final class ListRefreshSchedule implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ListRefreshSchedule.class);

  private final MarketingListSync lists;
  private final RepeatingTask task;
  private boolean available;

  public ListRefreshSchedule(MarketingListSync lists, Duration every, Duration retryAfterFailure) {
    this.lists = Objects.requireNonNull(lists, "lists");
    this.task = new RepeatingTask("list refresh", every, retryAfterFailure, this::run);
  }

  /** Checks the editions and refreshes now, in the background, and then on the schedule until closed. */
  public void start() {
    task.start();
  }

  /** Runs on the task's one thread only. */
  private RepeatingTask.Next run() {
    if (!available) {
      Optional<String> missing = lists.unavailable();
      if (missing.isPresent()) {
        LOG.atWarn().addKeyValue("reason", missing.get()).log("marketing list sync is off");
        return RepeatingTask.Next.STOP;
      }
      available = true;
    }
    MarketingListSync.RefreshOutcome outcome = lists.refresh();
    RepeatingTask.Next next = outcome.failed() > 0 ? RepeatingTask.Next.SOONER : RepeatingTask.Next.ON_SCHEDULE;
    LOG.atInfo().addKeyValue("synced", outcome.synced()).addKeyValue("stopped", outcome.stopped())
        .addKeyValue("failed", outcome.failed()).addKeyValue("next", next).log("marketing lists refreshed");
    return next;
  }

  @Override
  public void close() {
    task.close();
  }
}
