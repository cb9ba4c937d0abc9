package org.spotlerconnector.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/** The benchmark's figures as a compact table for a terminal. */
final class BenchmarkReport {
  private static final String ROW = "  %-22s %12s %12s %12s";

  private BenchmarkReport() {}

  static String text(BenchmarkResult r) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("Spotler Connector benchmark: the contact sync against the sandbox");
    lines.add("");
    lines.addAll(parameters(r));
    lines.add("");
    lines.addAll(load(r));
    lines.add("");
    lines.addAll(changes(r));
    lines.add("");
    lines.addAll(jobs(r));
    lines.add("");
    lines.addAll(inbound(r));
    lines.add("");
    lines.addAll(requests(r));
    lines.add("");
    lines.addAll(memory(r.memory()));
    if (!r.problems().isEmpty()) {
      lines.add("");
      lines.add("INCOMPLETE: " + String.join("; ", r.problems()) + ".");
    }
    r.keptFiles().ifPresent(dir -> lines.add("The connector's configuration, store, output and GC log are in " + dir));
    lines.add("");
    return String.join(System.lineSeparator(), lines);
  }

  /** A duration as the options take it: {@code 30m}, {@code 1m30s}, {@code 500ms}. */
  static String duration(Duration d) {
    if (d.toMillisPart() != 0 || d.isZero()) {
      return d.toMillis() + "ms";
    }
    StringBuilder text = new StringBuilder();
    if (d.toHours() > 0) {
      text.append(d.toHours()).append('h');
    }
    if (d.toMinutesPart() > 0) {
      text.append(d.toMinutesPart()).append('m');
    }
    if (d.toSecondsPart() > 0) {
      text.append(d.toSecondsPart()).append('s');
    }
    return text.toString();
  }

  private static List<String> parameters(BenchmarkResult r) {
    BenchmarkSettings s = r.settings();
    BenchmarkResult.Machine machine = r.machine();
    List<String> lines = new ArrayList<>();
    lines.add("Parameters");
    lines.add(field("Contacts", count(s.contacts()) + " in Dataverse, " + count(r.syncable())
        + " syncable (active, not Do Not Email); " + count(s.accounts()) + " accounts; seed " + s.seed()));
    lines.add(field("API latency", s.latencyMillis() + " ms + 0-" + s.jitterMillis()
        + " ms jitter on every call (Entra ID, Dataverse, Mail+)"));
    lines.add(field("Dataverse limits", count(s.dataverseLimits().requests()) + " requests / "
        + s.dataverseLimits().window().toSeconds() + " s, " + s.dataverseLimits().concurrency()
        + " concurrent (the connector's budget is set the same)"));
    lines.add(field("Mail+ limit", s.spotlerRateLimit().isPresent()
        ? s.spotlerRateLimit().getAsInt() + " requests/s" : "none"));
    lines.add(field("Connector", "own JVM with -Xmx" + s.heap() + ", SQLite store, poll interval "
        + duration(s.pollInterval()) + ", at most " + number(s.spotlerRequestsPerSecond()) + " Mail+ requests/s"));
    lines.add(field("Machine", machine.processors() + " processors, shared by the sandbox and the connector; load "
        + "average " + load(machine.loadAtStart()) + " at the start, " + load(machine.loadAtEnd()) + " at the end"));
    return lines;
  }

  private static List<String> load(BenchmarkResult r) {
    BenchmarkResult.Load load = r.load();
    List<String> lines = new ArrayList<>();
    lines.add("Initial load (from starting the connector's JVM until every syncable contact is in Spotler)");
    lines.add(field("Synced", count(load.synced()) + " of " + count(r.syncable()) + " contacts in "
        + seconds(load.elapsed())));
    String throughput = perSecond(load.synced(), load.elapsed()) + " contacts/s";
    if (load.firstContact().isPresent()) {
      Duration first = load.firstContact().get();
      throughput += " (first contact after " + seconds(first) + "; "
          + perSecond(load.synced(), load.elapsed().minus(first)) + " contacts/s from then)";
    }
    lines.add(field("Throughput", throughput));
    return lines;
  }

  private static List<String> changes(BenchmarkResult r) {
    BenchmarkSettings s = r.settings();
    List<String> lines = new ArrayList<>();
    lines.add("Change to Spotler (edits of a mapped column after the initial load, "
        + number(s.changeRate()) + " a second)");
    if (r.changes().isEmpty()) {
      lines.add(field("Not measured", s.changes() == 0 ? "--changes 0" : "the initial load did not complete"));
      return lines;
    }
    ChangeLatencyProbe.Result changes = r.changes().get();
    Percentiles latency = Percentiles.of(changes.latenciesMillis());
    lines.add(field("Arrived", count(changes.arrived()) + " of " + count(changes.made()) + " edits"));
    lines.add(field("Latency", "p50 " + millis(latency.at(50)) + "   p90 " + millis(latency.at(90))
        + "   p99 " + millis(latency.at(99)) + "   max " + millis(latency.max())));
    return lines;
  }

  private static List<String> jobs(BenchmarkResult r) {
    BenchmarkSettings s = r.settings();
    List<String> lines = new ArrayList<>();
    lines.add("Spotler Jobs (Add Tag and Start Automation, " + count(s.jobs()) + " created " + number(s.jobRate())
        + " a second for each way in)");
    if (s.jobs() == 0) {
      lines.add(field("Not measured", "--jobs 0"));
      return lines;
    }
    for (JobIntakePath intake : s.jobIntake()) {
      lines.add("  " + title(intake, s));
      Optional<BenchmarkResult.JobPhase> phase = r.jobs().stream().filter(p -> p.intake() == intake).findFirst();
      if (phase.isEmpty()) {
        lines.add(field("  Not measured", "an earlier phase did not complete"));
        continue;
      }
      phase.get().webhooks().ifPresent(w -> lines.add(field("  Webhooks", count(w.delivered())
          + " delivered (answered 202), " + count(w.notDelivered()) + " not")));
      JobThroughputProbe.Result jobs = phase.get().result();
      Percentiles latency = Percentiles.of(jobs.latenciesMillis());
      lines.add(field("  Finished", count(jobs.finished()) + " of " + count(jobs.created()) + " jobs ("
          + count(jobs.succeeded()) + " OK) in " + seconds(jobs.elapsed())));
      lines.add(field("  Throughput", String.format(Locale.ROOT, "%.1f jobs/s", jobs.jobsPerSecond())));
      lines.add(field("  Creation to end", "p50 " + millis(latency.at(50)) + "   p90 " + millis(latency.at(90))
          + "   p99 " + millis(latency.at(99)) + "   max " + millis(latency.max())));
    }
    return lines;
  }

  private static List<String> inbound(BenchmarkResult r) {
    BenchmarkSettings s = r.settings();
    List<String> lines = new ArrayList<>();
    lines.add("Change to Dynamics 365 (edits of a two-way field in Spotler, " + number(s.inboundRate()) + " a second;"
        + " the connector restarted on its store with " + String.join(", ", BenchmarkConfig.TWO_WAY_FIELDS.stream()
            .sorted().toList()) + " mapped <->, reading Spotler's changes every " + duration(s.pollInterval())
        + " with an overlap of " + duration(s.inboundOverlap()) + ")");
    if (r.inbound().isEmpty()) {
      lines.add(field("Not measured", s.inboundChanges() == 0 ? "--inbound-changes 0" : "an earlier phase did not"
          + " complete, or the restarted connector never read Spotler's changes"));
      return lines;
    }
    ChangeLatencyProbe.Result changes = r.inbound().get().result();
    Percentiles latency = Percentiles.of(changes.latenciesMillis());
    lines.add(field("Arrived", count(changes.arrived()) + " of " + count(changes.made()) + " edits"));
    lines.add(field("Throughput", String.format(Locale.ROOT, "%.1f changes/s written to Dataverse", changes.perSecond())
        + " (first edit to last arrival, " + seconds(changes.elapsed()) + ")"));
    lines.add(field("Latency", "p50 " + millis(latency.at(50)) + "   p90 " + millis(latency.at(90))
        + "   p99 " + millis(latency.at(99)) + "   max " + millis(latency.max())));
    BenchmarkResult.Memory memory = r.inbound().get().memory();
    lines.add(field("Connector memory", "peak heap " + megabytes(memory.heap().peakUsedBytes()) + ", at most "
        + megabytes(memory.heap().maxAfterCollectionBytes()) + " after a GC pause, "
        + megabytes(memory.peakResidentBytes()) + " resident"));
    return lines;
  }

  private static String title(JobIntakePath intake, BenchmarkSettings s) {
    String every = duration(s.pollInterval());
    return switch (intake) {
      case POLL -> "By polling (the connector reads the job table every " + every + ")";
      case WEBHOOK -> "By webhook (Dataverse posts each created job to the connector, which polls every " + every
          + " as well)";
    };
  }

  private static List<String> requests(BenchmarkResult r) {
    long loaded = r.load().synced();
    long arrived = r.changes().map(c -> (long) c.arrived()).orElse(0L);
    RequestCounts load = r.loadRequests();
    RequestCounts change = r.changeRequests();
    RequestCounts all = load.plus(change);
    for (BenchmarkResult.JobPhase phase : r.jobs()) {
      all = all.plus(phase.requests());
    }
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%-24s %12s %12s %12s", "API requests", "Dataverse", "Entra ID", "Mail+"));
    lines.add(row("Initial load", load, side -> count(side.requests())));
    lines.add(row("  per synced contact", load, side -> ratio(side.requests(), loaded)));
    lines.add(row("Change phase", change, side -> count(side.requests())));
    lines.add(row("  per arrived edit", change, side -> ratio(side.requests(), arrived)));
    for (BenchmarkResult.JobPhase phase : r.jobs()) {
      long finished = phase.result().finished();
      lines.add(row(phase.intake() == JobIntakePath.POLL ? "Jobs by polling" : "Jobs by webhook", phase.requests(),
          side -> count(side.requests())));
      lines.add(row("  per finished job", phase.requests(), side -> ratio(side.requests(), finished)));
    }
    if (r.inbound().isPresent()) {
      BenchmarkResult.InboundPhase inbound = r.inbound().get();
      long arrivedInbound = inbound.result().arrived();
      all = all.plus(inbound.requests());
      lines.add(row("Inbound phase", inbound.requests(), side -> count(side.requests())));
      lines.add(row("  per arrived change", inbound.requests(), side -> ratio(side.requests(), arrivedInbound)));
    }
    lines.add(row("Mean response time", all, side -> side.timed() == 0 ? "-" : millis(side.millis() / side.timed())));
    lines.add(row("429 Too Many Requests", all, side -> count(side.throttled())));
    long unread = unread(all);
    if (unread > 0) {
      lines.add("  (" + count(unread) + " requests left the request logs unread: 429 counts may be low)");
    }
    return lines;
  }

  private static long unread(RequestCounts c) {
    return c.dataverse().requests() - c.dataverse().timed() + c.tokens().requests() - c.tokens().timed()
        + c.mailplus().requests() - c.mailplus().timed();
  }

  private static List<String> memory(BenchmarkResult.Memory m) {
    List<String> lines = new ArrayList<>();
    lines.add("Connector JVM memory (initial load, changes and jobs)");
    lines.add(field("Peak heap used", megabytes(m.heap().peakUsedBytes()) + " of -Xmx" + m.maxHeap()
        + " (most in use before a GC pause; " + m.heap().pauses() + " pauses)"));
    lines.add(field("Heap after GC", megabytes(m.heap().maxAfterCollectionBytes())
        + " at most (live data, plus old garbage a young collection leaves)"));
    lines.add(field("Peak resident memory", megabytes(m.peakResidentBytes()) + " (VmHWM: heap, code, threads, SQLite)"));
    return lines;
  }

  private static String row(String label, RequestCounts c, Function<RequestCounts.Side, String> figure) {
    return String.format(Locale.ROOT, ROW, label, figure.apply(c.dataverse()), figure.apply(c.tokens()),
        figure.apply(c.mailplus()));
  }

  private static String field(String label, String value) {
    return String.format(Locale.ROOT, "  %-22s %s", label, value);
  }

  private static String ratio(long requests, long records) {
    return records == 0 ? "-" : String.format(Locale.ROOT, "%.4f", (double) requests / records);
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String number(double n) {
    return n == Math.rint(n) ? count((long) n) : String.format(Locale.ROOT, "%.2f", n);
  }

  private static String load(double average) {
    return average < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", average);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private static String perSecond(long records, Duration d) {
    return d.toMillis() <= 0 ? "-" : String.format(Locale.ROOT, "%,.0f", records * 1000.0 / d.toMillis());
  }

  private static String millis(long ms) {
    return count(ms) + " ms";
  }

  private static String millis(OptionalLong ms) {
    return ms.isPresent() ? millis(ms.getAsLong()) : "-";
  }

  private static String megabytes(OptionalLong bytes) {
    return bytes.isPresent() ? String.format(Locale.ROOT, "%,d MB", bytes.getAsLong() >> 20) : "n/a";
  }
}
