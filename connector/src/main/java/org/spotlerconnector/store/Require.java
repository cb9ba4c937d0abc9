package org.spotlerconnector.store;

import java.util.Objects;

/** Argument checks with messages that name the argument. */
final class Require {
  private Require() {}

  static String notBlank(String value, String name) {
    Objects.requireNonNull(value, () -> name + " cannot be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " cannot be blank");
    }
    return value;
  }

  static int positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
    return value;
  }
}
