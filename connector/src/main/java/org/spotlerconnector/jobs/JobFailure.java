package org.spotlerconnector.jobs;

/** Ends a job early with a final outcome, e.g. a missing input; thrown inside an operation, caught by the runner. */
final class JobFailure extends RuntimeException {
  private final transient JobOutcome outcome;

  JobFailure(ResultCode code, String message) {
    super(message, null, false, false);
    this.outcome = JobOutcome.of(code, message);
  }

  JobOutcome outcome() {
    return outcome;
  }
}
