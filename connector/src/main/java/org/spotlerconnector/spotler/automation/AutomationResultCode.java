package org.spotlerconnector.spotler.automation;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What one automation did with a trigger ({@code AutomationTriggerValidationResponse}, spotler-api.md §3.1). */
public enum AutomationResultCode {
  OK,
  /** The automation is not final and published. */
  AUTOMATION_INACTIVE,
  /** The contact took part as often as the automation allows. */
  PARTICIPATION_LIMIT_REACHED,
  /** A code newer than the spec. */
  @JsonEnumDefaultValue
  UNRECOGNIZED
}
