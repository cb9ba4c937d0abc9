package org.spotlerconnector.app;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.spotlerconnector.sandbox.dataverse.ServiceProtectionLimits;

/**
 * One benchmark run's parameters.
 *
 * @param latencyMillis latency added to every call of all three emulators, plus up to {@code jitterMillis}
 * @param changes edits made after the initial load to measure change-to-Spotler latency, {@code changeRate} a second
 * @param jobs Spotler Jobs created after the change phase to measure job throughput and latency, {@code jobRate} a
 *     second, for each of the {@code jobIntake} paths in turn
 * @param inboundChanges edits made in Spotler after the jobs, {@code inboundRate} a second, to measure inbound
 *     throughput and Spotler-change-to-Dynamics latency, with a connector that reads Spotler's changes every poll
 *     interval over windows that overlap by {@code inboundOverlap}
 * @param dataverseLimits the Dataverse emulator's service protection limits; the connector's budget is set to the same
 * @param spotlerRateLimit requests a second the Mail+ emulator allows (none when empty)
 * @param spotlerRequestsPerSecond the connector's own Spotler request rate
 * @param heap the connector JVM's maximum heap, as {@code -Xmx} takes it
 * @param timeout the whole run's limit; when it passes, what was measured so far is reported
 */
record BenchmarkSettings(
    int contacts,
    int accounts,
    long latencyMillis,
    long jitterMillis,
    int changes,
    double changeRate,
    int jobs,
    double jobRate,
    List<JobIntakePath> jobIntake,
    int inboundChanges,
    double inboundRate,
    Duration inboundOverlap,
    Duration pollInterval,
    ServiceProtectionLimits dataverseLimits,
    OptionalInt spotlerRateLimit,
    double spotlerRequestsPerSecond,
    String heap,
    long seed,
    Duration timeout,
    boolean keepFiles) {

  BenchmarkSettings {
    if (contacts < 1 || accounts < 0 || changes < 0 || jobs < 0 || inboundChanges < 0) {
      throw new IllegalArgumentException(
          "--contacts must be at least 1, --accounts, --changes, --jobs and --inbound-changes at least 0");
    }
    if (!(inboundRate > 0) || inboundOverlap.isNegative() || inboundOverlap.isZero()) {
      throw new IllegalArgumentException("--inbound-rate and --inbound-overlap must be positive");
    }
    if (!(jobRate > 0)) {
      throw new IllegalArgumentException("--job-rate must be positive");
    }
    if (jobIntake.isEmpty()) {
      throw new IllegalArgumentException("--job-intake needs poll, webhook or both");
    }
    jobIntake = List.copyOf(jobIntake);
    if (latencyMillis < 0 || jitterMillis < 0) {
      throw new IllegalArgumentException("--latency-ms and --jitter-ms must be at least 0");
    }
    if (!(changeRate > 0) || !(spotlerRequestsPerSecond > 0)) {
      throw new IllegalArgumentException("--change-rate and --spotler-requests-per-second must be positive");
    }
    if (pollInterval.isNegative() || pollInterval.isZero() || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("--poll-interval and --timeout must be positive");
    }
    if (spotlerRateLimit.isPresent() && spotlerRateLimit.getAsInt() < 1) {
      throw new IllegalArgumentException("--spotler-rate-limit must be at least 1");
    }
    if (!heap.matches("\\d+[kKmMgG]?")) {
      throw new IllegalArgumentException("--heap takes what -Xmx takes, e.g. 512m or 2g");
    }
  }

  /** Whether a jobs phase has its jobs reach the connector by webhook, so that its web server has to be on. */
  boolean jobsByWebhook() {
    return jobs > 0 && jobIntake.contains(JobIntakePath.WEBHOOK);
  }
}
