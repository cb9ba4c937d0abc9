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
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.http.RetryPolicies;

/**
 * Sends one Mail+ call: waits for the rate limiter, signs, sends, classifies the answer, and retries transient
 * failures. Each attempt is signed anew, because a nonce may be used only once.
 *
 * <p>For a call that is not idempotent, only failures that prove Mail+ never received the request are retried: a
 * refused connection or connect timeout, and a 429. A timeout or broken connection after sending, a 408 and every 5xx
 * leave the outcome unknown and end in {@link MailPlusOutcomeUnknownException} without a retry (design.md §5). A 503
 * counts as unknown too: Mail+ does not document that it refuses the work with it, and a gateway can answer 503 after
 * the server took the request.
 *
 * <p>Logs carry method, path, status and timing; never the {@code Authorization} header or a body.
 */
final class MailPlusTransport {
  private static final Logger LOG = LoggerFactory.getLogger(MailPlusTransport.class);
  private static final String JSON = "application/json";

  private record Call(
      String operation, String method, URI uri, byte[] jsonBody, boolean idempotent, Set<Integer> answerStatuses) {}

  private final String baseUrl;
  private final HttpClient http;
  private final MailPlusConfig config;
  private final OAuth1Signer signer;
  private final AdaptiveRateLimiter rateLimiter;
  private final RetryPolicy<MailPlusResponse> retryPolicy;
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
   * An idempotent call: every transient failure is retried.
   *
   * @param path the encoded path below the base URL, starting with {@code /}
   * @param query the encoded query, or {@code null}
   * @param jsonBody the body, or {@code null} for none
   */
  MailPlusResponse send(String method, String path, String query, byte[] jsonBody) {
    URI uri = URI.create(baseUrl + path + (query == null ? "" : "?" + query));
    return send(new Call(method + " " + path, method, uri, jsonBody, true, Set.of()));
  }

  /** Retries as {@link MailPlusRequest} describes; returns its answering statuses instead of throwing. */
  MailPlusResponse send(MailPlusRequest request) {
    String operation = request.method() + " " + request.path();
    URI uri = URI.create(baseUrl + request.path());
    return send(
        new Call(
            operation,
            request.method(),
            uri,
            request.jsonBody(),
            request.isIdempotent(),
            request.answerStatuses()));
  }

  private MailPlusResponse send(Call call) {
    try {
      return Failsafe.with(retryPolicy).get(context -> attempt(call, context.getAttemptCount() + 1));
    } catch (FailsafeException e) {
      if (e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted while calling Mail+ " + call.operation());
      }
      throw e;
    }
  }

  private MailPlusResponse attempt(Call call, int attempt) throws InterruptedException {
    rateLimiter.acquire();
    long start = System.nanoTime();
    HttpResponse<byte[]> answer;
    try {
      answer = http.send(request(call.method(), call.uri(), call.jsonBody()), BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw logged(MailPlusErrors.noAnswer(call.operation(), e, call.idempotent()), call, attempt, start);
    }
    int status = answer.statusCode();
    if ((status >= 200 && status < 300) || call.answerStatuses().contains(status)) {
      rateLimiter.onSuccess();
      LOG.atDebug()
          .addKeyValue("operation", call.operation())
          .addKeyValue("status", status)
          .addKeyValue("attempt", attempt)
          .addKeyValue("durationMs", elapsedMillis(start))
          .log("Mail+ call answered");
      return new MailPlusResponse(call.operation(), status, answer.body());
    }
    if (status == 429) {
      rateLimiter.onThrottled();
    }
    throw logged(
        MailPlusErrors.fromResponse(
            call.operation(), status, answer.headers(), answer.body(), clock, call.idempotent()),
        call,
        attempt,
        start);
  }

  /** Transient and unknown outcomes are logged here, because the retry swallows the one and ends on the other. */
  private RuntimeException logged(RuntimeException failure, Call call, int attempt, long start) {
    if (failure instanceof MailPlusUnavailableException transientFailure) {
      logTransient(transientFailure, attempt, start);
    } else if (failure instanceof MailPlusOutcomeUnknownException unknown) {
      LOG.atWarn()
          .addKeyValue("operation", call.operation())
          .addKeyValue("status", unknown.status())
          .addKeyValue("errorType", unknown.errorType().orElse(null))
          .addKeyValue("attempt", attempt)
          .addKeyValue("durationMs", elapsedMillis(start))
          .addKeyValue("error", unknown.serverMessage())
          .log("Mail+ call outcome unknown; not repeated");
    }
    return failure;
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
