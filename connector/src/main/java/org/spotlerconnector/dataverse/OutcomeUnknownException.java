package org.spotlerconnector.dataverse;

/**
 * A request that is not safe to repeat (a create, an action, a batch with creates) may or may not have taken effect:
 * the connection broke or timed out after it was sent, or the server failed with a 5xx other than 503. It is not
 * retried, because a blind retry could create a row twice (design.md §5); the caller must look before trying again.
 */
public class OutcomeUnknownException extends DataverseException {
  public OutcomeUnknownException(int status, String message, Throwable cause) {
    super(status, "", message, "", cause);
  }
}
