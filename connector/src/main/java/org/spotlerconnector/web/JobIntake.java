package org.spotlerconnector.web;

/**
 * Where the webhook hands a job it was told about. The job row in Dataverse is the durable record of the job, so the
 * intake only has to start it early; whatever it misses, the job worker's poll still finds.
 */
@FunctionalInterface
public interface JobIntake {
  /** Starts the job soon, without waiting for it; must return at once. */
  void nudge(String jobId);
}
