package org.spotlerconnector.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.spotlerconnector.cli.ConnectorMain;
import org.spotlerconnector.config.Durations;
import org.spotlerconnector.sandbox.dataverse.ServiceProtectionLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code benchmark}: runs the contact sync against the sandbox with configurable API latency and limits, and prints
 * contacts per second, change-to-Spotler latency, Spotler Jobs, inbound throughput and Spotler-change-to-Dynamics
 * latency, API requests per synced record and the connector's memory.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
    description = {
        "Runs the connector, in a JVM of its own, against the sandbox emulators and measures the outbound contact "
            + "sync: contacts per second of the initial load, change-to-Spotler latency of edits made afterwards, API "
            + "requests per synced record on each side, and the connector's peak heap and resident memory; then the "
            + "throughput and latency of Spotler Jobs reaching it by polling, by webhook or both; then, restarted on "
            + "the same store with a two-way mapping, the throughput and latency of Spotler edits reaching Dataverse.",
        "Exits 0 when every figure is complete, " + ConnectorMain.EXIT_NOT_CAUGHT_UP
            + " when the run timed out, stalled or the connector stopped."})
final class BenchmarkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--contacts", paramLabel = "<n>", defaultValue = "100000",
      description = "Contacts in Dataverse (default: ${DEFAULT-VALUE}).")
  int contacts;

  @Option(names = "--accounts", paramLabel = "<n>", defaultValue = "2000",
      description = "Accounts the contacts work at (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--latency-ms", paramLabel = "<ms>", defaultValue = "50",
      description = "Latency added to every API call of all three emulators (default: ${DEFAULT-VALUE}).")
  long latencyMillis;

  @Option(names = "--jitter-ms", paramLabel = "<ms>", defaultValue = "5",
      description = "Random extra latency of up to this much (default: ${DEFAULT-VALUE}).")
  long jitterMillis;

  @Option(names = "--changes", paramLabel = "<n>", defaultValue = "500",
      description = "Edits made after the initial load to measure change-to-Spotler latency; 0 skips it (default: ${DEFAULT-VALUE}).")
  int changes;

  @Option(names = "--change-rate", paramLabel = "<per second>", defaultValue = "20",
      description = "Edits a second (default: ${DEFAULT-VALUE}).")
  double changeRate;

  @Option(names = "--jobs", paramLabel = "<n>", defaultValue = "1000",
      description = "Spotler Jobs (Add Tag and Start Automation) created after the change phase to measure job"
          + " throughput and latency, for each --job-intake path; 0 skips it (default: ${DEFAULT-VALUE}).")
  int jobs;

  @Option(names = "--job-rate", paramLabel = "<per second>", defaultValue = "20",
      description = "Jobs created a second (default: ${DEFAULT-VALUE}).")
  double jobRate;

  @Option(names = "--job-intake", paramLabel = "poll|webhook|both", defaultValue = "both",
      description = "How the jobs reach the connector: by its poll of the job table; by the webhook Dataverse posts"
          + " when a job is created (registered as install --webhook-url does; the connector polls as well); or both,"
          + " one phase of --jobs jobs after the other (default: ${DEFAULT-VALUE}).")
  String jobIntake;

  @Option(names = "--inbound-changes", paramLabel = "<n>", defaultValue = "2000",
      description = "Edits made in Spotler after the jobs, with the connector restarted on the same store with a"
          + " two-way mapping, to measure inbound throughput and Spotler-change-to-Dynamics latency; 0 skips it"
          + " (default: ${DEFAULT-VALUE}).")
  int inboundChanges;

  @Option(names = "--inbound-rate", paramLabel = "<per second>", defaultValue = "10",
      description = "Spotler edits a second (default: ${DEFAULT-VALUE}).")
  double inboundRate;

  @Option(names = "--inbound-overlap", paramLabel = "<duration>", defaultValue = "10s",
      converter = DurationConverter.class,
      description = "The two-way connector's sync.inbound.overlap; it reads Spotler's changes every --poll-interval"
          + " (default: ${DEFAULT-VALUE}).")
  Duration inboundOverlap;

  @Option(names = "--poll-interval", paramLabel = "<duration>", defaultValue = "1s", converter = DurationConverter.class,
      description = "The connector's change-tracking and job poll interval (default: ${DEFAULT-VALUE}).")
  Duration pollInterval;

  @Option(names = "--dataverse-requests", paramLabel = "<n>", defaultValue = "6000",
      description = "Dataverse service protection limit: requests per window (default: ${DEFAULT-VALUE}).")
  int dataverseRequests;

  @Option(names = "--dataverse-window-seconds", paramLabel = "<seconds>", defaultValue = "300",
      description = "Dataverse service protection window (default: ${DEFAULT-VALUE}).")
  long dataverseWindowSeconds;

  @Option(names = "--dataverse-concurrency", paramLabel = "<n>", defaultValue = "52",
      description = "Dataverse service protection limit: concurrent requests (default: ${DEFAULT-VALUE}).")
  int dataverseConcurrency;

  @Option(names = "--spotler-rate-limit", paramLabel = "<per second>",
      description = "Requests a second the Mail+ emulator allows, answering 429 above it (default: no limit, as Mail+ publishes none).")
  Integer spotlerRateLimit;

  @Option(names = "--spotler-requests-per-second", paramLabel = "<per second>", defaultValue = "50",
      description = "The connector's own Mail+ request rate, spotler.requestsPerSecond (default: ${DEFAULT-VALUE}).")
  double spotlerRequestsPerSecond;

  @Option(names = "--heap", paramLabel = "<size>", defaultValue = "512m",
      description = "The connector JVM's maximum heap, -Xmx (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(names = "--seed", paramLabel = "<n>", defaultValue = "1",
      description = "Seed of the data set and of the edits (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--timeout", paramLabel = "<duration>", defaultValue = "30m", converter = DurationConverter.class,
      description = "Stop and report what was measured after this long (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--keep-files",
      description = "Keep the connector's configuration, store, output and GC log (they are always kept when the run is incomplete).")
  boolean keepFiles;

  @Override
  public Integer call() throws Exception {
    BenchmarkResult result = new Benchmark(settings()).run();
    PrintWriter out = spec.commandLine().getOut();
    out.print(BenchmarkReport.text(result));
    out.flush();
    return result.complete() ? 0 : ConnectorMain.EXIT_NOT_CAUGHT_UP;
  }

  private BenchmarkSettings settings() {
    try {
      return validSettings();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private BenchmarkSettings validSettings() {
    ServiceProtectionLimits limits = ServiceProtectionLimits.DEFAULTS
        .withRequests(dataverseRequests)
        .withWindow(Duration.ofSeconds(dataverseWindowSeconds))
        .withConcurrency(dataverseConcurrency);
    return new BenchmarkSettings(contacts, accounts, latencyMillis, jitterMillis, changes, changeRate, jobs, jobRate,
        JobIntakePath.parse(jobIntake), inboundChanges, inboundRate, inboundOverlap, pollInterval,
        limits, spotlerRateLimit == null ? OptionalInt.empty() : OptionalInt.of(spotlerRateLimit),
        spotlerRequestsPerSecond, heap, seed, timeout, keepFiles);
  }

  /** Durations as the configuration file takes them: 500ms, 5s, 2m, 1m30s, PT5S. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Durations.parse(value);
    }
  }
}
