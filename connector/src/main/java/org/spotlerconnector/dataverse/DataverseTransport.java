package org.spotlerconnector.dataverse;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.spotlerconnector.dataverse.auth.AccessToken;
import org.spotlerconnector.dataverse.auth.AccessTokenProvider;
import org.spotlerconnector.http.RetryAfter;
import org.spotlerconnector.http.RetryPolicies;
import org.spotlerconnector.http.TransientHttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Web API calls: adds the OData headers and a bearer token (renewed once on a 401), waits for the
 * {@link RequestBudget}, turns error answers into typed exceptions, and retries transient failures with
 * {@link RetryPolicies#transientFailures}, waiting exactly as long as a {@code Retry-After} says.
 *
 * <p>What counts as transient depends on whether repeating the call is safe. A 429, a 503 and a refused connection
 * mean the call was not carried out and are always retried. Any other 5xx, a timeout or a connection lost after
 * sending are retried for idempotent calls only; for a create they become {@link OutcomeUnknownException}.
 */
final class DataverseTransport {
  private static final Logger LOG = LoggerFactory.getLogger(DataverseTransport.class);

  private final HttpClient http;
  private final AccessTokenProvider tokens;
  private final RequestBudget budget;
  private final RetryPolicy<ApiResponse> retryPolicy;
  private final Duration requestTimeout;
  private final DataverseMetrics metrics;
  private final Clock clock;

  DataverseTransport(
      HttpClient http,
      AccessTokenProvider tokens,
      RequestBudget budget,
      RetrySettings retry,
      Duration requestTimeout,
      DataverseMetrics metrics,
      Clock clock) {
    this.http = http;
    this.tokens = tokens;
    this.budget = budget;
    this.retryPolicy = RetryPolicies.transientFailures(retry.maxRetries(), retry.initialDelay(), retry.maxDelay());
    this.requestTimeout = requestTimeout;
    this.metrics = metrics;
    this.clock = clock;
  }

  ApiResponse execute(ApiRequest request) {
    try {
      return Failsafe.with(retryPolicy).get(context -> {
        if (context.isRetry()) {
          noteRetry(request, context.getLastException(), context.getAttemptCount());
        }
        return attempt(request);
      });
    } catch (FailsafeException e) {
      if (e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted while waiting to retry " + request.describe());
      }
      throw e;
    }
  }

  private ApiResponse attempt(ApiRequest request) {
    AccessToken token = tokens.token();
    ApiResponse response = send(request, token);
    if (response.status() == 401) {
      LOG.atDebug().addKeyValue("request", request.describe()).log("token refused, renewing it once");
      tokens.invalidate(token);
      response = send(request, tokens.token());
    }
    if (response.status() < 400 || isMultipartResult(request, response)) {
      return response;
    }
    throw failure(request, response);
  }

  private ApiResponse send(ApiRequest request, AccessToken token) {
    HttpRequest httpRequest = toHttpRequest(request, token);
    RequestBudget.Permit permit = acquirePermit(request);
    long started = System.nanoTime();
    try {
      HttpResponse<byte[]> answer = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      metrics.requestCompleted(request.method(), answer.statusCode(), elapsed);
      LOG.atDebug().addKeyValue("request", request.describe()).addKeyValue("status", answer.statusCode())
          .addKeyValue("elapsedMs", elapsed.toMillis()).log("dataverse call");
      return new ApiResponse(answer.statusCode(), answer.headers(), answer.body());
    } catch (IOException e) {
      metrics.requestCompleted(request.method(), 0, Duration.ofNanos(System.nanoTime() - started));
      throw connectionFailure(request, e);
    } catch (InterruptedException e) {
      throw interrupted(request);
    } finally {
      permit.close();
    }
  }

  private RequestBudget.Permit acquirePermit(ApiRequest request) {
    try {
      return budget.acquire(request.requestCount());
    } catch (InterruptedException e) {
      throw interrupted(request);
    }
  }

  private static CancellationException interrupted(ApiRequest request) {
    Thread.currentThread().interrupt();
    return new CancellationException("interrupted during " + request.describe());
  }

  private HttpRequest toHttpRequest(ApiRequest request, AccessToken token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri())
            .timeout(requestTimeout)
            .header("Authorization", "Bearer " + token.value())
            .header("OData-MaxVersion", "4.0")
            .header("OData-Version", "4.0");
    if (!request.headers().containsKey("Accept")) {
      builder.header("Accept", "application/json");
    }
    request.headers().forEach(builder::header);
    return builder
        .method(
            request.method(),
            request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()))
        .build();
  }

  private static boolean isMultipartResult(ApiRequest request, ApiResponse response) {
    return request.multipartErrorsAreResults()
        && response.status() == 400
        && response.header("Content-Type")
            .map(type -> type.toLowerCase(Locale.ROOT).startsWith("multipart/"))
            .orElse(false);
  }

  private RuntimeException failure(ApiRequest request, ApiResponse response) {
    int status = response.status();
    DataverseError error = DataverseError.parse(status, response.body(), response.requestId());
    Optional<Duration> retryAfter = RetryAfter.from(response.headers(), clock);
    if (status == 429) {
      retryAfter.ifPresent(wait -> budget.pauseUntil(clock.instant().plus(wait)));
      metrics.throttled(retryAfter.orElse(Duration.ZERO));
      LOG.atWarn().addKeyValue("request", request.describe()).addKeyValue("errorCode", error.code())
          .addKeyValue("retryAfterMs", retryAfter.map(Duration::toMillis).orElse(-1L))
          .log("throttled by Dataverse service protection");
      return new TransientHttpException(new DataverseException(error).getMessage(), 429, retryAfter.orElse(null), null);
    }
    if (status >= 500) {
      if (request.idempotent() || status == 503) {
        String message = new DataverseException(error).getMessage();
        return new TransientHttpException(message, status, retryAfter.orElse(null), null);
      }
      return new OutcomeUnknownException(status,
          request.describe() + " failed with " + status + " and may have taken effect: " + error.message(), null);
    }
    return error.toException();
  }

  private static RuntimeException connectionFailure(ApiRequest request, IOException e) {
    boolean neverSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
    if (neverSent || request.idempotent()) {
      return new TransientHttpException("no answer to " + request.describe() + ": " + e, 0, null, e);
    }
    return new OutcomeUnknownException(
        0, "the connection failed after " + request.describe() + " was sent, so it may have taken effect: " + e, e);
  }

  private void noteRetry(ApiRequest request, Throwable lastFailure, int attempt) {
    int status = lastFailure instanceof TransientHttpException t ? t.status() : 0;
    metrics.retried(request.method(), status);
    LOG.atInfo().addKeyValue("request", request.describe()).addKeyValue("attempt", attempt + 1)
        .addKeyValue("lastStatus", status).log("retrying dataverse call");
  }
}
