package org.spotlerconnector.sandbox.mailplus;

import java.time.Instant;
import java.util.List;

/**
 * One call of a trigger operation (automation or campaign), recorded whatever its outcome, so that a test can count
 * calls and detect duplicates. {@code sequence} numbers the calls of one kind from 1; {@code externalContactId} is
 * null when the body did not carry one; {@code result} is the answer's {@code result} (automations) or
 * {@code errorType} ("OK" on success); {@code runIds} are the automationContactIds it started.
 */
public record TriggerCall(
    long sequence,
    Instant at,
    String triggerId,
    String externalContactId,
    int status,
    String result,
    List<String> runIds) {

  public TriggerCall {
    runIds = List.copyOf(runIds);
  }
}
