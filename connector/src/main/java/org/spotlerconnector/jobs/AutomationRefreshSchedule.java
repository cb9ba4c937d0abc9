package org.spotlerconnector.jobs;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.schedule.RepeatingTask;
import org.spotlerconnector.spotler.automation.MailPlusAutomation;

/**
 * Refreshes the automation table on a schedule, as a Refresh Automations job would: once at start-up and then every
 * {@code every}, so that the choice of automations in Dynamics 365 follows Spotler without anyone asking. A refresh
 * that fails is tried again after {@code retryAfterFailure} rather than a whole interval later. Several connectors may
 * each run one: a refresh upserts by trigger code, so running it twice changes nothing.
 */
public final class AutomationRefreshSchedule implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AutomationRefreshSchedule.class);

  private final RepeatingTask task;

  public AutomationRefreshSchedule(
      DataverseClient dataverse, MailPlusAutomation spotler, JobSchema schema, Duration every,
      Duration retryAfterFailure) {
    AutomationCatalog catalog = new AutomationCatalog(
        Objects.requireNonNull(dataverse, "dataverse"), Objects.requireNonNull(spotler, "spotler"),
        Objects.requireNonNull(schema, "schema"));
    this.task = new RepeatingTask("automation refresh", every, retryAfterFailure, () -> {
      JobOutcome outcome = catalog.refresh();
      LOG.atInfo().addKeyValue("result", outcome.message()).addKeyValue("next", every)
          .log("automations refreshed on schedule");
      return RepeatingTask.Next.ON_SCHEDULE;
    });
  }

  /** Refreshes now, in the background, and then on the schedule until closed. */
  public void start() {
    task.start();
  }

  @Override
  public void close() {
    task.close();
  }
}
