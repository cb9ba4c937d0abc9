package org.spotlerconnector.dataverse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A weighted count over a sliding time window, the way Dataverse counts requests and execution time (dataverse-api.md
 * §6). Not thread-safe: {@link RequestBudget} guards it.
 */
final class SlidingWindow {
  private record Entry(Instant at, long weight) {}

  private final long limit;
  private final Duration length;
  private final Deque<Entry> entries = new ArrayDeque<>();
  private long total;

  SlidingWindow(long limit, Duration length) {
    this.limit = limit;
    this.length = length;
  }

  /**
   * How long until {@code weight} more fits under the limit: zero if it fits now. A weight above the limit is treated
   * as the whole limit, so that it waits for an empty window instead of forever.
   */
  Duration waitFor(Instant now, long weight) {
    evictUntil(now);
    long excess = total + Math.min(weight, limit) - limit;
    if (excess <= 0) {
      return Duration.ZERO;
    }
    long freed = 0;
    for (Entry entry : entries) {
      freed += entry.weight();
      if (freed >= excess) {
        return Duration.between(now, entry.at().plus(length));
      }
    }
    throw new IllegalStateException("the window holds less than its total; indicates a bug");
  }

  void record(Instant now, long weight) {
    long clamped = Math.min(weight, limit);
    entries.addLast(new Entry(now, clamped));
    total += clamped;
  }

  long total(Instant now) {
    evictUntil(now);
    return total;
  }

  private void evictUntil(Instant now) {
    while (!entries.isEmpty() && !entries.peekFirst().at().plus(length).isAfter(now)) {
      total -= entries.removeFirst().weight();
    }
  }
}
