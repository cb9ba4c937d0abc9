package org.spotlerconnector.dataverse.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * When a cached token should be renewed: five minutes before it expires (the buffer MSAL4J uses), or after 80% of its
 * lifetime when the lifetime is short, so that a token is never used right up to its last second.
 */
record RefreshSchedule(AccessToken token, Instant refreshAt) {
  private static final Duration MAX_MARGIN = Duration.ofMinutes(5);
  private static final int MARGIN_PERCENT = 20;

  static RefreshSchedule of(AccessToken token, Instant issuedAt) {
    Duration lifetime = Duration.between(issuedAt, token.expiresAt());
    Duration share = lifetime.isNegative() ? Duration.ZERO : lifetime.multipliedBy(MARGIN_PERCENT).dividedBy(100);
    Duration margin = share.compareTo(MAX_MARGIN) < 0 ? share : MAX_MARGIN;
    return new RefreshSchedule(token, token.expiresAt().minus(margin));
  }

  /** Not yet due for renewal. */
  boolean fresh(Instant now) {
    return now.isBefore(refreshAt);
  }

  /** Still accepted by the server, though perhaps due for renewal. */
  boolean usable(Instant now) {
    return now.isBefore(token.expiresAt());
  }
}
