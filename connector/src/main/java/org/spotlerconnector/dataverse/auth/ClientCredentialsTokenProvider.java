package org.spotlerconnector.dataverse.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import org.spotlerconnector.http.RetryAfter;
import org.spotlerconnector.http.TransientHttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain OAuth 2.0 client-credentials grant against any token endpoint: {@code POST} a form with {@code grant_type},
 * {@code client_id}, {@code client_secret} and {@code scope}, read {@code access_token} and {@code expires_in}
 * (dataverse-api.md §1.1). No refresh token is issued in this flow; a new token is simply requested.
 *
 * <p>Used for token endpoints MSAL4J cannot talk to (it insists on https and on Microsoft's instance discovery),
 * such as the sandbox's. The token is cached and renewed before it expires (see {@link RefreshSchedule}); one thread
 * renews at a time while the others keep using the still-valid token. Thread-safe.
 */
public final class ClientCredentialsTokenProvider implements AccessTokenProvider {
  private static final Logger LOG = LoggerFactory.getLogger(ClientCredentialsTokenProvider.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ClientCredentials credentials;
  private final URI tokenEndpoint;
  private final HttpClient http;
  private final Clock clock;
  private final Duration requestTimeout;
  private final ReentrantLock renewal = new ReentrantLock();
  private volatile RefreshSchedule cached;

  public ClientCredentialsTokenProvider(
      ClientCredentials credentials, HttpClient http, Clock clock, Duration requestTimeout) {
    this.credentials = credentials;
    this.tokenEndpoint = credentials.tokenEndpoint();
    this.http = http;
    this.clock = clock;
    this.requestTimeout = requestTimeout;
  }

  @Override
  public AccessToken token() {
    RefreshSchedule current = cached;
    Instant now = clock.instant();
    if (current != null && current.fresh(now)) {
      return current.token();
    }
    if (current != null && current.usable(now)) {
      if (!renewal.tryLock()) {
        return current.token(); // another thread is renewing; this one is still accepted
      }
    } else {
      renewal.lock();
    }
    try {
      RefreshSchedule latest = cached;
      if (latest != null && latest.fresh(clock.instant())) {
        return latest.token();
      }
      return renew(latest).token();
    } finally {
      renewal.unlock();
    }
  }

  @Override
  public void invalidate(AccessToken rejected) {
    renewal.lock();
    try {
      RefreshSchedule current = cached;
      if (current != null && current.token().value().equals(rejected.value())) {
        cached = null;
      }
    } finally {
      renewal.unlock();
    }
  }

  private RefreshSchedule renew(RefreshSchedule previous) {
    try {
      RefreshSchedule next = fetch();
      cached = next;
      return next;
    } catch (TransientHttpException e) {
      if (previous != null && previous.usable(clock.instant())) {
        LOG.atWarn()
            .addKeyValue("tokenEndpoint", endpointForLogs())
            .addKeyValue("expiresAt", previous.token().expiresAt())
            .log("token renewal failed, using the current token until it expires: {}", e.getMessage());
        return previous;
      }
      throw e;
    }
  }

  private RefreshSchedule fetch() {
    Instant requestedAt = clock.instant();
    HttpResponse<String> response = post();
    if (response.statusCode() == 200) {
      RefreshSchedule schedule = RefreshSchedule.of(parseToken(response), requestedAt);
      LOG.atDebug()
          .addKeyValue("tokenEndpoint", endpointForLogs())
          .addKeyValue("expiresAt", schedule.token().expiresAt())
          .log("access token acquired");
      return schedule;
    }
    throw failure(response);
  }

  private HttpResponse<String> post() {
    HttpRequest request =
        HttpRequest.newBuilder(tokenEndpoint)
            .timeout(requestTimeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form()))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new TransientHttpException(
          "token endpoint " + endpointForLogs() + " could not be reached: " + e, 0, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while requesting an access token");
    }
  }

  private String form() {
    return "grant_type=client_credentials"
        + "&client_id=" + encode(credentials.clientId())
        + "&client_secret=" + encode(credentials.clientSecret())
        + "&scope=" + encode(credentials.scope());
  }

  private AccessToken parseToken(HttpResponse<String> response) {
    JsonNode body = readJson(response.body());
    String token = body.path("access_token").asText("");
    long expiresIn = body.path("expires_in").asLong(0); // a number, or a numeric string on older endpoints
    if (token.isEmpty() || expiresIn <= 0) {
      throw new TokenAcquisitionException(
          "token endpoint " + endpointForLogs() + " answered 200 without access_token and expires_in",
          response.statusCode(), "", null);
    }
    return new AccessToken(token, clock.instant().plusSeconds(expiresIn));
  }

  private RuntimeException failure(HttpResponse<String> response) {
    int status = response.statusCode();
    JsonNode body = readJson(response.body());
    String error = body.path("error").asText("");
    String description = body.path("error_description").asText("");
    String detail = "token endpoint " + endpointForLogs() + " answered " + status
        + (error.isEmpty() ? "" : " " + error) + (description.isEmpty() ? "" : ": " + description);
    if (status == 429 || status >= 500) {
      return new TransientHttpException(
          detail, status, RetryAfter.from(response.headers(), clock).orElse(null), null);
    }
    return new TokenAcquisitionException(
        detail + " (check the tenant, client id, client secret and the Dataverse URL used as scope)",
        status, error, null);
  }

  private static JsonNode readJson(String body) {
    try {
      return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (IOException notJson) {
      return JSON.createObjectNode();
    }
  }

  /** The endpoint without any query string, which is all that logs and messages need. */
  private String endpointForLogs() {
    return tokenEndpoint.getScheme() + "://" + tokenEndpoint.getRawAuthority() + tokenEndpoint.getRawPath();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
