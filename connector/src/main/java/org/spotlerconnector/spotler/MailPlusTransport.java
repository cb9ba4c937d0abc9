package org.spotlerconnector.spotler;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.http.RetryPolicies;

/**
 * Sends one Mail+ call: waits for the rate limiter, signs, sends, classifies the answer, and retries transient
 * failures. Each attempt is signed anew, because a nonce may be used only once.
 *
 * <p>Logs carry method, path, status and timing; never the {@code Authorization} header or a body.
 */
final class MailPlusTransport {
  private static final Logger LOG = LoggerFactory.getLogger(MailPlusTransport.class);
  private static final String JSON = "application/json";

  /** A successful answer (2xx); a 204 has an empty body. */
  record Response(String operation, int status, byte[] body) {}

  private final String baseUrl;
  private final HttpClient http;
  private final MailPlusConfig config;
  private final OAuth1Signer signer;
  private final AdaptiveRateLimiter rateLimiter;
  private final RetryPolicy<Response> retryPolicy;
  private final Clock clock;

  MailPlusTransport(MailPlusConfig config, OAuth1Signer signer, AdaptiveRateLimiter rateLimiter, Clock clock) {
    this.baseUrl = config.baseUrl().toString();
    this.http = config.httpClient();
    this.config = config;
    this.signer = signer;
    this.rateLimiter = rateLimiter;
    this.clock = clock;
    this.retryPolicy =
        RetryPolicies.transientFailures(config.maxRetries(), config.initialBackoff(), config.maxBackoff());
  }

  /**
   * @param path the encoded path below the base URL, starting with {@code /}
   * @param query the encoded query, or {@code null}
   * @param jsonBody the body, or {@code null} for none
   */
  Response send(String method, String path, String query, byte[] jsonBody) {
    String operation = method + " " + path;
    URI uri = URI.create(baseUrl + path + (query == null ? "" : "?" + query));
    try {
      return Failsafe.with(retryPolicy)
          .get(context -> attempt(operation, method, uri, jsonBody, context.getAttemptCount() + 1));
    } catch (FailsafeException e) {
      if (e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted while calling Mail+ " + operation);
      }
      throw e;
    }
  }

  private Response attempt(String operation, String method, URI uri, byte[] jsonBody, int attempt)
      throws InterruptedException {
    rateLimiter.acquire();
    long start = System.nanoTime();
    HttpResponse<byte[]> answer;
    try {
      answer = http.send(request(method, uri, jsonBody), BodyHandlers.ofByteArray());
    } catch (IOException e) {
      MailPlusUnavailableException failure = MailPlusErrors.noAnswer(operation, e);
      logTransient(failure, attempt, start);
      throw failure;
    }
    int status = answer.statusCode();
    if (status >= 200 && status < 300) {
      rateLimiter.onSuccess();
      LOG.atDebug()
          .addKeyValue("operation", operation)
          .addKeyValue("status", status)
          .addKeyValue("attempt", attempt)
          .addKeyValue("durationMs", elapsedMillis(start))
          .log("Mail+ call succeeded");
      return new Response(operation, status, answer.body());
    }
    if (status == 429) {
      rateLimiter.onThrottled();
    }
    RuntimeException failure = MailPlusErrors.fromResponse(operation, status, answer.headers(), answer.body(), clock);
    if (failure instanceof MailPlusUnavailableException transientFailure) {
      logTransient(transientFailure, attempt, start);
    }
    throw failure;
  }

  private HttpRequest request(String method, URI uri, byte[] jsonBody) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(config.requestTimeout())
            .header("Accept", JSON)
            .header("Authorization", signer.authorizationHeader(method, uri));
    if (jsonBody == null) {
      return request.method(method, BodyPublishers.noBody()).build();
    }
    return request.header("Content-Type", JSON).method(method, BodyPublishers.ofByteArray(jsonBody)).build();
  }

  /** Logged because the retry swallows it; the failure that ends the retries is thrown, not logged. */
  private void logTransient(MailPlusUnavailableException failure, int attempt, long start) {
    LOG.atWarn()
        .addKeyValue("operation", failure.operation())
        .addKeyValue("status", failure.status())
        .addKeyValue("errorType", failure.errorType().orElse(null))
        .addKeyValue("retryAfterMs", failure.retryAfter().map(d -> d.toMillis()).orElse(null))
        .addKeyValue("attempt", attempt)
        .addKeyValue("maxAttempts", config.maxRetries() + 1)
        .addKeyValue("durationMs", elapsedMillis(start))
        .addKeyValue("error", failure.getMessage())
        .log("Mail+ call failed transiently");
  }

  private static long elapsedMillis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
