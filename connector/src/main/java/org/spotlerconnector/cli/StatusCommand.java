package org.spotlerconnector.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.spotlerconnector.config.ConnectorConfig;
import org.spotlerconnector.runtime.StoreOpener;
import org.spotlerconnector.store.DeltaLinkState;
import org.spotlerconnector.store.QueueCounts;
import org.spotlerconnector.store.QueuedChange;
import org.spotlerconnector.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code status}: what the local store says, without calling either service. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Shows the sync position per table, the queue, and the records parked for a person with the reason.")
final class StatusCommand extends ConnectorMain.WithConfig implements Callable<Integer> {
  @Option(names = "--limit", defaultValue = "50", description = "Parked records to list (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    ConnectorConfig config = loadConfig();
    String connection = config.connection().id();
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = StoreOpener.open(config.store())) {
      out.printf("Connection %s, store %s%n%n", connection, config.store().redactedUrl());
      for (DeltaLinkState state : store.deltaLinks().findAll(connection)) {
        out.printf("  %-10s %s, position saved %s%n", state.tableName(),
            state.initialLoadComplete() ? "initial load done, following changes" : "initial load in progress", state.savedAt());
      }
      QueueCounts queue = store.outboundQueue().counts(connection);
      out.printf("%n  queue: %d waiting, %d being sent, %d parked%n", queue.pending(), queue.inFlight(), queue.parked());
      for (QueuedChange parked : store.outboundQueue().parked(connection, limit)) {
        out.printf("  parked %s %s (%s): %s%n", parked.tableName(), parked.recordId(), parked.kind(), parked.lastError());
      }
    }
    out.flush();
    return 0;
  }
}
