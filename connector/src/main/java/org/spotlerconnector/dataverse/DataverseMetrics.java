package org.spotlerconnector.dataverse;

import java.time.Duration;

/**
 * Hooks for counting what the Dataverse client does, so that a metrics registry can be plugged in without the client
 * depending on one. Implementations must be thread-safe and fast; every method defaults to doing nothing.
 */
public interface DataverseMetrics {
  DataverseMetrics NONE = new DataverseMetrics() {};

  /** An HTTP exchange finished; {@code status} 0 means no answer arrived. */
  default void requestCompleted(String method, int status, Duration elapsed) {}

  /** Dataverse answered 429; every request of this connection now waits {@code retryAfter}. */
  default void throttled(Duration retryAfter) {}

  /** A request waited this long for the {@link RequestBudget} before it was sent. */
  default void budgetWaited(Duration waited) {}

  /** A failed attempt will be tried again. */
  default void retried(String method, int status) {}
}
