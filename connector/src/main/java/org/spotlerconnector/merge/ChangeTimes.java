package org.spotlerconnector.merge;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When each side last changed the record: Dataverse's {@code modifiedon} and Spotler's {@code lastChanged}. Only the
 * {@link ConflictRule#NEWEST} rule reads them.
 */
public record ChangeTimes(Optional<Instant> dynamics, Optional<Instant> spotler) {
  public ChangeTimes {
    Objects.requireNonNull(dynamics, "dynamics");
    Objects.requireNonNull(spotler, "spotler");
  }

  public static ChangeTimes of(Instant dynamics, Instant spotler) {
    return new ChangeTimes(Optional.ofNullable(dynamics), Optional.ofNullable(spotler));
  }

  public static ChangeTimes unknown() {
    return new ChangeTimes(Optional.empty(), Optional.empty());
  }

  /**
   * Spotler when it changed strictly later; Dynamics 365 on a tie, and when either time is unknown, as the default
   * rule would decide.
   */
  Side newest() {
    boolean spotlerLater = dynamics.isPresent() && spotler.isPresent() && spotler.get().isAfter(dynamics.get());
    return spotlerLater ? Side.SPOTLER : Side.DYNAMICS;
  }
}
