package org.spotlerconnector.http;

import java.time.Duration;
import java.util.Optional;

/**
 * A call that failed in a way worth retrying: 429, a 5xx, or no answer at all. Carries the server's
 * {@code Retry-After} so the retry waits exactly that long.
 */
public class TransientHttpException extends RuntimeException {
  private final int status;
  private final Duration retryAfter;

  public TransientHttpException(String message, int status, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** The HTTP status, or 0 when the connection failed before an answer came. */
  public int status() {
    return status;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
