package org.spotlerconnector.jobs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.NotFoundException;
import org.spotlerconnector.dataverse.ODataQuery;
import org.spotlerconnector.dataverse.PreconditionFailedException;
import org.spotlerconnector.dataverse.RecordKey;

/**
 * The Spotler Job table in Dataverse: finding due jobs, claiming them with {@code If-Match} so that two connectors
 * never run the same one, and writing back how they ended.
 *
 * <p>A job is due when it is Queued, when it is In Progress with a {@code nextattempton} that has passed (a transient
 * failure waiting for its retry), or when it is In Progress without one and was started longer than the lease ago (the
 * connector that claimed it stopped). Every claim is a conditional PATCH, so a due job is run by one connector only.
 *
 * <p>Right before a trigger is sent, {@link #markTriggerSending} writes {@link #TRIGGER_SENDING} as the result message
 * (with {@code If-Match}). A reclaimed job that still carries it crashed between sending a trigger and recording its
 * answer; it is failed as {@code OUTCOME_UNKNOWN} instead of triggering twice (design.md §5). Writing the marker
 * before the trigger, not after, is what makes a crash at any point end safely: at worst a trigger that was never
 * sent is reported as unknown, never a sent one repeated.
 */
public final class JobTable {
  /** The result message of a job whose trigger is being sent; see the class comment. */
  public static final String TRIGGER_SENDING = "Sending the trigger to Spotler; if this stays, check Spotler before creating the job again.";

  private final DataverseClient dataverse;
  private final JobSchema schema;

  public JobTable(DataverseClient dataverse, JobSchema schema) {
    this.dataverse = Objects.requireNonNull(dataverse, "dataverse cannot be null");
    this.schema = Objects.requireNonNull(schema, "schema cannot be null");
  }

  public JobSchema schema() {
    return schema;
  }

  /** At most {@code max} due jobs, oldest first. */
  public List<SpotlerJob> due(Instant now, Duration lease, int max) {
    String inProgress = String.valueOf(schema.statusValue(JobStatus.IN_PROGRESS));
    String nextAttempt = schema.column("nextattempton");
    String filter = "statuscode eq " + schema.statusValue(JobStatus.QUEUED)
        + " or (statuscode eq " + inProgress + " and " + nextAttempt + " le " + odata(now) + ")"
        + " or (statuscode eq " + inProgress + " and " + nextAttempt + " eq null and "
        + schema.column("startedon") + " lt " + odata(now.minus(lease)) + ")";
    ODataQuery query = ODataQuery.of(schema.jobEntitySet())
        .select(SpotlerJob.columns(schema))
        .filter(filter)
        .orderBy("createdon asc")
        .top(max);
    List<SpotlerJob> jobs = new ArrayList<>();
    var pages = dataverse.query(query, max);
    if (pages.hasNext()) {
      pages.next().items().forEach(row -> jobs.add(SpotlerJob.fromRow(row, schema)));
    }
    return jobs;
  }

  /** The job as it is now, or empty when it was deleted. */
  public Optional<SpotlerJob> read(String jobId) {
    return dataverse.retrieve(schema.jobEntitySet(), RecordKey.id(jobId), SpotlerJob.columns(schema))
        .map(row -> SpotlerJob.fromRow(row, schema));
  }

  /**
   * Claims a due job: In Progress, one more attempt, started now, no next attempt. Returns the claimed job as stored
   * (with its new ETag, in the PATCH's own answer), or empty when another connector changed it first (412) or it was
   * deleted.
   */
  public Optional<SpotlerJob> claim(SpotlerJob job, Instant now) {
    ObjectNode changes = status(JobStatus.IN_PROGRESS)
        .put(schema.column("attempts"), job.attempts() + 1)
        .put(schema.column("startedon"), odata(now))
        .putNull(schema.column("nextattempton"));
    if (job.name().isBlank()) {
      job.operation().ifPresent(op -> changes.put(schema.column("name"), op.label()));
    }
    try {
      ObjectNode claimed = dataverse.updateIfMatchReturning(
          schema.jobEntitySet(), RecordKey.id(job.id()), job.etag(), changes, SpotlerJob.columns(schema));
      return Optional.of(SpotlerJob.fromRow(claimed, schema));
    } catch (PreconditionFailedException takenByAnother) {
      return Optional.empty();
    } catch (NotFoundException deleted) {
      return Optional.empty();
    }
  }

  /**
   * Records that a trigger is about to be sent. Returns false when the job changed since it was claimed (another
   * connector took it over): the trigger must then not be sent.
   */
  public boolean markTriggerSending(SpotlerJob claimed) {
    return updateIfMatch(claimed, JsonNodeFactory.instance.objectNode()
        .put(schema.column("resultmessage"), TRIGGER_SENDING));
  }

  /** Ends a job with its outcome: Completed, Failed or Cancelled per the result code. */
  public void finish(SpotlerJob job, JobOutcome outcome, Instant now) {
    ObjectNode changes = status(outcome.code().status())
        .put(schema.column("resultcode"), outcome.code().name())
        .put(schema.column("resultmessage"), truncate(outcome.message(), 4000))
        .put(schema.column("completedon"), odata(now))
        .putNull(schema.column("nextattempton"));
    outcome.automationContactId().ifPresent(id -> changes.put(schema.column("automationcontactid"), id));
    dataverse.update(schema.jobEntitySet(), RecordKey.id(job.id()), changes);
  }

  /** Keeps a job In Progress until {@code nextAttempt}, with the reason it is waiting. */
  public void retryLater(SpotlerJob job, String reason, Instant nextAttempt) {
    ObjectNode changes = JsonNodeFactory.instance.objectNode()
        .put(schema.column("resultmessage"), truncate(reason, 4000))
        .put(schema.column("nextattempton"), odata(nextAttempt));
    dataverse.update(schema.jobEntitySet(), RecordKey.id(job.id()), changes);
  }

  private boolean updateIfMatch(SpotlerJob job, ObjectNode changes) {
    try {
      dataverse.updateIfMatch(schema.jobEntitySet(), RecordKey.id(job.id()), job.etag(), changes);
      return true;
    } catch (PreconditionFailedException takenByAnother) {
      return false;
    }
  }

  private ObjectNode status(JobStatus status) {
    return JsonNodeFactory.instance.objectNode()
        .put("statecode", status.state())
        .put("statuscode", schema.statusValue(status));
  }

  /** Dataverse keeps date-times to the second. */
  static String odata(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
