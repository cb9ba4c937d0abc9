package org.spotlerconnector.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The shared key a Dataverse service endpoint sends with each webhook. Keys are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so the time a comparison takes says nothing about the key, not even its length.
 */
final class WebhookKey {
  private final byte[] digest;

  WebhookKey(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isBlank()) {
      throw new IllegalArgumentException("a webhook key cannot be blank");
    }
    this.digest = sha256(key);
  }

  boolean matches(String candidate) {
    return candidate != null && MessageDigest.isEqual(digest, sha256(candidate));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookKey[****]";
  }
}
