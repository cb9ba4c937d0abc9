package org.spotlerconnector.sandbox.mailplus;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** Counts calls per consumer key in fixed windows and tells how long a caller over the limit must wait. */
final class RateLimiter {
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private volatile RateLimit limit;

  RateLimiter(Clock clock, RateLimit limit) {
    this.clock = clock;
    this.limit = limit;
  }

  private record Window(long startMillis, int count) {}

  void limit(RateLimit newLimit) {
    limit = newLimit;
    windows.clear();
  }

  Optional<RateLimit> limit() {
    return Optional.ofNullable(limit);
  }

  /** Counts one call; empty when it is allowed, otherwise the seconds until the window ends (at least 1). */
  OptionalLong acquire(String consumerKey) {
    RateLimit current = limit;
    if (current == null) {
      return OptionalLong.empty();
    }
    long now = clock.millis();
    long windowMillis = current.window().toMillis();
    Window window =
        windows.compute(
            consumerKey,
            (k, w) -> w == null || now - w.startMillis() >= windowMillis ? new Window(now, 1) : new Window(w.startMillis(), w.count() + 1));
    if (window.count() <= current.requests()) {
      return OptionalLong.empty();
    }
    long remainingMillis = window.startMillis() + windowMillis - now;
    return OptionalLong.of(Math.max(1, (remainingMillis + 999) / 1000));
  }

  void clear() {
    windows.clear();
  }
}
