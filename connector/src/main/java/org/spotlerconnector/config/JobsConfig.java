package org.spotlerconnector.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Spotler Jobs: whether this connector runs them, where their tables are (the customisation prefix and option value
 * prefix that {@code install} used), and how it polls and retries.
 *
 * @param enabled run Spotler Jobs; when the job table is not installed the connector says so and runs none
 * @param prefix the customisation prefix of the connector's tables, e.g. {@code spot} for {@code spot_spotlerjob}
 * @param optionValuePrefix the publisher's option value prefix (10000 to 99999)
 * @param pollInterval how often queued jobs are looked for
 * @param threads how many jobs run at the same time
 * @param maxAttempts attempts before a transient failure fails the job
 * @param refreshAutomationsEvery how often the automation table is refreshed from Spotler, once at start-up too;
 *     {@link Duration#ZERO} when only Refresh Automations jobs refresh it
 */
public record JobsConfig(
    boolean enabled,
    String prefix,
    int optionValuePrefix,
    Duration pollInterval,
    int threads,
    int maxAttempts,
    Duration refreshAutomationsEvery) {
  public static final String DEFAULT_PREFIX = "spot";
  public static final int DEFAULT_OPTION_VALUE_PREFIX = 10_000;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
  public static final int DEFAULT_THREADS = 4;
  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  /** Twice a day: automations change seldom, and a user can always run Refresh Automations as a job. */
  public static final Duration DEFAULT_REFRESH_AUTOMATIONS_EVERY = Duration.ofHours(12);
  public static final JobsConfig DEFAULT = new JobsConfig(
      true, DEFAULT_PREFIX, DEFAULT_OPTION_VALUE_PREFIX, DEFAULT_POLL_INTERVAL, DEFAULT_THREADS, DEFAULT_MAX_ATTEMPTS,
      DEFAULT_REFRESH_AUTOMATIONS_EVERY);

  public JobsConfig {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(refreshAutomationsEvery, "refreshAutomationsEvery");
  }

  /** Whether the automation table is refreshed on a schedule. */
  public boolean refreshesAutomations() {
    return !refreshAutomationsEvery.isZero();
  }
}
