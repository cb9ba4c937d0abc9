package org.spotlerconnector.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spotlerconnector.cli.ConnectorMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code benchmark-lists}: the time and the requests a marketing list's sync to its Spotler audience takes, from
 * scratch and after a 1% change, for a static and a dynamic list.
 */
@Command(name = "benchmark-lists", mixinStandardHelpOptions = true,
    description = {
        "Measures the sync of marketing lists to Spotler audiences against the sandbox emulators: the time and the "
            + "Dataverse and Mail+ requests to sync a static and a dynamic list from scratch, and again after 1% of "
            + "the members changed (half left, half joined). The members are in Spotler already, as the outbound "
            + "sync leaves them; the connector runs in this JVM.",
        "Exits 0 when every audience ended up with exactly the list's members, " + ConnectorMain.EXIT_NOT_CAUGHT_UP
            + " otherwise."})
final class ListBenchmarkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--members", paramLabel = "<n>", defaultValue = "100000",
      description = "Members of each list (default: ${DEFAULT-VALUE}).")
  int members;

  @Option(names = "--lists", paramLabel = "static|dynamic|both", defaultValue = "both",
      description = "The lists measured (default: ${DEFAULT-VALUE}).")
  String lists;

  @Option(names = "--latency-ms", paramLabel = "<ms>", defaultValue = "50",
      description = "Latency added to every API call of all three emulators (default: ${DEFAULT-VALUE}).")
  long latencyMillis;

  @Option(names = "--jitter-ms", paramLabel = "<ms>", defaultValue = "5",
      description = "Random extra latency of up to this much (default: ${DEFAULT-VALUE}).")
  long jitterMillis;

  @Option(names = "--spotler-requests-per-second", paramLabel = "<per second>", defaultValue = "50",
      description = "The connector's own Mail+ request rate, spotler.requestsPerSecond (default: ${DEFAULT-VALUE}).")
  double spotlerRequestsPerSecond;

  @Override
  public Integer call() throws Exception {
    ListBenchmarkSettings settings = settings();
    List<ListBenchmark.Measurement> measurements = new ListBenchmark(settings).run();
    PrintWriter out = spec.commandLine().getOut();
    out.print(ListBenchmarkReport.text(settings, measurements));
    out.flush();
    return ListBenchmarkReport.complete(measurements) ? 0 : ConnectorMain.EXIT_NOT_CAUGHT_UP;
  }

  private ListBenchmarkSettings settings() {
    try {
      return new ListBenchmarkSettings(members, kinds(), latencyMillis, jitterMillis, spotlerRequestsPerSecond);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private List<ListBenchmark.ListKind> kinds() {
    String value = lists.strip().toLowerCase(Locale.ROOT);
    List<ListBenchmark.ListKind> kinds = new ArrayList<>();
    if (value.equals("static") || value.equals("both")) {
      kinds.add(ListBenchmark.ListKind.STATIC);
    }
    if (value.equals("dynamic") || value.equals("both")) {
      kinds.add(ListBenchmark.ListKind.DYNAMIC);
    }
    return kinds;
  }
}
