package org.spotlerconnector.dataverse.auth;

import java.time.Instant;
import java.util.Objects;

/** A bearer token and the moment it stops being accepted. {@link #toString()} never shows the token. */
public record AccessToken(String value, Instant expiresAt) {
  public AccessToken {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "AccessToken[expiresAt=" + expiresAt + "]";
  }
}
