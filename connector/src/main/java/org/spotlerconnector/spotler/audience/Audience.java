package org.spotlerconnector.spotler.audience;

import java.util.Objects;

/**
 * An audience as Mail+ shows and takes it ({@code Audience}, {@code CreateAudienceRequest}): the caller's id, a name
 * unique in the account (1 to 255 characters) and an optional description. Mail+'s dates are left out: the connector
 * does not use them.
 */
public record Audience(String externalId, String name, String description) {
  /** The longest name and externalId Mail+ accepts. */
  public static final int MAX_LENGTH = 255;

  public Audience {
    requireText(externalId, "externalId");
    requireText(name, "name");
  }

  public Audience withName(String newName) {
    return new Audience(externalId, newName, description);
  }

  private static void requireText(String value, String what) {
    Objects.requireNonNull(value, what + " cannot be null");
    if (value.isBlank() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "an audience " + what + " has 1 to " + MAX_LENGTH + " characters, not " + value.length());
    }
  }
}
