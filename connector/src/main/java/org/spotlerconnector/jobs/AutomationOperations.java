package org.spotlerconnector.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.jobs.fields.AutomationFieldsParser;
import org.spotlerconnector.jobs.fields.FieldDefinition;
import org.spotlerconnector.jobs.fields.FieldType;
import org.spotlerconnector.jobs.fields.FieldValue;
import org.spotlerconnector.jobs.fields.InvalidAutomationFieldsException;
import org.spotlerconnector.spotler.MailPlusNotFoundException;
import org.spotlerconnector.spotler.automation.Automation;
import org.spotlerconnector.spotler.automation.AutomationField;
import org.spotlerconnector.spotler.automation.AutomationFieldType;
import org.spotlerconnector.spotler.automation.AutomationResult;
import org.spotlerconnector.spotler.automation.AutomationResultCode;
import org.spotlerconnector.spotler.automation.MailPlusAutomation;
import org.spotlerconnector.spotler.automation.StopOutcome;
import org.spotlerconnector.spotler.automation.TriggerResult;
import org.spotlerconnector.spotler.automation.TriggerResultCode;

/** Start Automation and Stop Automation, for automations and legacy campaigns alike (manual, "Trigger Automations"). */
final class AutomationOperations {
  private static final Logger LOG = LoggerFactory.getLogger(AutomationOperations.class);
  private final DataverseClient dataverse;
  private final MailPlusAutomation spotler;
  private final JobSchema schema;
  private final RecordResolver records;
  private final ContactPusher pusher;
  private final TimelinePosts timeline;

  AutomationOperations(DataverseClient dataverse, MailPlusAutomation spotler, JobSchema schema, RecordResolver records,
      ContactPusher pusher, TimelinePosts timeline) {
    this.dataverse = dataverse;
    this.spotler = spotler;
    this.schema = schema;
    this.records = records;
    this.pusher = pusher;
    this.timeline = timeline;
  }

  /**
   * Starts the job's automation for its record. {@code beforeTrigger} runs right before the (non-idempotent) trigger
   * is sent and returns false when the trigger must not be sent, because another connector took the job over.
   */
  JobOutcome start(SpotlerJob job, JobRunner.TriggerGuard beforeTrigger) {
    JobRecord record = records.require(job);
    AutomationRow automation = automationOf(job);
    List<AutomationField> fields;
    if (automation.campaign()) {
      fields = fields(job, List.of());
    } else {
      Automation current = spotler.automations().stream()
          .filter(a -> a.id().equals(automation.spotlerId()))
          .findFirst()
          .orElseThrow(() -> new JobFailure(ResultCode.AUTOMATION_NOT_FOUND,
              "Spotler no longer has the automation '" + automation.name() + "'. Refresh Automations and pick it again."));
      if (!current.isTriggerable()) {
        throw new JobFailure(ResultCode.AUTOMATION_NOT_ACTIVE, "The automation '" + automation.name()
            + "' is not Final and published in Spotler. Make it Final, publish it and create the job again.");
      }
      // A field of a type newer than this version cannot be sent; naming it then fails as an unknown field.
      fields = fields(job, current.automationFields().stream()
          .filter(f -> f.type() != AutomationFieldType.UNRECOGNIZED)
          .map(f -> new FieldDefinition(f.name(), FieldType.valueOf(f.type().name())))
          .toList());
    }
    if (!beforeTrigger.mayTrigger()) {
      return null;
    }
    return automation.campaign()
        ? startCampaign(automation, record, fields)
        : startAutomation(automation, record, fields);
  }

  private JobOutcome startAutomation(AutomationRow automation, JobRecord record, List<AutomationField> fields) {
    TriggerResult result = spotler.trigger(automation.triggerCode(), record.id(), fields);
    if (result.result() == TriggerResultCode.CONTACT_NOTFOUND) {
      // Not in Spotler, so nothing started: it is safe to sync the contact and trigger once more.
      requirePushed(record);
      result = spotler.trigger(automation.triggerCode(), record.id(), fields);
    }
    if (result.isTriggered()) {
      String runIds = result.startedRuns().stream().map(AutomationResult::automationContactId)
          .filter(id -> id != null).collect(Collectors.joining(","));
      String posted = postStarted(record, "Spotler automation started: " + automation.name());
      return new JobOutcome(ResultCode.OK, "The automation '" + automation.name() + "' started." + posted,
          runIds.isEmpty() ? Optional.empty() : Optional.of(runIds));
    }
    return switch (result.result()) {
      case TRIGGER_NOTFOUND -> JobOutcome.of(ResultCode.AUTOMATION_NOT_FOUND, "Spotler does not know the trigger of '"
          + automation.name() + "'. Refresh Automations and pick it again.");
      case CONTACT_NOTFOUND -> JobOutcome.of(ResultCode.CONTACT_NOT_IN_SPOTLER,
          "Spotler still does not know this " + record.logicalName() + " after syncing it.");
      default -> notTriggered(automation, result);
    };
  }

  private static JobOutcome notTriggered(AutomationRow automation, TriggerResult result) {
    boolean inactive = result.automationResults().stream()
        .anyMatch(r -> r.result() == AutomationResultCode.AUTOMATION_INACTIVE);
    if (inactive) {
      return JobOutcome.of(ResultCode.AUTOMATION_NOT_ACTIVE, "The automation '" + automation.name()
          + "' is not Final and published in Spotler. Make it Final, publish it and create the job again.");
    }
    String reasons = result.automationResults().stream().map(r -> r.result().name()).distinct()
        .collect(Collectors.joining(", "));
    return JobOutcome.of(ResultCode.NOT_TRIGGERED, "Spotler started no automation for '" + automation.name() + "'"
        + (reasons.isEmpty() ? "." : " (" + reasons + "), e.g. because the contact took part as often as allowed."));
  }

  private JobOutcome startCampaign(AutomationRow campaign, JobRecord record, List<AutomationField> fields) {
    spotler.triggerCampaign(campaign.triggerCode(), record.id(), fields);
    String posted = postStarted(record, "Spotler campaign started: " + campaign.name());
    return JobOutcome.ok("The campaign '" + campaign.name() + "' started." + posted);
  }

  /**
   * The timeline post is a courtesy: once the trigger was sent the job must end with its result, so a post that
   * fails is mentioned in the message instead of failing (and perhaps retrying) the job.
   */
  private String postStarted(JobRecord record, String text) {
    try {
      timeline.post(record, text);
      return "";
    } catch (RuntimeException postFailed) {
      LOG.atWarn().addKeyValue("record", record.id()).addKeyValue("error", postFailed.toString())
          .log("timeline post failed after a started automation");
      return " The timeline post could not be written.";
    }
  }

  /** Stops by AutomationContactId(s) when the job has them, otherwise every run of the automation for the record. */
  JobOutcome stop(SpotlerJob job) {
    if (job.automationContactId().isPresent()) {
      return stopRuns(job.automationContactId().get());
    }
    JobRecord record = records.find(job).orElseThrow(() -> new JobFailure(ResultCode.INVALID_INPUT,
        "Stop Automation needs a Customer or Lead and an Automation, or one or more AutomationContactIds."));
    AutomationRow automation = automationOf(job);
    StopOutcome outcome;
    try {
      outcome = automation.campaign()
          ? spotler.stopCampaign(automation.spotlerId(), record.id())
          : spotler.stopAutomation(automation.spotlerId(), record.id());
    } catch (MailPlusNotFoundException notFound) {
      throw notFoundOnStop(notFound, automation.name());
    }
    return stopped(outcome, "'" + automation.name() + "'");
  }

  private JobOutcome stopRuns(String ids) {
    List<String> runIds = new ArrayList<>();
    for (String id : ids.split(",")) {
      if (!id.isBlank()) {
        runIds.add(id.strip());
      }
    }
    if (runIds.isEmpty()) {
      throw new JobFailure(ResultCode.INVALID_INPUT, "AutomationContactId: give one or more ids, separated by commas.");
    }
    boolean anyStopped = false;
    for (String runId : runIds) {
      try {
        anyStopped |= spotler.stopRun(runId) == StopOutcome.STOPPED;
      } catch (MailPlusNotFoundException notFound) {
        throw new JobFailure(ResultCode.AUTOMATION_NOT_FOUND,
            "AutomationContactId: Spotler has no automation run " + runId + ".");
      }
    }
    return stopped(anyStopped ? StopOutcome.STOPPED : StopOutcome.NOT_RUNNING, "run(s) " + String.join(", ", runIds));
  }

  private static JobOutcome stopped(StopOutcome outcome, String what) {
    return outcome == StopOutcome.STOPPED
        ? JobOutcome.ok("Stopped " + what + ".")
        : JobOutcome.of(ResultCode.NOT_RUNNING, "Nothing of " + what + " was running; nothing to stop.");
  }

  private static JobFailure notFoundOnStop(MailPlusNotFoundException notFound, String name) {
    if (notFound.errorType().filter(t -> t.startsWith("CONTACT_NOT")).isPresent()) {
      return new JobFailure(ResultCode.CONTACT_NOT_IN_SPOTLER, "Spotler does not know this contact, so nothing runs.");
    }
    return new JobFailure(ResultCode.AUTOMATION_NOT_FOUND,
        "Spotler no longer has '" + name + "'. Refresh Automations and pick it again.");
  }

  private AutomationRow automationOf(SpotlerJob job) {
    String id = job.automationId().orElseThrow(() -> new JobFailure(ResultCode.INVALID_INPUT,
        "Automation: select the automation or campaign."));
    return dataverse.retrieve(schema.automationEntitySet(), RecordKey.id(id), AutomationRow.columns(schema))
        .map(row -> AutomationRow.fromRow(row, schema))
        .orElseThrow(() -> new JobFailure(ResultCode.RECORD_NOT_FOUND,
            "The Spotler Automation " + id + " no longer exists in Dynamics 365. Refresh Automations."));
  }

  private List<AutomationField> fields(SpotlerJob job, List<FieldDefinition> definitions) {
    List<FieldValue> values;
    try {
      values = AutomationFieldsParser.parse(job.automationFields().orElse(""), definitions);
    } catch (InvalidAutomationFieldsException invalid) {
      throw new JobFailure(ResultCode.INVALID_AUTOMATION_FIELDS, "Automation Fields: " + invalid.getMessage());
    }
    List<AutomationField> fields = new ArrayList<>(values.size());
    for (FieldValue value : values) {
      fields.add(switch (value.type()) {
        case STRING -> AutomationField.text(value.name(), value.value());
        case URL -> AutomationField.url(value.name(), value.value());
        case PRODUCTLIST -> AutomationField.productList(value.name(), value.values());
      });
    }
    return fields;
  }

  private void requirePushed(JobRecord record) {
    if (!pusher.push(record)) {
      throw new JobFailure(ResultCode.CONTACT_NOT_IN_SPOTLER,
          "This " + record.logicalName() + " could not be synced to Spotler; check its e-mail address and sync status.");
    }
  }
}
