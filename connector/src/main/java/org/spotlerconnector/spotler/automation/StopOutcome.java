package org.spotlerconnector.spotler.automation;

/**
 * What a stop call found. Both mean that nothing runs any more, which makes a stop safe to repeat: a repeat after a lost
 * answer finds {@link #NOT_RUNNING}.
 */
public enum StopOutcome {
  STOPPED,
  /** Nothing was running: the run had finished or was stopped already ({@code 400 INVALID_STATE}). */
  NOT_RUNNING
}
