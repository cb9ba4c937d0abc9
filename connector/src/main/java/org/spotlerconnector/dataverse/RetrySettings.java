package org.spotlerconnector.dataverse;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently transient failures (429, 5xx, network errors) are retried. A server's
 * {@code Retry-After} is always waited in full, even when it is longer than {@code maxDelay}.
 *
 * @param maxRetries retries after the first attempt
 * @param initialDelay the first backoff delay when the server gives no Retry-After
 * @param maxDelay the cap of the exponential backoff
 */
public record RetrySettings(int maxRetries, Duration initialDelay, Duration maxDelay) {
  public static final RetrySettings DEFAULTS = new RetrySettings(6, Duration.ofSeconds(1), Duration.ofMinutes(1));

  public RetrySettings {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0");
    }
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("need 0 < initialDelay <= maxDelay");
    }
  }
}
