package org.spotlerconnector.sandbox.mailplus;

import java.util.Objects;
import java.util.UUID;

/**
 * An external trigger of an automation: its code (a UUID, the {@code triggerCode} of
 * {@code POST /automation/trigger/{triggerCode}}) and the label shown in Mail+ (ADR 0003).
 */
public record AutomationTrigger(String code, String label) {
  public AutomationTrigger {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(label, "label");
    Ids.requireUuid(code, "a trigger code");
  }

  /** A trigger with a new random code. */
  public static AutomationTrigger labelled(String label) {
    return new AutomationTrigger(UUID.randomUUID().toString(), label);
  }
}
