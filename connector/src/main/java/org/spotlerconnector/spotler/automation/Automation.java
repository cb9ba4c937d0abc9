package org.spotlerconnector.spotler.automation;

import java.util.List;
import java.util.Optional;

/**
 * An automation from {@code GET /automation/list} (ADR 0003), with its external triggers and the automation fields its
 * messages use.
 */
public record Automation(
    String id,
    String name,
    AutomationStatus status,
    boolean published,
    List<AutomationTrigger> triggers,
    List<AutomationFieldDefinition> automationFields) {
  public Automation {
    status = status == null ? AutomationStatus.UNRECOGNIZED : status;
    triggers = triggers == null ? List.of() : List.copyOf(triggers);
    automationFields = automationFields == null ? List.of() : List.copyOf(automationFields);
  }

  /** Only a final, published automation starts when triggered (spotler-api.md §3.1). */
  public boolean isTriggerable() {
    return status == AutomationStatus.FINAL && published;
  }

  /** The field of that exact name; names are case-sensitive. */
  public Optional<AutomationFieldDefinition> field(String fieldName) {
    return automationFields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }
}
