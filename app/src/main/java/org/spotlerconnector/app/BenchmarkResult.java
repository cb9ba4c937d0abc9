package org.spotlerconnector.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one benchmark run measured.
 *
 * @param syncable contacts the connector should bring to Spotler: active and not set to Do Not Email
 * @param load the initial load
 * @param changes the change phase, when it ran
 * @param jobs the jobs phases that ran, one for each {@code --job-intake} path, in order
 * @param inbound the inbound phase, when it ran
 * @param machine what else the machine was doing, which bears on every figure
 * @param problems why the run is incomplete; empty when every figure is complete
 * @param keptFiles where the connector's configuration, store, output and GC log were kept, if they were
 */
record BenchmarkResult(
    BenchmarkSettings settings,
    int syncable,
    Load load,
    Optional<ChangeLatencyProbe.Result> changes,
    List<JobPhase> jobs,
    Optional<InboundPhase> inbound,
    RequestCounts loadRequests,
    RequestCounts changeRequests,
    Machine machine,
    Memory memory,
    List<String> problems,
    Optional<Path> keptFiles) {

  /**
   * @param synced contacts in Spotler when the load ended
   * @param elapsed from starting the connector's JVM until all were there (or the load was given up)
   * @param firstContact from starting the connector's JVM until the first contact was in Spotler
   */
  record Load(int synced, Duration elapsed, Optional<Duration> firstContact) {}

  /**
   * One jobs phase.
   *
   * @param intake how its jobs reached the connector
   * @param requests the API requests from its first job's creation until it ended
   * @param webhooks the webhooks Dataverse sent for its jobs, on the webhook path
   */
  record JobPhase(JobIntakePath intake, JobThroughputProbe.Result result, RequestCounts requests,
      Optional<BenchmarkWebhook.Deliveries> webhooks) {}

  /**
   * The inbound phase: Spotler edits reaching Dataverse through a connector restarted with a two-way mapping.
   *
   * @param requests the API requests from the first edit until the last arrival
   * @param memory the restarted connector JVM's
   */
  record InboundPhase(ChangeLatencyProbe.Result result, RequestCounts requests, Memory memory) {}

  /** Processors and system load average (negative where the platform does not tell) at the start and the end. */
  record Machine(int processors, double loadAtStart, double loadAtEnd) {}

  /** The connector JVM's memory: heap from its GC log, and its peak resident set from the operating system. */
  record Memory(String maxHeap, GcLog heap, OptionalLong peakResidentBytes) {}

  boolean complete() {
    return problems.isEmpty();
  }
}
