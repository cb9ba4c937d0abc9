package org.spotlerconnector.sandbox.mailplus;

import java.time.Instant;
import java.util.List;

/**
 * One run of an automation for one contact, started by a trigger call. {@code automationContactId} is the per-run id
 * the trigger answers (ADR 0003); {@code fields} are the fields the call sent that this automation has; {@code ended}
 * is null while it runs.
 */
public record AutomationRun(
    String automationContactId,
    String automationId,
    String externalContactId,
    String triggerCode,
    Instant started,
    RunStatus status,
    Instant ended,
    List<TriggerField> fields) {

  public AutomationRun {
    fields = List.copyOf(fields);
  }

  public boolean running() {
    return status == RunStatus.RUNNING;
  }

  AutomationRun ended(RunStatus endStatus, Instant at) {
    return new AutomationRun(
        automationContactId, automationId, externalContactId, triggerCode, started, endStatus, at, fields);
  }
}
