package org.spotlerconnector.jobs;

/**
 * The status reasons of a Spotler Job and the state each belongs to (docs/dataverse-tables.md). Queued and Completed
 * are the table's own values; the others are the connector's options, numbered from the option value prefix.
 */
public enum JobStatus {
  QUEUED(0, 1, false),
  IN_PROGRESS(0, 1, true),
  COMPLETED(1, 2, false),
  FAILED(1, 2, true),
  CANCELLED(1, 3, true);

  private final int state;
  private final int value;
  private final boolean connectorOption;

  JobStatus(int state, int value, boolean connectorOption) {
    this.state = state;
    this.value = value;
    this.connectorOption = connectorOption;
  }

  /** {@code statecode}: 0 Active, 1 Inactive. */
  public int state() {
    return state;
  }

  int value() {
    return value;
  }

  boolean isConnectorOption() {
    return connectorOption;
  }
}
