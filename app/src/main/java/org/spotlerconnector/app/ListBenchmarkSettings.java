package org.spotlerconnector.app;

import java.util.List;

/**
 * One {@code benchmark-lists} run's parameters.
 *
 * @param members the members of each list; 1% more contacts are seeded, for the change
 * @param kinds the lists measured, in order
 * @param latencyMillis latency added to every call of all three emulators, plus up to {@code jitterMillis}
 * @param spotlerRequestsPerSecond the connector's own Spotler request rate
 */
record ListBenchmarkSettings(
    int members, List<ListBenchmark.ListKind> kinds, long latencyMillis, long jitterMillis,
    double spotlerRequestsPerSecond) {

  ListBenchmarkSettings {
    if (members < 200) {
      throw new IllegalArgumentException("--members must be at least 200, so that 1% of them can change");
    }
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("--lists needs static, dynamic or both");
    }
    kinds = List.copyOf(kinds);
    if (latencyMillis < 0 || jitterMillis < 0) {
      throw new IllegalArgumentException("--latency-ms and --jitter-ms must be at least 0");
    }
    if (!(spotlerRequestsPerSecond > 0)) {
      throw new IllegalArgumentException("--spotler-requests-per-second must be positive");
    }
  }
}
