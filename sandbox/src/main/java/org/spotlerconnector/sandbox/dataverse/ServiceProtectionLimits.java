package org.spotlerconnector.sandbox.dataverse;

import java.time.Duration;

/**
 * The service protection limits per user over a sliding window (dataverse-api.md §6): number of requests, combined
 * execution time, and concurrent requests. The defaults are the documented ones: 6,000 requests and 20 minutes of
 * execution time per 300 seconds, 52 concurrent requests.
 */
public record ServiceProtectionLimits(int requests, Duration window, Duration executionTime, int concurrency) {
  public static final ServiceProtectionLimits DEFAULTS =
      new ServiceProtectionLimits(6_000, Duration.ofSeconds(300), Duration.ofMillis(1_200_000), 52);

  public ServiceProtectionLimits {
    if (requests < 1 || concurrency < 1) {
      throw new IllegalArgumentException("requests and concurrency must be >= 1");
    }
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive");
    }
    if (executionTime == null || executionTime.isNegative() || executionTime.isZero()) {
      throw new IllegalArgumentException("executionTime must be positive");
    }
  }

  public ServiceProtectionLimits withRequests(int n) {
    return new ServiceProtectionLimits(n, window, executionTime, concurrency);
  }

  public ServiceProtectionLimits withWindow(Duration w) {
    return new ServiceProtectionLimits(requests, w, executionTime, concurrency);
  }

  public ServiceProtectionLimits withExecutionTime(Duration t) {
    return new ServiceProtectionLimits(requests, window, t, concurrency);
  }

  public ServiceProtectionLimits withConcurrency(int n) {
    return new ServiceProtectionLimits(requests, window, executionTime, n);
  }
}
