package org.spotlerconnector.spotler;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.spotlerconnector.http.RetryAfter;

/**
 * Turns an error answer into the matching exception. Mail+ documents {@code {errorType, message}} bodies
 * (spotler-api.md §7.1), but an empty or non-JSON body happens too and must still give a readable error.
 */
final class MailPlusErrors {
  private static final int MAX_EXCERPT_CHARS = 200;

  private MailPlusErrors() {}

  static RuntimeException fromResponse(String operation, int status, HttpHeaders headers, byte[] body, Clock clock) {
    ErrorBody error = ErrorBody.parse(body);
    return switch (status) {
      case 400 -> new MailPlusInvalidRequestException(operation, error.errorType(), error.message());
      case 401, 403 -> new MailPlusUnauthorizedException(operation, status, error.errorType(), error.message());
      case 404 -> new MailPlusNotFoundException(operation, error.errorType(), error.message());
      default -> isTransient(status)
          ? new MailPlusUnavailableException(
              operation, status, error.errorType(), error.message(), retryAfter(headers, clock), null)
          : new MailPlusException(operation, status, error.errorType(), error.message());
    };
  }

  static MailPlusUnavailableException noAnswer(String operation, IOException cause) {
    return new MailPlusUnavailableException(operation, 0, null, cause.toString(), null, cause);
  }

  /**
   * As {@link #fromResponse(String, int, HttpHeaders, byte[], Clock)}, but for a call that is not idempotent a
   * transient status other than 429 leaves the outcome unknown: only a 429 proves that Mail+ refused the work.
   */
  static RuntimeException fromResponse(
      String operation, int status, HttpHeaders headers, byte[] body, Clock clock, boolean idempotent) {
    if (!idempotent && isTransient(status) && status != 429) {
      ErrorBody error = ErrorBody.parse(body);
      return new MailPlusOutcomeUnknownException(operation, status, error.errorType(), error.message(), null);
    }
    return fromResponse(operation, status, headers, body, clock);
  }

  /**
   * As {@link #noAnswer(String, IOException)}, but for a call that is not idempotent only a connection that was
   * refused or timed out before the request went out may be repeated; any other I/O failure leaves the outcome
   * unknown.
   */
  static RuntimeException noAnswer(String operation, IOException cause, boolean idempotent) {
    boolean neverSent = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
    if (!idempotent && !neverSent) {
      return new MailPlusOutcomeUnknownException(operation, 0, null, cause.toString(), cause);
    }
    return noAnswer(operation, cause);
  }

  /** 408, 429 and every 5xx may succeed when repeated; other errors will not (spotler-api.md §7.1, §9). */
  static boolean isTransient(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  private static Duration retryAfter(HttpHeaders headers, Clock clock) {
    return RetryAfter.from(headers, clock).orElse(null);
  }

  record ErrorBody(String errorType, String message) {
    static ErrorBody parse(byte[] body) {
      String text = new String(body, StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        return new ErrorBody(null, "(no error body)");
      }
      try {
        JsonNode json = MailPlusJson.MAPPER.readTree(text);
        if (json != null && json.isObject() && (json.hasNonNull("errorType") || json.hasNonNull("message"))) {
          return new ErrorBody(
              json.hasNonNull("errorType") ? json.get("errorType").asText() : null,
              json.hasNonNull("message") ? json.get("message").asText() : "(no message)");
        }
      } catch (IOException notJson) {
        // an HTML error page or plain text from a proxy: fall through to the excerpt
      }
      return new ErrorBody(null, excerpt(text));
    }

    private static String excerpt(String text) {
      String oneLine = text.replaceAll("\\s+", " ");
      return oneLine.length() <= MAX_EXCERPT_CHARS ? oneLine : oneLine.substring(0, MAX_EXCERPT_CHARS) + "…";
    }
  }
}
