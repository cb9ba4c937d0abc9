package org.spotlerconnector.config;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the connector keeps its durable state: a JDBC URL of SQLite (one node) or PostgreSQL (one or more nodes).
 *
 * @param url {@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}; {@value #DEFAULT_URL} unless set
 */
public record StoreConfig(String url, Optional<String> user, Optional<Secret> password) {
  public static final String DEFAULT_URL = "jdbc:sqlite:data/connector.db";
  public static final StoreConfig DEFAULT = new StoreConfig(DEFAULT_URL, Optional.empty(), Optional.empty());

  private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

  public StoreConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /** Whether the URL names a PostgreSQL database (else SQLite). */
  public boolean postgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** The URL with any {@code password=} parameter masked, for logs. */
  public String redactedUrl() {
    return PASSWORD_IN_URL.matcher(url).replaceAll("$1****");
  }

  @Override
  public String toString() {
    return "StoreConfig[url=" + redactedUrl() + ", user=" + user + ", password=" + password + "]";
  }
}
