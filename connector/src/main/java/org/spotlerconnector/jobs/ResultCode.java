package org.spotlerconnector.jobs;

/**
 * The closed list of result codes a job ends with (docs/dataverse-tables.md), each with the status it leaves the job
 * in. Code names are written to {@code <p>_resultcode} as they are here.
 */
public enum ResultCode {
  OK(JobStatus.COMPLETED),
  INVALID_INPUT(JobStatus.FAILED),
  INVALID_AUTOMATION_FIELDS(JobStatus.FAILED),
  RECORD_NOT_FOUND(JobStatus.FAILED),
  CONTACT_NOT_IN_SPOTLER(JobStatus.FAILED),
  AUTOMATION_NOT_FOUND(JobStatus.FAILED),
  AUTOMATION_NOT_ACTIVE(JobStatus.FAILED),
  NOT_TRIGGERED(JobStatus.FAILED),
  NOT_RUNNING(JobStatus.COMPLETED),
  OUTCOME_UNKNOWN(JobStatus.FAILED),
  SPOTLER_REJECTED(JobStatus.FAILED),
  NOT_AUTHORIZED(JobStatus.FAILED),
  TRANSIENT_FAILURE(JobStatus.FAILED),
  UNSUPPORTED_OPERATION(JobStatus.FAILED),
  NOT_AVAILABLE(JobStatus.FAILED),
  CANCELLED(JobStatus.CANCELLED);

  private final JobStatus status;

  ResultCode(JobStatus status) {
    this.status = status;
  }

  /** The status a job with this result ends in. */
  public JobStatus status() {
    return status;
  }
}
