package org.spotlerconnector.app;

import java.util.List;
import java.util.Locale;

/** The {@code benchmark-lists} figures as a Markdown table, the way the README shows them. */
final class ListBenchmarkReport {
  private ListBenchmarkReport() {}

  static String text(ListBenchmarkSettings settings, List<ListBenchmark.Measurement> measurements) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Marketing list sync: lists of %,d members, %d ms latency (+ up to %d ms)"
        + " on every call%n%n", settings.members(), settings.latencyMillis(), settings.jitterMillis()));
    out.append("| List | Sync | Time | Dataverse requests | Mail+ requests | Audience complete |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (ListBenchmark.Measurement m : measurements) {
      out.append(String.format(Locale.ROOT, "| %s | %s: %,d added, %,d removed | %.1f s | %d (%d reading the list) |"
              + " %d (%d to the audience) | %s |%n",
          m.kind().name().toLowerCase(Locale.ROOT), m.sync(), m.report().added(), m.report().removed(),
          m.elapsed().toMillis() / 1000.0, m.listReads() + m.otherDataverse(), m.listReads(),
          m.audienceCalls() + m.otherMailPlus(), m.audienceCalls(), m.audienceMatches() ? "yes" : "NO"));
    }
    return out.toString();
  }

  static boolean complete(List<ListBenchmark.Measurement> measurements) {
    return measurements.stream().allMatch(ListBenchmark.Measurement::audienceMatches);
  }
}
