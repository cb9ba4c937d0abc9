package org.spotlerconnector.sandbox.mailplus;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/** The identifiers Mail+ hands out: UUIDs for automations and triggers (spec: {@code format: uuid}), hex elsewhere. */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  static boolean isUuid(String text) {
    try {
      return UUID.fromString(text).toString().equalsIgnoreCase(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static void requireUuid(String text, String what) {
    if (!isUuid(text)) {
      throw new IllegalArgumentException(what + " is a UUID: '" + text + "'");
    }
  }

  /** An opaque id in the style of the spec's {@code encryptedId}s. */
  static String encrypted() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
