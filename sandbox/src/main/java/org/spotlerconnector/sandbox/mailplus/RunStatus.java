package org.spotlerconnector.sandbox.mailplus;

/** Where an automation run or a campaign participation stands. */
public enum RunStatus {
  RUNNING,
  FINISHED,
  STOPPED
}
