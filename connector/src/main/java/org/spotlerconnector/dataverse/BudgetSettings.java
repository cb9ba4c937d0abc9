package org.spotlerconnector.dataverse;

import java.time.Duration;
import java.util.Objects;

/**
 * The share of Dataverse's service protection limits one connection may use (dataverse-api.md §6). Dataverse counts
 * per user (here: the application user behind the client id) over a sliding 5-minute window: 6,000 requests,
 * 1,200 s of combined execution time and 52 concurrent requests. The defaults stay 10% under the request and time
 * limits and well under the concurrency limit, leaving room for other clients of the same application user (the
 * operator's own tools, a second connector node) and for the limits varying between environments. When several
 * connector nodes share one application user, divide these numbers between them.
 *
 * @param maxRequests requests per {@code window}; each operation inside a {@code $batch} counts as one
 * @param window the sliding window the requests and the execution time are counted over
 * @param maxConcurrentRequests requests in flight at once
 * @param maxExecutionTime combined duration of the requests completed within {@code window}, as measured here
 */
public record BudgetSettings(
    int maxRequests, Duration window, int maxConcurrentRequests, Duration maxExecutionTime) {

  public static final BudgetSettings DEFAULTS =
      new BudgetSettings(5_400, Duration.ofMinutes(5), 32, Duration.ofSeconds(1_080));

  public BudgetSettings {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(maxExecutionTime, "maxExecutionTime");
    if (maxRequests < 1 || maxConcurrentRequests < 1) {
      throw new IllegalArgumentException("maxRequests and maxConcurrentRequests must be >= 1");
    }
    if (window.isNegative() || window.isZero() || maxExecutionTime.isNegative() || maxExecutionTime.isZero()) {
      throw new IllegalArgumentException("window and maxExecutionTime must be positive");
    }
  }
}
