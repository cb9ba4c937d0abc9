package org.spotlerconnector.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the store lives and how it connects. Immutable; build it with {@link #builder()}.
 *
 * <p>The JDBC URL chooses the database: {@code jdbc:sqlite:<file>} for one machine (the default,
 * {@value #DEFAULT_URL}), or {@code jdbc:postgresql://host:port/database} for several connector nodes sharing one
 * database.
 */
public final class StoreConfig {
  public static final String DEFAULT_URL = "jdbc:sqlite:data/connector.db";
  /** How long an SQLite writer waits for another process's write to finish before failing. */
  public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);
  /** Connections to PostgreSQL; SQLite always uses one, as it allows one writer at a time. */
  public static final int DEFAULT_MAX_POOL_SIZE = 10;

  private final String jdbcUrl;
  private final String username;
  private final String password;
  private final int maxPoolSize;
  private final Duration busyTimeout;
  private final Clock clock;

  private StoreConfig(Builder builder) {
    this.jdbcUrl = builder.jdbcUrl;
    this.username = builder.username;
    this.password = builder.password;
    this.maxPoolSize = builder.maxPoolSize;
    this.busyTimeout = builder.busyTimeout;
    this.clock = builder.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** The database user, or null when the URL or the database needs none. */
  public String username() {
    return username;
  }

  /** The database password, or null. Never logged. */
  public String password() {
    return password;
  }

  public int maxPoolSize() {
    return maxPoolSize;
  }

  public Duration busyTimeout() {
    return busyTimeout;
  }

  /** The time source for queue due times, leases and saved-at stamps; tests set their own. */
  public Clock clock() {
    return clock;
  }

  /** The URL without its query string, which may carry credentials: safe to log. */
  String redactedUrl() {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
  }

  @Override
  public String toString() {
    return "StoreConfig{url=" + redactedUrl() + ", username=" + username + ", maxPoolSize=" + maxPoolSize + "}";
  }

  /** Builds a {@link StoreConfig}; each setter checks its argument at once. */
  public static final class Builder {
    private String jdbcUrl = DEFAULT_URL;
    private String username;
    private String password;
    private int maxPoolSize = DEFAULT_MAX_POOL_SIZE;
    private Duration busyTimeout = DEFAULT_BUSY_TIMEOUT;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** A {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL. */
    public Builder jdbcUrl(String jdbcUrl) {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl cannot be null");
      Dialect.forUrl(jdbcUrl);
      this.jdbcUrl = jdbcUrl;
      return this;
    }

    public Builder credentials(String username, String password) {
      this.username = username;
      this.password = password;
      return this;
    }

    public Builder maxPoolSize(int maxPoolSize) {
      if (maxPoolSize < 1) {
        throw new IllegalArgumentException("maxPoolSize must be at least 1, was " + maxPoolSize);
      }
      this.maxPoolSize = maxPoolSize;
      return this;
    }

    public Builder busyTimeout(Duration busyTimeout) {
      Objects.requireNonNull(busyTimeout, "busyTimeout cannot be null");
      if (busyTimeout.isNegative() || busyTimeout.isZero() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("busyTimeout must be positive and below 24 days, was " + busyTimeout);
      }
      this.busyTimeout = busyTimeout;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock cannot be null");
      return this;
    }

    public StoreConfig build() {
      return new StoreConfig(this);
    }
  }
}
