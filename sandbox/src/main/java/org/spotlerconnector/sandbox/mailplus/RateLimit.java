package org.spotlerconnector.sandbox.mailplus;

import java.time.Duration;

/**
 * At most {@code requests} API calls per consumer key in each fixed {@code window}. Mail+ publishes no limit
 * (spotler-api.md §7.2), so the sandbox has none unless one is set.
 */
public record RateLimit(int requests, Duration window) {
  public RateLimit {
    if (requests < 1) {
      throw new IllegalArgumentException("requests must be at least 1");
    }
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive");
    }
  }

  public static RateLimit perSeconds(int requests, long windowSeconds) {
    return new RateLimit(requests, Duration.ofSeconds(windowSeconds));
  }
}
