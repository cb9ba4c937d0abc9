package org.spotlerconnector.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The Spotler permissions ({@code @map(permissions)}): how often the environment variable {@code <p>_permissions}
 * gets Spotler's current permission list, as the manual says the connector does daily.
 *
 * @param refreshEvery how often the list is refreshed, once at start-up too; {@link Duration#ZERO} when never. The
 *     variable's value {@code ;} switches the refresh off as well, from Dynamics 365
 */
public record PermissionsSyncConfig(Duration refreshEvery) {
  public static final Duration DEFAULT_REFRESH_EVERY = Duration.ofHours(24);
  public static final PermissionsSyncConfig DEFAULT = new PermissionsSyncConfig(DEFAULT_REFRESH_EVERY);

  public PermissionsSyncConfig {
    Objects.requireNonNull(refreshEvery, "refreshEvery");
  }

  /** Whether the list is refreshed on a schedule. */
  public boolean refreshes() {
    return !refreshEvery.isZero();
  }
}
