package org.spotlerconnector.spotler;

import java.util.Optional;

/**
 * Mail+ answered with an error that repeating the call cannot fix. Subclasses name the common cases; a status without
 * one (such as 405 or 413) is this class itself. Transient failures are {@link MailPlusUnavailableException} instead.
 */
public class MailPlusException extends RuntimeException {
  private final String operation;
  private final int status;
  private final String errorType;
  private final String serverMessage;

  public MailPlusException(String operation, int status, String errorType, String serverMessage) {
    this(describe(operation, status, errorType, serverMessage), operation, status, errorType, serverMessage);
  }

  protected MailPlusException(String message, String operation, int status, String errorType, String serverMessage) {
    super(message);
    this.operation = operation;
    this.status = status;
    this.errorType = errorType;
    this.serverMessage = serverMessage;
  }

  /** Method and path of the failed call, such as {@code GET /contact/CRM-1}. */
  public String operation() {
    return operation;
  }

  public int status() {
    return status;
  }

  /** The {@code errorType} of the error body, such as {@code CONTACT_NOT_FOUND}; empty when the body had none. */
  public Optional<String> errorType() {
    return Optional.ofNullable(errorType);
  }

  /** The {@code message} of the error body, or a short excerpt of a body that was not the documented JSON. */
  public String serverMessage() {
    return serverMessage;
  }

  static String describe(String operation, int status, String errorType, String serverMessage) {
    return "Mail+ answered "
        + status
        + (errorType == null ? "" : " " + errorType)
        + " to "
        + operation
        + ": "
        + serverMessage;
  }
}
