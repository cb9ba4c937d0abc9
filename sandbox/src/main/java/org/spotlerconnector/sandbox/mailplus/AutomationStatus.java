package org.spotlerconnector.sandbox.mailplus;

/** An automation's status in the list (ADR 0003); only a final, published automation can be triggered. */
public enum AutomationStatus {
  DRAFT,
  FINAL
}
