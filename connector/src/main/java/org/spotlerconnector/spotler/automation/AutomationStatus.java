package org.spotlerconnector.spotler.automation;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Whether an automation is still being edited; only a {@code FINAL}, published one can be triggered (ADR 0003). */
public enum AutomationStatus {
  DRAFT,
  FINAL,
  /** A status newer than the assumed shapes. */
  @JsonEnumDefaultValue
  UNRECOGNIZED
}
