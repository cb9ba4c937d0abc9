package org.spotlerconnector.dataverse;

/**
 * Dataverse refused a request in a way that retrying will not fix. Carries the HTTP status and the
 * {@code error.code} / {@code error.message} of the Web API error body (dataverse-api.md §2.2); the code is often
 * empty and unrelated to the status.
 */
public class DataverseException extends RuntimeException {
  private final int status;
  private final String errorCode;
  private final String serviceMessage;
  private final String requestId;

  public DataverseException(int status, String errorCode, String serviceMessage, String requestId, Throwable cause) {
    super(describe(status, errorCode, serviceMessage, requestId), cause);
    this.status = status;
    this.errorCode = errorCode == null ? "" : errorCode;
    this.serviceMessage = serviceMessage == null ? "" : serviceMessage;
    this.requestId = requestId == null ? "" : requestId;
  }

  public DataverseException(DataverseError error) {
    this(error.status(), error.code(), error.message(), error.requestId(), null);
  }

  /** The HTTP status; 0 when no answer was received. */
  public int status() {
    return status;
  }

  /** {@code error.code}, e.g. {@code 0x80040265}, or an empty string. */
  public String errorCode() {
    return errorCode;
  }

  /** {@code error.message} as Dataverse wrote it. */
  public String serviceMessage() {
    return serviceMessage;
  }

  /** The request id Dataverse gave ({@code x-ms-service-request-id} or {@code REQ_ID}), for support cases. */
  public String requestId() {
    return requestId;
  }

  private static String describe(int status, String code, String message, String requestId) {
    StringBuilder text = new StringBuilder("Dataverse answered ").append(status);
    if (code != null && !code.isEmpty()) {
      text.append(" (").append(code).append(')');
    }
    if (message != null && !message.isEmpty()) {
      text.append(": ").append(message);
    }
    if (requestId != null && !requestId.isEmpty()) {
      text.append(" [request ").append(requestId).append(']');
    }
    return text.toString();
  }
}
