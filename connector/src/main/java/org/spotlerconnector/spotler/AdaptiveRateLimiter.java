package org.spotlerconnector.spotler;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces requests evenly at no more than a configured rate, and adapts: a 429 halves the rate, every success climbs
 * back by a twentieth of the configured rate. Mail+ publishes no limit (spotler-api.md §7.2), so the client learns
 * it. Requests are spaced, not bursted, so that a limit on any window size is respected.
 *
 * <p>Thread-safe.
 */
final class AdaptiveRateLimiter {
  /** The rate never drops below this fraction of the configured one, so that work keeps moving. */
  static final double FLOOR_FRACTION = 1.0 / 32;
  /** A success adds this fraction of the configured rate: 20 successes recover from any single halving. */
  static final double RECOVERY_FRACTION = 1.0 / 20;

  /** Waits; a seam so tests can turn time forward without sleeping. */
  interface Sleeper {
    void sleepNanos(long nanos) throws InterruptedException;
  }

  private final double maxPerSecond;
  private final LongSupplier nanoTicker;
  private final Sleeper sleeper;
  private double currentPerSecond;
  private long nextFreeNanos;

  AdaptiveRateLimiter(double maxPerSecond) {
    this(maxPerSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
  }

  AdaptiveRateLimiter(double maxPerSecond, LongSupplier nanoTicker, Sleeper sleeper) {
    this.maxPerSecond = maxPerSecond;
    this.currentPerSecond = maxPerSecond;
    this.nanoTicker = nanoTicker;
    this.sleeper = sleeper;
    this.nextFreeNanos = nanoTicker.getAsLong();
  }

  /** Blocks until this caller may send its request. */
  void acquire() throws InterruptedException {
    long waitNanos;
    synchronized (this) {
      long now = nanoTicker.getAsLong();
      long slot = Math.max(now, nextFreeNanos);
      nextFreeNanos = slot + (long) (TimeUnit.SECONDS.toNanos(1) / currentPerSecond);
      waitNanos = slot - now;
    }
    if (waitNanos > 0) {
      sleeper.sleepNanos(waitNanos);
    }
  }

  /** Mail+ answered 429: send at half the rate from now on. */
  synchronized void onThrottled() {
    currentPerSecond = Math.max(maxPerSecond * FLOOR_FRACTION, currentPerSecond / 2);
  }

  /** A call succeeded: creep back towards the configured rate. */
  synchronized void onSuccess() {
    currentPerSecond = Math.min(maxPerSecond, currentPerSecond + maxPerSecond * RECOVERY_FRACTION);
  }

  synchronized double currentPerSecond() {
    return currentPerSecond;
  }
}
