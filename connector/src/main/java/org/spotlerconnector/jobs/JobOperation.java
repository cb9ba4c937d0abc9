package org.spotlerconnector.jobs;

import java.util.Arrays;
import java.util.Optional;

/** The operations a Spotler Job asks for; each is stored as {@code <option prefix>0000 + number}. */
public enum JobOperation {
  SYNC_CONTACT(1, "Sync Contact"),
  REFRESH_AUTOMATIONS(2, "Refresh Automations"),
  START_AUTOMATION(3, "Start Automation"),
  STOP_AUTOMATION(4, "Stop Automation"),
  ADD_TAG(5, "Add Tag"),
  REMOVE_TAG(6, "Remove Tag"),
  SET_SCORE(7, "Set Score"),
  INCREASE_SCORE(8, "Increase Score"),
  DECREASE_SCORE(9, "Decrease Score"),
  SYNC_MARKETING_LIST(10, "Sync Marketing List"),
  ADD_TO_LIST(11, "Add to List"),
  REMOVE_FROM_LIST(12, "Remove from List");

  private final int number;
  private final String label;

  JobOperation(int number, String label) {
    this.number = number;
    this.label = label;
  }

  public int number() {
    return number;
  }

  /** The label a CRM user sees. */
  public String label() {
    return label;
  }

  static Optional<JobOperation> of(JobSchema schema, int optionValue) {
    return Arrays.stream(values()).filter(op -> schema.operationValue(op) == optionValue).findFirst();
  }
}
