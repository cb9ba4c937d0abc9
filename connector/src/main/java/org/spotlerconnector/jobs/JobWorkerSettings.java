package org.spotlerconnector.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link JobWorker} polls and retries.
 *
 * @param pollInterval pause between polls when no job was due (default 5 s)
 * @param threads jobs run at the same time
 * @param pageSize due jobs read per poll
 * @param maxAttempts attempts before a transient failure fails the job as {@code TRANSIENT_FAILURE}
 * @param firstRetry wait before the second attempt; doubled per attempt up to {@code maxRetry}
 * @param lease how long a claimed job may run before another connector may take it over (its claimer is presumed
 *     dead)
 */
public record JobWorkerSettings(
    Duration pollInterval, int threads, int pageSize, int maxAttempts, Duration firstRetry, Duration maxRetry,
    Duration lease) {
  public JobWorkerSettings {
    Objects.requireNonNull(pollInterval, "pollInterval cannot be null");
    Objects.requireNonNull(firstRetry, "firstRetry cannot be null");
    Objects.requireNonNull(maxRetry, "maxRetry cannot be null");
    Objects.requireNonNull(lease, "lease cannot be null");
    if (threads < 1 || pageSize < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("threads, pageSize and maxAttempts must be at least 1");
    }
  }

  public static JobWorkerSettings defaults() {
    return new JobWorkerSettings(
        Duration.ofSeconds(5), 4, 50, 5, Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofMinutes(10));
  }

  public JobWorkerSettings withPollInterval(Duration interval) {
    return new JobWorkerSettings(interval, threads, pageSize, maxAttempts, firstRetry, maxRetry, lease);
  }

  public JobWorkerSettings withThreads(int count) {
    return new JobWorkerSettings(pollInterval, count, pageSize, maxAttempts, firstRetry, maxRetry, lease);
  }

  public JobWorkerSettings withPageSize(int size) {
    return new JobWorkerSettings(pollInterval, threads, size, maxAttempts, firstRetry, maxRetry, lease);
  }

  public JobWorkerSettings withRetries(int attempts, Duration first, Duration max) {
    return new JobWorkerSettings(pollInterval, threads, pageSize, attempts, first, max, lease);
  }

  public JobWorkerSettings withLease(Duration newLease) {
    return new JobWorkerSettings(pollInterval, threads, pageSize, maxAttempts, firstRetry, maxRetry, newLease);
  }

  /** The wait before attempt {@code attempts + 1}: doubling from {@code firstRetry}, capped at {@code maxRetry}. */
  Duration backoff(int attempts) {
    Duration wait = firstRetry;
    for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
  }
}
