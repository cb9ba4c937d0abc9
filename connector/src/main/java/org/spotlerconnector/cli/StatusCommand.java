package org.spotlerconnector.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.spotlerconnector.config.ConnectorConfig;
import org.spotlerconnector.runtime.StoreOpener;
import org.spotlerconnector.store.DeltaLinkState;
import org.spotlerconnector.store.QueueCounts;
import org.spotlerconnector.store.QueuedChange;
import org.spotlerconnector.store.RecordedConflict;
import org.spotlerconnector.store.Store;
import org.spotlerconnector.store.SyncConflict;
import org.spotlerconnector.sync.inbound.InboundSync;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code status}: what the local store says, without calling either service. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Shows the sync position per table, the queue, the records parked for a person with the reason,"
        + " where Spotler's changes were read up to, and the most recent two-way conflicts.")
final class StatusCommand extends ConnectorMain.WithConfig implements Callable<Integer> {
  private static final int RECENT_CONFLICTS = 10;

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
      printInbound(out, store, connection);
    }
    out.flush();
    return 0;
  }

  /** Where Spotler's changes were read up to, and the two-way sync's conflicts: field, winner, never the values. */
  private static void printInbound(PrintWriter out, Store store, String connection) {
    Optional<Instant> readUpTo = store.inboundCursor().windowEnd(connection, InboundSync.FEED);
    out.printf("%n  Spotler changes: %s%n", readUpTo.map(end -> "read up to " + end).orElse("never read"));
    long conflicts = store.conflicts().count(connection);
    out.printf("  conflicts: %d recorded%s%n", conflicts, conflicts > RECENT_CONFLICTS
        ? ", the " + RECENT_CONFLICTS + " most recent:" : conflicts > 0 ? ":" : "");
    for (RecordedConflict recorded : store.conflicts().recent(connection, RECENT_CONFLICTS)) {
      SyncConflict conflict = recorded.conflict();
      out.printf("  conflict %s %s %s %s: %s won (rule %s)%n", conflict.detectedAt(), conflict.tableName(),
          conflict.recordId(), conflict.field(), conflict.winner(), conflict.rule());
    }
  }
}
