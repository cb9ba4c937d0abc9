package org.spotlerconnector.jobs;

import java.util.Objects;
import java.util.Optional;
import org.spotlerconnector.dataverse.AccessDeniedException;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.http.TransientHttpException;
import org.spotlerconnector.spotler.MailPlusException;
import org.spotlerconnector.spotler.MailPlusNotFoundException;
import org.spotlerconnector.spotler.MailPlusOutcomeUnknownException;
import org.spotlerconnector.spotler.MailPlusUnauthorizedException;
import org.spotlerconnector.spotler.audience.AudiencesNotAvailableException;
import org.spotlerconnector.spotler.audience.SpotlerAudiences;
import org.spotlerconnector.spotler.automation.MailPlusAutomation;
import org.spotlerconnector.sync.lists.InvalidListQueryException;
import org.spotlerconnector.sync.lists.MarketingListNotFoundException;
import org.spotlerconnector.sync.lists.MarketingListSync;
import org.spotlerconnector.sync.lists.MarketingListsUnavailableException;

/**
 * Runs one claimed job and says how it ended, mapping what went wrong to the closed list of result codes. Transient
 * failures ({@link TransientHttpException}: Spotler or Dataverse unavailable, their retries spent) are thrown on, for
 * the caller to retry the job later; everything else ends the job.
 */
public final class JobRunner {
  private final AutomationOperations automations;
  private final AutomationCatalog catalog;
  private final TagOperations tags;
  private final RecordResolver records;
  private final ContactPusher pusher;
  private final Optional<AudienceOperations> audiences;
  private final Optional<MarketingListOperations> marketingLists;

  /** Without the list operations: Sync Marketing List, Add to List and Remove from List end UNSUPPORTED_OPERATION. */
  public JobRunner(DataverseClient dataverse, MailPlusAutomation spotler, JobSchema schema, ContactPusher pusher) {
    this(dataverse, spotler, Optional.empty(), Optional.empty(), schema, pusher);
  }

  /**
   * With the list operations: Add to List and Remove from List in {@code audiences}, Sync Marketing List by {@code
   * lists}.
   */
  public JobRunner(DataverseClient dataverse, MailPlusAutomation spotler, SpotlerAudiences audiences,
      MarketingListSync lists, JobSchema schema, ContactPusher pusher) {
    this(dataverse, spotler, Optional.of(audiences), Optional.of(lists), schema, pusher);
  }

  private JobRunner(DataverseClient dataverse, MailPlusAutomation spotler, Optional<SpotlerAudiences> audiences,
      Optional<MarketingListSync> lists, JobSchema schema, ContactPusher pusher) {
    Objects.requireNonNull(dataverse, "dataverse cannot be null");
    Objects.requireNonNull(spotler, "spotler cannot be null");
    this.pusher = Objects.requireNonNull(pusher, "pusher cannot be null");
    this.records = new RecordResolver(dataverse);
    this.automations = new AutomationOperations(
        dataverse, spotler, schema, records, pusher, new TimelinePosts(dataverse));
    this.catalog = new AutomationCatalog(dataverse, spotler, schema);
    this.tags = new TagOperations(spotler, records, pusher);
    ListJobInputs inputs = new ListJobInputs(dataverse, schema);
    this.audiences = audiences.map(client -> new AudienceOperations(client, records, pusher, inputs));
    this.marketingLists = lists.map(sync -> new MarketingListOperations(sync, inputs));
  }

  /**
   * Runs the job. {@code beforeTrigger} is asked right before a trigger is sent; when it says no (the job was taken
   * over), nothing is sent and the result is empty.
   *
   * @throws TransientHttpException when a service stayed unavailable; the job may be retried later
   */
  public Optional<JobOutcome> run(SpotlerJob job, TriggerGuard beforeTrigger) {
    try {
      return Optional.ofNullable(dispatch(job, beforeTrigger));
    } catch (JobFailure failure) {
      return Optional.of(failure.outcome());
    } catch (TransientHttpException transientFailure) {
      throw transientFailure;
    } catch (MailPlusOutcomeUnknownException unknown) {
      return Optional.of(JobOutcome.of(ResultCode.OUTCOME_UNKNOWN, "The request was sent to Spotler but its answer was"
          + " lost, so it was not repeated. Check the contact in Spotler before creating the job again."));
    } catch (AudiencesNotAvailableException | MarketingListsUnavailableException notAvailable) {
      return Optional.of(JobOutcome.of(ResultCode.NOT_AVAILABLE, notAvailable.getMessage()));
    } catch (MarketingListNotFoundException gone) {
      return Optional.of(JobOutcome.of(ResultCode.RECORD_NOT_FOUND, gone.getMessage()));
    } catch (InvalidListQueryException badQuery) {
      return Optional.of(JobOutcome.of(ResultCode.INVALID_INPUT, "The marketing list's query cannot be used: "
          + badQuery.getMessage()));
    } catch (MailPlusUnauthorizedException | AccessDeniedException refused) {
      return Optional.of(JobOutcome.of(ResultCode.NOT_AUTHORIZED, "The connector's credentials were refused or the"
          + " licence does not include this feature: " + refused.getMessage()));
    } catch (MailPlusNotFoundException notFound) {
      return Optional.of(TagOperations.isContactNotFound(notFound)
          ? JobOutcome.of(ResultCode.CONTACT_NOT_IN_SPOTLER, "Spotler does not know this contact.")
          : JobOutcome.of(ResultCode.SPOTLER_REJECTED, "Spotler: " + notFound.serverMessage()));
    } catch (MailPlusException rejected) {
      return Optional.of(JobOutcome.of(ResultCode.SPOTLER_REJECTED, "Spotler refused the request: "
          + rejected.serverMessage()));
    }
  }

  private JobOutcome dispatch(SpotlerJob job, TriggerGuard beforeTrigger) {
    JobOperation operation = job.operation().orElseThrow(() -> new JobFailure(ResultCode.UNSUPPORTED_OPERATION,
        "This operation is not available in this version of the connector."));
    return switch (operation) {
      case SYNC_CONTACT -> syncContact(job);
      case REFRESH_AUTOMATIONS -> catalog.refresh();
      case START_AUTOMATION -> automations.start(job, beforeTrigger);
      case STOP_AUTOMATION -> automations.stop(job);
      case ADD_TAG -> tags.add(job);
      case REMOVE_TAG -> tags.remove(job);
      case SET_SCORE -> tags.setScore(job);
      case INCREASE_SCORE -> tags.changeScore(job, 1);
      case DECREASE_SCORE -> tags.changeScore(job, -1);
      case SYNC_MARKETING_LIST -> marketingLists.orElseThrow(() -> notSetUp(operation)).sync(job);
      case ADD_TO_LIST -> audiences.orElseThrow(() -> notSetUp(operation)).add(job);
      case REMOVE_FROM_LIST -> audiences.orElseThrow(() -> notSetUp(operation)).remove(job);
    };
  }

  private static JobFailure notSetUp(JobOperation operation) {
    return new JobFailure(ResultCode.UNSUPPORTED_OPERATION, operation.label() + " is not set up on this connector.");
  }

  private JobOutcome syncContact(SpotlerJob job) {
    JobRecord record = records.require(job);
    return pusher.push(record)
        ? JobOutcome.ok("The " + record.logicalName() + " is synced to Spotler.")
        : JobOutcome.of(ResultCode.CONTACT_NOT_IN_SPOTLER, "This " + record.logicalName()
            + " could not be synced to Spotler; check its e-mail address and sync status.");
  }

  /** Asked right before a (non-idempotent) trigger is sent. */
  @FunctionalInterface
  public interface TriggerGuard {
    /** False when the trigger must not be sent. */
    boolean mayTrigger();
  }
}
