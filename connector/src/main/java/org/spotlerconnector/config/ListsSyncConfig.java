package org.spotlerconnector.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Marketing lists synced to Spotler audiences: how often every list marked for sync is refreshed, and what happens to
 * the audience of a list that is deleted or no longer marked.
 *
 * @param refreshEvery how often the lists are refreshed, once at start-up too; {@link Duration#ZERO} when only Sync
 *     Marketing List jobs sync them
 * @param onRemove delete or keep the audience of a list that stopped being synced
 */
public record ListsSyncConfig(Duration refreshEvery, AudienceRemoval onRemove) {
  public static final Duration DEFAULT_REFRESH_EVERY = Duration.ofHours(1);
  public static final ListsSyncConfig DEFAULT = new ListsSyncConfig(DEFAULT_REFRESH_EVERY, AudienceRemoval.DEFAULT);

  public ListsSyncConfig {
    Objects.requireNonNull(refreshEvery, "refreshEvery");
    Objects.requireNonNull(onRemove, "onRemove");
  }

  /** Whether the lists are refreshed on a schedule. */
  public boolean refreshes() {
    return !refreshEvery.isZero();
  }
}
