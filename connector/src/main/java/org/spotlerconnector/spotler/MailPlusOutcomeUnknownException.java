package org.spotlerconnector.spotler;

/**
 * A call that must not take effect twice (it sends mail, or adds to a score) may or may not have been carried out: the
 * connection broke or timed out after the request was sent, or Mail+ answered a 5xx or 408. It was not repeated,
 * because a blind repeat could take effect twice (design.md §5); someone has to look in Mail+ before trying again.
 *
 * <p>{@link #status()} is the HTTP status, or 0 when no answer came.
 */
public class MailPlusOutcomeUnknownException extends MailPlusException {
  public MailPlusOutcomeUnknownException(
      String operation, int status, String errorType, String serverMessage, Throwable cause) {
    super(describeUnknown(operation, status, errorType, serverMessage), operation, status, errorType, serverMessage);
    initCause(cause);
  }

  /** For a subclass that names what was being done; {@code unknown} becomes the cause. */
  protected MailPlusOutcomeUnknownException(String message, MailPlusOutcomeUnknownException unknown) {
    super(message, unknown.operation(), unknown.status(), unknown.errorType().orElse(null), unknown.serverMessage());
    initCause(unknown);
  }

  private static String describeUnknown(String operation, int status, String errorType, String serverMessage) {
    String failure =
        status == 0
            ? "no answer came (" + serverMessage + ")"
            : "it answered " + status + (errorType == null ? "" : " " + errorType) + " (" + serverMessage + ")";
    return "Mail+ may or may not have carried out "
        + operation
        + ": "
        + failure
        + ". It was not repeated, because repeating it could take effect twice.";
  }
}
