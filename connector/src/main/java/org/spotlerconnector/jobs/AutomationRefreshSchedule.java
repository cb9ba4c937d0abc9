package org.spotlerconnector.jobs;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.spotler.automation.MailPlusAutomation;

/**
 * Refreshes the automation table on a schedule, as a Refresh Automations job would: once at start-up and then every
 * {@code every}, so that the choice of automations in Dynamics 365 follows Spotler without anyone asking. A refresh
 * that fails is tried again after {@code retryAfterFailure} rather than a whole interval later. Several connectors may
 * each run one: a refresh upserts by trigger code, so running it twice changes nothing.
 */
public final class AutomationRefreshSchedule implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AutomationRefreshSchedule.class);

  private final AutomationCatalog catalog;
  private final Duration every;
  private final Duration retryAfterFailure;
  private final ScheduledExecutorService scheduler;

  public AutomationRefreshSchedule(
      DataverseClient dataverse, MailPlusAutomation spotler, JobSchema schema, Duration every,
      Duration retryAfterFailure) {
    if (every.isNegative() || every.isZero() || retryAfterFailure.isNegative() || retryAfterFailure.isZero()) {
      throw new IllegalArgumentException("the refresh interval and the wait after a failure must be above zero");
    }
    this.catalog = new AutomationCatalog(
        Objects.requireNonNull(dataverse, "dataverse"), Objects.requireNonNull(spotler, "spotler"),
        Objects.requireNonNull(schema, "schema"));
    this.every = every;
    this.retryAfterFailure = retryAfterFailure;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "spotler-automation-refresh");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Refreshes now, in the background, and then on the schedule until closed. */
  public void start() {
    schedule(Duration.ZERO);
  }

  private void refreshAndReschedule() {
    Duration next = every;
    try {
      JobOutcome outcome = catalog.refresh();
      LOG.atInfo().addKeyValue("result", outcome.message()).addKeyValue("next", every)
          .log("automations refreshed on schedule");
    } catch (RuntimeException failure) {
      next = retryAfterFailure.compareTo(every) < 0 ? retryAfterFailure : every;
      LOG.atWarn().addKeyValue("error", failure.toString()).addKeyValue("next", next)
          .log("the scheduled automation refresh failed; will try again");
    }
    schedule(next);
  }

  private void schedule(Duration delay) {
    try {
      scheduler.schedule(this::refreshAndReschedule, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // closing: no more refreshes
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
