package org.spotlerconnector.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.http.TransientHttpException;
import org.spotlerconnector.spotler.MailPlusUnavailableException;

/**
 * One due job from claim to end: claims it, runs it, and writes back its outcome or, after a transient failure, the
 * time of its next attempt. See {@link JobTable} for how a crash between a trigger and its answer is caught.
 */
public final class JobProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(JobProcessor.class);

  /** What became of a due job. */
  public enum Result {
    /** Another connector claimed or took it over first. */
    SKIPPED,
    FINISHED,
    RETRY_SCHEDULED
  }

  private final JobTable table;
  private final JobRunner runner;
  private final JobWorkerSettings settings;
  private final Clock clock;

  public JobProcessor(JobTable table, JobRunner runner, JobWorkerSettings settings, Clock clock) {
    this.table = table;
    this.runner = runner;
    this.settings = settings;
    this.clock = clock;
  }

  public Result process(SpotlerJob due) {
    Optional<SpotlerJob> claim = table.claim(due, clock.instant());
    if (claim.isEmpty()) {
      return Result.SKIPPED;
    }
    SpotlerJob job = claim.get();
    if (JobTable.TRIGGER_SENDING.equals(job.resultMessage().orElse(null))) {
      return finish(job, JobOutcome.of(ResultCode.OUTCOME_UNKNOWN, "The connector stopped while sending the trigger"
          + " to Spotler, so it is not known whether the automation started. It was not repeated: check the contact in"
          + " Spotler before creating the job again."));
    }
    AtomicBoolean triggerSending = new AtomicBoolean();
    try {
      Optional<JobOutcome> outcome = runner.run(job, () -> {
        boolean mayTrigger = table.markTriggerSending(job);
        triggerSending.set(mayTrigger);
        return mayTrigger;
      });
      return outcome.map(o -> finish(job, o)).orElse(Result.SKIPPED);
    } catch (MailPlusUnavailableException refused) {
      // Mail+ refused the call outright (its client repeats only what was certainly not acted on), so a new attempt
      // cannot repeat a trigger; the retry message also clears the trigger marker.
      return retryOrFail(job, refused);
    } catch (RuntimeException failure) {
      if (triggerSending.get()) {
        return finish(job, JobOutcome.of(ResultCode.OUTCOME_UNKNOWN, "The trigger was sent to Spotler but its"
            + " result could not be recorded (" + failure.getMessage() + "). Check the contact in Spotler before"
            + " creating the job again."));
      }
      if (!(failure instanceof TransientHttpException)) {
        LOG.atError().addKeyValue("job", job.id()).setCause(failure).log("job failed unexpectedly; retrying later");
      }
      return retryOrFail(job, failure);
    }
  }

  private Result retryOrFail(SpotlerJob job, RuntimeException failure) {
    String reason = "Attempt " + job.attempts() + " failed: " + failure.getMessage();
    if (job.attempts() >= settings.maxAttempts()) {
      return finish(job, JobOutcome.of(ResultCode.TRANSIENT_FAILURE, reason + " No attempts left; create the job"
          + " again once Spotler and Dynamics 365 are reachable."));
    }
    Duration wait = settings.backoff(job.attempts());
    if (failure instanceof TransientHttpException transientFailure && transientFailure.retryAfter().isPresent()
        && transientFailure.retryAfter().get().compareTo(wait) > 0) {
      wait = transientFailure.retryAfter().get();
    }
    Instant next = clock.instant().plus(wait);
    table.retryLater(job, reason + " Next attempt at " + JobTable.odata(next) + ".", next);
    LOG.atInfo().addKeyValue("job", job.id()).addKeyValue("attempts", job.attempts())
        .addKeyValue("nextAttempt", next).log("job will be retried");
    return Result.RETRY_SCHEDULED;
  }

  private Result finish(SpotlerJob job, JobOutcome outcome) {
    table.finish(job, outcome, clock.instant());
    LOG.atInfo().addKeyValue("job", job.id()).addKeyValue("operation", job.operation().map(Enum::name).orElse("?"))
        .addKeyValue("resultCode", outcome.code()).addKeyValue("attempts", job.attempts()).log("job finished");
    return Result.FINISHED;
  }
}
