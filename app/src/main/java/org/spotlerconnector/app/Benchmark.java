package org.spotlerconnector.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseSettings;
import org.spotlerconnector.install.InstallSettings;
import org.spotlerconnector.install.Installer;
import org.spotlerconnector.jobs.JobSchema;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.http.RequestLog;
import org.spotlerconnector.sandbox.mailplus.DemoAutomations;
import org.spotlerconnector.sandbox.mailplus.RateLimit;

/**
 * One benchmark run: starts the sandbox in this JVM and the connector in its own, measures the initial load of every
 * syncable contact into Spotler, then change-to-Spotler latency of edits made afterwards, then Spotler Jobs reaching
 * the connector by polling, by webhook or both; then restarts the connector with a two-way mapping and measures
 * Spotler edits reaching Dataverse; and the requests and memory it all took.
 */
final class Benchmark {
  private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);
  /** A load or change phase that makes no progress for this long is given up, so a stuck run still reports. */
  private static final Duration STALL_LIMIT = Duration.ofMinutes(2);
  private static final long LOAD_POLL_MILLIS = 100;
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
  /** The job tables as {@code install} makes them by default, which is how the benchmark installs them. */
  private static final JobSchema JOB_SCHEMA = JobSchema.defaults();
  /** Spotler's changes feed, which the two-way connector reads every poll interval. */
  private static final String CHANGES_FEED = "/contact/updates/list";

  private final BenchmarkSettings settings;
  private final long deadlineNanos;
  private final List<String> problems = new ArrayList<>();
  private final double loadAtStart = systemLoad();

  Benchmark(BenchmarkSettings settings) {
    this.settings = settings;
    this.deadlineNanos = System.nanoTime() + settings.timeout().toNanos();
  }

  BenchmarkResult run() throws IOException, InterruptedException {
    Path workDir = Files.createTempDirectory("spotler-benchmark-");
    LOG.atInfo().addKeyValue("contacts", settings.contacts()).addKeyValue("accounts", settings.accounts())
        .log("starting the sandbox");
    BenchmarkResult result = null;
    try (Sandbox sandbox = Sandbox.start(sandboxOptions())) {
      sandbox.latency(settings.latencyMillis(), settings.jitterMillis());
      sandbox.dataverse().limits(settings.dataverseLimits());
      settings.spotlerRateLimit().ifPresent(n -> sandbox.mailplus().rateLimit(RateLimit.perSeconds(n, 1)));
      if (settings.jobs() > 0) {
        installJobTables(sandbox);
      }
      Optional<BenchmarkWebhook> webhook =
          settings.jobsByWebhook() ? Optional.of(BenchmarkWebhook.onFreePort()) : Optional.empty();
      List<UUID> syncable = syncableContacts(sandbox);
      Path config = workDir.resolve("benchmark.yml");
      Files.writeString(config, BenchmarkConfig.yaml(sandbox, workDir.resolve("connector.db"), settings, webhook));
      result = measure(sandbox, syncable, config, workDir, webhook);
      LOG.atInfo().log("benchmark finished");
      return result;
    } finally {
      if (result != null && result.keptFiles().isEmpty()) {
        deleteRecursively(workDir);
      } else {
        LOG.atInfo().addKeyValue("directory", workDir).log("kept the connector's files");
      }
    }
  }

  private BenchmarkResult measure(
      Sandbox sandbox, List<UUID> syncable, Path config, Path workDir, Optional<BenchmarkWebhook> webhook)
      throws IOException, InterruptedException {
    try (RequestTally tally = new RequestTally(sandbox)) {
      long startNanos = System.nanoTime();
      ConnectorProcess connector = ConnectorProcess.start(config, settings.heap(), workDir, "connector");
      BenchmarkResult.Load load;
      RequestCounts afterLoad;
      Optional<ChangeLatencyProbe.Result> changes = Optional.empty();
      RequestCounts afterChanges;
      List<BenchmarkResult.JobPhase> jobs = List.of();
      try {
        load = initialLoad(sandbox, connector, syncable.size(), startNanos);
        afterLoad = tally.now();
        if (settings.changes() > 0 && problems.isEmpty()) {
          changes = Optional.of(changePhase(sandbox, connector, syncable));
        }
        afterChanges = tally.now();
        if (settings.jobs() > 0 && problems.isEmpty()) {
          jobs = jobPhases(sandbox, connector, syncable, tally, webhook);
        }
      } finally {
        connector.close();
      }
      BenchmarkResult.Memory memory =
          new BenchmarkResult.Memory(settings.heap(), connector.heap(), connector.peakResidentBytes());
      Optional<BenchmarkResult.InboundPhase> inbound = Optional.empty();
      if (settings.inboundChanges() > 0 && problems.isEmpty()) {
        inbound = inboundPhase(sandbox, syncable, workDir, tally);
      }
      Optional<Path> kept = problems.isEmpty() && !settings.keepFiles() ? Optional.empty() : Optional.of(workDir);
      return new BenchmarkResult(settings, syncable.size(), load, changes, jobs, inbound, afterLoad,
          afterChanges.since(afterLoad), machine(), memory, List.copyOf(problems), kept);
    }
  }

  /**
   * Restarts the connector on the same store with a two-way mapping and Spotler's changes read, so that the phases
   * before measure the one-way sync as it was; waits for its first read of the changes feed, then edits contacts in
   * Spotler and times each edit until its value is in the Dataverse row. Empty when the connector never read the feed.
   */
  private Optional<BenchmarkResult.InboundPhase> inboundPhase(
      Sandbox sandbox, List<UUID> syncable, Path workDir, RequestTally tally) throws IOException, InterruptedException {
    Path config = workDir.resolve("benchmark-two-way.yml");
    Files.writeString(config, BenchmarkConfig.twoWayYaml(sandbox, workDir.resolve("connector.db"), settings));
    long logBeforeStart = sandbox.mailplusServer().requestLog().lastSequence();
    ConnectorProcess connector = ConnectorProcess.start(config, settings.heap(), workDir, "connector-two-way");
    ChangeLatencyProbe.Result result;
    RequestCounts requests;
    try {
      if (!readsSpotlerChanges(sandbox, connector, logBeforeStart)) {
        return Optional.empty();
      }
      LOG.atInfo().addKeyValue("edits", settings.inboundChanges()).addKeyValue("perSecond", settings.inboundRate())
          .log("measuring Spotler-change-to-Dynamics latency");
      // another seed than the change phase's, so that other contacts come first
      ChangeLatencyProbe probe = ChangeLatencyProbe.toDynamics(
          sandbox.mailplus(), sandbox.dataverse().table("contacts"), settings.seed() + 1);
      RequestCounts before = tally.now();
      result = probe.run(syncable, settings.inboundChanges(), settings.inboundRate(), "Inbound ", STALL_LIMIT, () -> {
        connector.sampleMemory();
        return stoppedBecause(connector, "the inbound phase");
      });
      requests = tally.now().since(before);
    } finally {
      connector.close();
    }
    if (result.arrived() < result.made() && problems.isEmpty()) {
      problems.add((result.made() - result.arrived()) + " of " + result.made() + " Spotler edits did not arrive in"
          + " Dataverse");
    }
    return Optional.of(new BenchmarkResult.InboundPhase(result, requests,
        new BenchmarkResult.Memory(settings.heap(), connector.heap(), connector.peakResidentBytes())));
  }

  /** Waits for the connector's first read of Spotler's changes feed: from then on it follows Spotler's edits. */
  private boolean readsSpotlerChanges(Sandbox sandbox, ConnectorProcess connector, long after)
      throws InterruptedException {
    RequestLog log = sandbox.mailplusServer().requestLog();
    long deadline = System.nanoTime() + STALL_LIMIT.toNanos();
    while (!stoppedBecause(connector, "waiting for the two-way connector's first read of Spotler's changes")) {
      if (log.count(entry -> entry.sequence() > after && entry.status() == 200
          && entry.path().endsWith(CHANGES_FEED)) > 0) {
        return true;
      }
      if (System.nanoTime() - deadline > 0) {
        problems.add("the two-way connector did not read Spotler's changes within " + STALL_LIMIT.toMinutes()
            + " minutes of its start; see its output");
        return false;
      }
      Thread.sleep(LOAD_POLL_MILLIS);
    }
    return false;
  }

  /** Waits until every syncable contact is in Spotler, or the run times out, stalls or the connector dies. */
  private BenchmarkResult.Load initialLoad(Sandbox sandbox, ConnectorProcess connector, int expected, long startNanos)
      throws InterruptedException {
    Optional<Duration> firstContact = Optional.empty();
    int synced = 0;
    long lastProgress = System.nanoTime();
    long nextReport = lastProgress + PROGRESS_EVERY.toNanos();
    while (true) {
      connector.sampleMemory();
      int now = sandbox.mailplus().contactCount();
      long time = System.nanoTime();
      if (now > 0 && firstContact.isEmpty()) {
        firstContact = Optional.of(Duration.ofNanos(time - startNanos));
      }
      if (now > synced) {
        synced = now;
        lastProgress = time;
      }
      if (synced >= expected) {
        break;
      }
      if (time >= nextReport) {
        LOG.atInfo().addKeyValue("synced", synced).addKeyValue("of", expected).log("initial load in progress");
        nextReport = time + PROGRESS_EVERY.toNanos();
      }
      if (stoppedBecause(connector, "the initial load")) {
        break;
      }
      if (time - lastProgress > STALL_LIMIT.toNanos()) {
        problems.add("the initial load stalled at " + synced + " of " + expected + " contacts (nothing new for "
            + STALL_LIMIT.toMinutes() + " minutes; see the connector's output)");
        break;
      }
      Thread.sleep(LOAD_POLL_MILLIS);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    LOG.atInfo().addKeyValue("synced", synced).addKeyValue("seconds", elapsed.toMillis() / 1000.0)
        .log("initial load done");
    return new BenchmarkResult.Load(synced, elapsed, firstContact);
  }

  private ChangeLatencyProbe.Result changePhase(Sandbox sandbox, ConnectorProcess connector, List<UUID> syncable)
      throws InterruptedException {
    LOG.atInfo().addKeyValue("edits", settings.changes()).addKeyValue("perSecond", settings.changeRate())
        .log("measuring change-to-Spotler latency");
    ChangeLatencyProbe probe =
        ChangeLatencyProbe.toSpotler(sandbox.dataverse().table("contacts"), sandbox.mailplus(), settings.seed());
    ChangeLatencyProbe.Result result = probe.run(syncable, settings.changes(), settings.changeRate(), "Benchmark ",
        STALL_LIMIT, () -> {
          connector.sampleMemory();
          return stoppedBecause(connector, "the change phase");
        });
    if (result.arrived() < result.made() && problems.isEmpty()) {
      problems.add((result.made() - result.arrived()) + " of " + result.made() + " edits did not arrive in Spotler");
    }
    return result;
  }

  /**
   * The job tables, as {@code install} makes them, and the demo automations in Mail+; the connector finds the tables at
   * start-up and fills the automation table with its start-up refresh.
   */
  private static void installJobTables(Sandbox sandbox) {
    DemoAutomations.seed(sandbox.mailplus());
    new Installer(dataverseClient(sandbox), InstallSettings.defaults()).install();
  }

  /**
   * A jobs phase for each {@code --job-intake} path, in order. The webhook is registered just before its phase, so
   * the polling phase before it sees no webhooks; the connector's web server has listened since its start.
   */
  private List<BenchmarkResult.JobPhase> jobPhases(Sandbox sandbox, ConnectorProcess connector, List<UUID> syncable,
      RequestTally tally, Optional<BenchmarkWebhook> webhook) throws InterruptedException {
    DataverseClient dataverse = dataverseClient(sandbox);
    JobThroughputProbe probe = new JobThroughputProbe(dataverse,
        sandbox.dataverse().table(JOB_SCHEMA.jobEntitySet()), JOB_SCHEMA, welcomeRowId(sandbox, connector));
    List<BenchmarkResult.JobPhase> phases = new ArrayList<>();
    for (JobIntakePath intake : settings.jobIntake()) {
      if (!problems.isEmpty()) {
        break;
      }
      if (intake == JobIntakePath.WEBHOOK) {
        webhook.orElseThrow().register(dataverse, JOB_SCHEMA);
      }
      phases.add(jobPhase(intake, phases.size() * settings.jobs(), probe, sandbox, connector, syncable, tally));
    }
    return phases;
  }

  private BenchmarkResult.JobPhase jobPhase(JobIntakePath intake, int firstJob, JobThroughputProbe probe,
      Sandbox sandbox, ConnectorProcess connector, List<UUID> syncable, RequestTally tally)
      throws InterruptedException {
    String path = intake.name().toLowerCase(Locale.ROOT);
    LOG.atInfo().addKeyValue("jobs", settings.jobs()).addKeyValue("perSecond", settings.jobRate())
        .addKeyValue("intake", path).log("measuring Spotler Jobs");
    RequestCounts before = tally.now();
    JobThroughputProbe.Result result = probe.run(syncable, firstJob, settings.jobs(), settings.jobRate(), STALL_LIMIT,
        () -> {
          connector.sampleMemory();
          return stoppedBecause(connector, "the jobs phase (" + path + ")");
        });
    RequestCounts requests = tally.now().since(before);
    if (result.finished() < result.created() && problems.isEmpty()) {
      problems.add((result.created() - result.finished()) + " of " + result.created() + " jobs (" + path
          + ") did not end");
    }
    Optional<BenchmarkWebhook.Deliveries> webhooks = intake == JobIntakePath.WEBHOOK
        ? Optional.of(webhooksOf(sandbox, result.created()))
        : Optional.empty();
    return new BenchmarkResult.JobPhase(intake, result, requests, webhooks);
  }

  /** The phase's webhook deliveries; a job whose webhook failed was found by polling, which would blur the figures. */
  private BenchmarkWebhook.Deliveries webhooksOf(Sandbox sandbox, int jobs) throws InterruptedException {
    BenchmarkWebhook.Deliveries deliveries = BenchmarkWebhook.deliveries(sandbox.dataverse(), JOB_SCHEMA);
    if (deliveries.delivered() < jobs && problems.isEmpty()) {
      problems.add("only " + deliveries.delivered() + " of " + jobs + " jobs' webhooks were delivered (see the"
          + " connector's output); polling found the others");
    }
    return deliveries;
  }

  /** The Welcome automation's row, which the connector's start-up refresh writes. */
  private String welcomeRowId(Sandbox sandbox, ConnectorProcess connector) throws InterruptedException {
    long deadline = System.nanoTime() + STALL_LIMIT.toNanos();
    while (System.nanoTime() < deadline && !stoppedBecause(connector, "waiting for the automation refresh")) {
      for (ObjectNode row : sandbox.dataverse().table(JOB_SCHEMA.automationEntitySet()).rows()) {
        if (DemoAutomations.WELCOME_TRIGGER_CODE.equals(row.path(JOB_SCHEMA.column("triggercode")).asText())) {
          return row.path(JOB_SCHEMA.automationIdColumn()).asText();
        }
      }
      Thread.sleep(LOAD_POLL_MILLIS);
    }
    throw new IllegalStateException("the connector did not refresh the automation table within "
        + STALL_LIMIT.toMinutes() + " minutes");
  }

  private static DataverseClient dataverseClient(Sandbox sandbox) {
    SandboxOptions o = sandbox.options();
    return DataverseClient.create(
        DataverseSettings.builder(URI.create(sandbox.dataverseUrl()), o.tenant(), o.clientId(), o.clientSecret())
            .tokenEndpoint(URI.create(sandbox.tokenUrl()))
            .build());
  }

  /** True, with the reason noted, when the run has to stop: the timeout passed or the connector ended. */
  private boolean stoppedBecause(ConnectorProcess connector, String phase) {
    if (System.nanoTime() - deadlineNanos >= 0) {
      problems.add("the run timed out after " + BenchmarkReport.duration(settings.timeout()) + " during " + phase);
      return true;
    }
    if (!connector.isAlive()) {
      problems.add("the connector exited with code " + connector.exitCode().orElse(-1) + " during " + phase
          + "; see its output");
      return true;
    }
    return false;
  }

  private BenchmarkResult.Machine machine() {
    return new BenchmarkResult.Machine(Runtime.getRuntime().availableProcessors(), loadAtStart, systemLoad());
  }

  private static double systemLoad() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private SandboxOptions sandboxOptions() {
    return SandboxOptions.defaults().withPorts(0, 0, 0)
        .withData(settings.seed(), settings.accounts(), settings.contacts(), 0, 0);
  }

  /** Active contacts not set to Do Not Email: the ones the connector brings to Spotler. */
  private static List<UUID> syncableContacts(Sandbox sandbox) {
    List<UUID> ids = new ArrayList<>();
    for (ObjectNode row : sandbox.dataverse().table("contacts").rows()) {
      if (row.path("statecode").asInt(-1) == 0 && !row.path("donotemail").asBoolean(false)) {
        ids.add(UUID.fromString(row.path("contactid").asText()));
      }
    }
    return ids;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
