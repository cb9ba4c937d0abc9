package org.spotlerconnector.spotler.automation;

import java.util.Optional;

/**
 * What one automation did with a trigger.
 *
 * @param automationContactId the id of the run that started ({@code result} {@code OK}), which {@link
 *     MailPlusAutomation#stopRun} takes; {@code null} when no run started
 */
public record AutomationResult(String automationId, AutomationResultCode result, String automationContactId) {
  public AutomationResult {
    result = result == null ? AutomationResultCode.UNRECOGNIZED : result;
  }

  public boolean started() {
    return result == AutomationResultCode.OK;
  }

  public Optional<String> runId() {
    return Optional.ofNullable(automationContactId);
  }
}
