package org.spotlerconnector.spotler;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Immutable settings of a {@link MailPlusClient}. Build with {@link #builder(String, String)}; every value is checked
 * when it is set, and the defaults are the {@code DEFAULT_*} constants.
 */
public final class MailPlusConfig {
  public static final URI DEFAULT_BASE_URL = URI.create("https://restapi.mailplus.nl/integrationservice");
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
  public static final int DEFAULT_MAX_RETRIES = 5;
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(60);
  /** Mail+ publishes no limit (spotler-api.md §7.2): a few requests per second per key is the cautious choice. */
  public static final double DEFAULT_REQUESTS_PER_SECOND = 5;

  private final URI baseUrl;
  private final String consumerKey;
  private final String consumerSecret;
  private final Duration requestTimeout;
  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double requestsPerSecond;
  private final HttpClient httpClient;

  private MailPlusConfig(Builder b) {
    this.baseUrl = b.baseUrl;
    this.consumerKey = b.consumerKey;
    this.consumerSecret = b.consumerSecret;
    this.requestTimeout = b.requestTimeout;
    this.maxRetries = b.maxRetries;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.requestsPerSecond = b.requestsPerSecond;
    this.httpClient =
        b.httpClient != null ? b.httpClient : HttpClient.newBuilder().connectTimeout(b.connectTimeout).build();
  }

  public static Builder builder(String consumerKey, String consumerSecret) {
    return new Builder(consumerKey, consumerSecret);
  }

  /** The API root, without a trailing slash, such as {@code https://restapi.mailplus.nl/integrationservice}. */
  public URI baseUrl() {
    return baseUrl;
  }

  public String consumerKey() {
    return consumerKey;
  }

  String consumerSecret() {
    return consumerSecret;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public int maxRetries() {
    return maxRetries;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public double requestsPerSecond() {
    return requestsPerSecond;
  }

  public HttpClient httpClient() {
    return httpClient;
  }

  /** Leaves the consumer secret out, so that the config can be logged. */
  @Override
  public String toString() {
    return "MailPlusConfig{baseUrl="
        + baseUrl
        + ", consumerKey="
        + consumerKey
        + ", requestTimeout="
        + requestTimeout
        + ", maxRetries="
        + maxRetries
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", requestsPerSecond="
        + requestsPerSecond
        + '}';
  }

  /** Collects the settings of a {@link MailPlusConfig}. Not thread-safe; {@link #build()} may be called repeatedly. */
  public static final class Builder {
    private final String consumerKey;
    private final String consumerSecret;
    private URI baseUrl = DEFAULT_BASE_URL;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private double requestsPerSecond = DEFAULT_REQUESTS_PER_SECOND;
    private HttpClient httpClient;

    private Builder(String consumerKey, String consumerSecret) {
      this.consumerKey = requireText(consumerKey, "consumerKey");
      this.consumerSecret = requireText(consumerSecret, "consumerSecret");
    }

    /** The API root, path prefix included: {@code …/integrationservice} or {@code …/integrationservice-1.1.0}. */
    public Builder baseUrl(URI baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl cannot be null");
      String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
      if ((!scheme.equals("https") && !scheme.equals("http")) || baseUrl.getHost() == null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, got " + baseUrl);
      }
      if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
        throw new IllegalArgumentException("baseUrl cannot have a query or fragment, got " + baseUrl);
      }
      String text = baseUrl.toString();
      this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      return this;
    }

    public Builder baseUrl(String baseUrl) {
      return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl cannot be null")));
    }

    /** Used only when no {@link #httpClient(HttpClient)} is given. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
      return this;
    }

    /** How long one attempt may take, from sending to the last byte of the answer. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requirePositive(requestTimeout, "requestTimeout");
      return this;
    }

    /** How many times a transient failure (429, 5xx, no answer) is retried after the first attempt. */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * The backoff between retries when the server sends no {@code Retry-After}: it starts at {@code initial}, doubles,
     * and stops growing at {@code max}. A {@code Retry-After} is always honoured as sent.
     */
    public Builder backoff(Duration initial, Duration max) {
      requirePositive(initial, "initialBackoff");
      requirePositive(max, "maxBackoff");
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("maxBackoff must be >= initialBackoff, got " + max + " < " + initial);
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /**
     * The most requests per second this client sends. After a 429 the client halves its own rate and climbs back to
     * this value as calls succeed again.
     */
    public Builder requestsPerSecond(double requestsPerSecond) {
      if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
        throw new IllegalArgumentException("requestsPerSecond must be a positive number, got " + requestsPerSecond);
      }
      this.requestsPerSecond = requestsPerSecond;
      return this;
    }

    /** The HTTP client to use; by default a new one with {@link #connectTimeout(Duration)}. */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient cannot be null");
      return this;
    }

    public MailPlusConfig build() {
      return new MailPlusConfig(this);
    }

    private static String requireText(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " cannot be null or blank");
      }
      return value;
    }

    private static Duration requirePositive(Duration value, String name) {
      Objects.requireNonNull(value, name + " cannot be null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }
  }
}
