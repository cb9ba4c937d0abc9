package org.spotlerconnector.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line progress bar with rate and ETA for long work such as an initial load. On a terminal it redraws itself in
 * place; otherwise (a log file, CI) it prints a plain line at most every {@code plainInterval}.
 */
public final class ProgressBar {
  private static final int WIDTH = 30;

  private final String label;
  private final PrintWriter out;
  private final Clock clock;
  private final boolean interactive;
  private final Duration redrawInterval;
  private final long startMillis;
  private long total;
  private long done;
  private long lastDrawMillis;

  public ProgressBar(String label, long total, PrintWriter out, Clock clock, boolean interactive) {
    this.label = label;
    this.total = total;
    this.out = out;
    this.clock = clock;
    this.interactive = interactive;
    this.redrawInterval = interactive ? Duration.ofMillis(200) : Duration.ofSeconds(5);
    this.startMillis = clock.millis();
    this.lastDrawMillis = startMillis - redrawInterval.toMillis();
  }

  /** Total may be unknown (0) at first and learnt later, e.g. from {@code @odata.count}. */
  public synchronized void total(long newTotal) {
    this.total = newTotal;
  }

  public synchronized void advance(long count) {
    done += count;
    long now = clock.millis();
    if (now - lastDrawMillis >= redrawInterval.toMillis()) {
      lastDrawMillis = now;
      draw(now, false);
    }
  }

  public synchronized void finish() {
    draw(clock.millis(), true);
  }

  /** The text of the line as it would be drawn now; visible for tests. */
  synchronized String line(long nowMillis) {
    double seconds = Math.max(0.001, (nowMillis - startMillis) / 1000.0);
    double rate = done / seconds;
    StringBuilder s = new StringBuilder(label).append(' ');
    if (total > 0) {
      double fraction = Math.min(1.0, (double) done / total);
      int filled = (int) Math.round(fraction * WIDTH);
      s.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
      s.append(String.format(Locale.ROOT, "%d/%d (%.0f%%)", done, total, fraction * 100));
    } else {
      s.append(done);
    }
    s.append(String.format(Locale.ROOT, " %.0f/s", rate));
    if (total > 0 && done < total && rate > 0) {
      s.append(" ETA ").append(format(Duration.ofSeconds(Math.round((total - done) / rate))));
    } else {
      s.append(" elapsed ").append(format(Duration.ofSeconds(Math.round(seconds))));
    }
    return s.toString();
  }

  private void draw(long now, boolean last) {
    String line = line(now);
    if (interactive) {
      out.print("\r" + line + "\u001b[K" + (last ? "\n" : ""));
    } else {
      out.println(line);
    }
    out.flush();
  }

  static String format(Duration d) {
    long s = d.getSeconds();
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
