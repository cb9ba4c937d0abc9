package org.spotlerconnector.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The Dataverse service protection limits the connector keeps under, per application user: requests and execution
 * time per sliding window, and concurrent requests. The defaults are Dataverse's published limits; set lower values
 * to leave room for other integrations that use the same application user.
 */
public record DataverseBudget(
    int requestsPerWindow, Duration executionTimePerWindow, Duration window, int maxConcurrentRequests) {
  public static final int DEFAULT_REQUESTS_PER_WINDOW = 6_000;
  public static final Duration DEFAULT_EXECUTION_TIME_PER_WINDOW = Duration.ofSeconds(1_200);
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 52;
  public static final DataverseBudget DEFAULT =
      new DataverseBudget(
          DEFAULT_REQUESTS_PER_WINDOW,
          DEFAULT_EXECUTION_TIME_PER_WINDOW,
          DEFAULT_WINDOW,
          DEFAULT_MAX_CONCURRENT_REQUESTS);

  public DataverseBudget {
    Objects.requireNonNull(executionTimePerWindow, "executionTimePerWindow");
    Objects.requireNonNull(window, "window");
  }
}
