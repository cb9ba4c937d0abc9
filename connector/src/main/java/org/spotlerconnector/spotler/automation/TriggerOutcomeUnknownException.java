package org.spotlerconnector.spotler.automation;

import org.spotlerconnector.spotler.MailPlusOutcomeUnknownException;

/**
 * An automation or campaign trigger may or may not have started, and so may or may not have sent mail: the connection
 * broke or timed out after the request was sent, or Mail+ answered a 5xx or 408. It was not repeated, because a repeat
 * could send the mail twice (design.md §5). Someone has to check the contact in Mail+ before triggering again.
 */
public final class TriggerOutcomeUnknownException extends MailPlusOutcomeUnknownException {
  private final String triggerId;
  private final String externalContactId;

  TriggerOutcomeUnknownException(
      String what, String triggerId, String externalContactId, MailPlusOutcomeUnknownException unknown) {
    super(
        what
            + " "
            + triggerId
            + " for contact "
            + externalContactId
            + " may or may not have started; it was not repeated, because a repeat could send the mail twice. Check"
            + " the contact in Mail+ before triggering again. Cause: "
            + unknown.getMessage(),
        unknown);
    this.triggerId = triggerId;
    this.externalContactId = externalContactId;
  }

  /** The automation trigger code or the campaign trigger's encrypted id. */
  public String triggerId() {
    return triggerId;
  }

  public String externalContactId() {
    return externalContactId;
  }
}
