package org.spotlerconnector.spotler;

import java.time.Duration;
import java.util.Optional;
import org.spotlerconnector.http.TransientHttpException;

/**
 * Mail+ could not serve the call right now: 429, a 5xx, or no answer at all (status 0). Worth retrying, after the
 * server's {@code Retry-After} when it sent one. The client already retried; seeing this means the retries ran out.
 */
public final class MailPlusUnavailableException extends TransientHttpException {
  private final String operation;
  private final String errorType;

  public MailPlusUnavailableException(
      String operation, int status, String errorType, String serverMessage, Duration retryAfter, Throwable cause) {
    super(
        status == 0
            ? "Mail+ did not answer " + operation + ": " + serverMessage
            : MailPlusException.describe(operation, status, errorType, serverMessage),
        status,
        retryAfter,
        cause);
    this.operation = operation;
    this.errorType = errorType;
  }

  public String operation() {
    return operation;
  }

  public Optional<String> errorType() {
    return Optional.ofNullable(errorType);
  }
}
