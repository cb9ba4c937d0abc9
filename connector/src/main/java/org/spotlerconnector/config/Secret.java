package org.spotlerconnector.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential from the configuration. Its {@link #toString()} never shows the value, so a secret cannot leak through a
 * log line, an exception message or a record's {@code toString}; only {@link #reveal()} gives it out.
 */
public final class Secret {
  private static final String MASK = "****";

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The value itself: call it only where the credential is handed to the code that uses it. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), secret.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return MASK;
  }
}
