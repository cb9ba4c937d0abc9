package org.spotlerconnector.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.OptionalLong;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.sync.SyncListener;

/**
 * One progress bar for the initial load of every table: records finished (sent, removed, unchanged or parked) out of
 * the records Dataverse holds. Drawn only while an initial load runs.
 */
public final class ConsoleProgress implements SyncListener {
  private final PrintWriter out;
  private volatile ProgressBar bar;
  private volatile long total;
  private int loading;

  public ConsoleProgress(PrintWriter out) {
    this.out = out;
  }

  public void total(OptionalLong records) {
    total = records.orElse(0);
    ProgressBar current = bar;
    if (current != null) {
      current.total(total);
    }
  }

  @Override
  public synchronized void initialLoadStarted(SourceTable table) {
    if (loading++ == 0 && bar == null) {
      bar = new ProgressBar("initial load", total, out, Clock.systemUTC(), System.console() != null);
    }
  }

  @Override
  public void rowsRead(SourceTable table, int rows, int queued) {
    advance(rows - queued); // unchanged rows are finished without being queued
  }

  @Override
  public void changesFinished(SourceTable table, int sent, int removed, int unchanged, int rejected) {
    advance(sent + removed + unchanged + rejected);
  }

  public void finish() {
    ProgressBar current = bar;
    if (current != null) {
      current.finish();
    }
  }

  private void advance(int count) {
    ProgressBar current = bar;
    if (current != null && count > 0) {
      current.advance(count);
    }
  }
}
