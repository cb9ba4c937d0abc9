package org.spotlerconnector.jobs;

import java.util.Objects;
import java.util.Optional;

/**
 * How a job ended: a result code from the closed list, a message a marketer can act on, and the AutomationContactId(s)
 * a Start Automation produced.
 */
public record JobOutcome(ResultCode code, String message, Optional<String> automationContactId) {
  public JobOutcome {
    Objects.requireNonNull(code, "code cannot be null");
    Objects.requireNonNull(message, "message cannot be null");
    automationContactId = automationContactId == null ? Optional.empty() : automationContactId;
  }

  public static JobOutcome of(ResultCode code, String message) {
    return new JobOutcome(code, message, Optional.empty());
  }

  public static JobOutcome ok(String message) {
    return of(ResultCode.OK, message);
  }

  public boolean succeeded() {
    return code.status() == JobStatus.COMPLETED;
  }
}
