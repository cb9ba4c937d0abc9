package org.spotlerconnector.spotler.automation;

import java.util.List;

/**
 * What Mail+ did with an automation trigger ({@code ExternalTriggerValidationResult}). Not triggering is a result, not
 * an exception: {@code 404} ({@code TRIGGER_NOTFOUND}, {@code CONTACT_NOTFOUND}) and {@code 417} ({@code
 * NOT_TRIGGERED}) arrive here, so that the caller can record why (spotler-api.md §3.1).
 *
 * @param status the HTTP status that carried it: 200, 404 or 417
 * @param automationResults one per automation the trigger code belongs to
 */
public record TriggerResult(int status, TriggerResultCode result, List<AutomationResult> automationResults) {
  public TriggerResult {
    result = result == null ? TriggerResultCode.UNRECOGNIZED : result;
    automationResults = automationResults == null ? List.of() : List.copyOf(automationResults);
  }

  /** At least one automation started. */
  public boolean isTriggered() {
    return result == TriggerResultCode.OK;
  }

  /** The automations that started, each with its run id. */
  public List<AutomationResult> startedRuns() {
    return automationResults.stream().filter(AutomationResult::started).toList();
  }
}
