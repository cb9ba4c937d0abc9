package org.spotlerconnector.sync.inbound;

import java.time.Duration;
import java.util.Objects;
import org.spotlerconnector.config.InboundSyncConfig;

/**
 * How the inbound sync runs.
 *
 * @param connectionId the connection whose rows the store keeps
 * @param pollInterval how often the changes feed is read
 * @param overlap how far each window starts before the previous one ended
 * @param pageSize contacts per page of the changes feed
 * @param settleMargin how far behind the clock each window ends: a change Spotler stamps a little late (another clock,
 *     or a write still under way) falls in a later window rather than being missed by this one
 */
public record InboundSyncSettings(
    String connectionId, Duration pollInterval, Duration overlap, int pageSize, Duration settleMargin) {
  public static final Duration DEFAULT_SETTLE_MARGIN = Duration.ofSeconds(1);

  public InboundSyncSettings {
    Objects.requireNonNull(connectionId, "connectionId");
    requirePositive(pollInterval, "pollInterval");
    requirePositive(overlap, "overlap");
    Objects.requireNonNull(settleMargin, "settleMargin");
    if (settleMargin.isNegative()) {
      throw new IllegalArgumentException("settleMargin cannot be negative");
    }
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1");
    }
  }

  public static InboundSyncSettings of(String connectionId, InboundSyncConfig config) {
    return new InboundSyncSettings(
        connectionId, config.pollInterval(), config.overlap(), config.pageSize(), DEFAULT_SETTLE_MARGIN);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
