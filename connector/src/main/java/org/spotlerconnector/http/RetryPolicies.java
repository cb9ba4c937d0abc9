package org.spotlerconnector.http;

import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The retry rule both API clients share: retry transient failures (429, 5xx, network errors) with exponential backoff
 * and jitter, but when the server says {@code Retry-After}, wait exactly that long (never shortened by jitter). Anything
 * else (400, 401, 403, 404, ...) is not retried: repeating it cannot help.
 *
 * <p>Only for idempotent calls: a timeout is retried like any network error.
 */
public final class RetryPolicies {
  private static final double JITTER = 0.25;

  private RetryPolicies() {}

  /**
   * @param maxRetries how many times to retry after the first attempt
   * @param initialDelay the first backoff delay when the server gives no Retry-After
   * @param maxDelay the cap for the backoff delay (a Retry-After above it is still honoured)
   */
  public static <T> RetryPolicy<T> transientFailures(int maxRetries, Duration initialDelay, Duration maxDelay) {
    return RetryPolicy.<T>builder()
        .handle(TransientHttpException.class, IOException.class)
        .withMaxRetries(maxRetries)
        .withDelayFn(
            context -> {
              Throwable failure = context.getLastException();
              if (failure instanceof TransientHttpException t && t.retryAfter().isPresent()) {
                return t.retryAfter().get();
              }
              return backoff(context.getAttemptCount(), initialDelay, maxDelay);
            })
        .build();
  }

  /** Exponential backoff with ±25% jitter, so that many clients that failed together do not retry together. */
  static Duration backoff(int attempt, Duration initialDelay, Duration maxDelay) {
    double exponential = initialDelay.toMillis() * Math.pow(2, Math.max(0, attempt - 1));
    double capped = Math.min(exponential, maxDelay.toMillis());
    double jittered = capped * (1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER));
    return Duration.ofMillis(Math.max(1, Math.round(jittered)));
  }
}
