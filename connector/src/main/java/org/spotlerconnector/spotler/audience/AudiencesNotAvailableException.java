package org.spotlerconnector.spotler.audience;

import org.spotlerconnector.spotler.MailPlusException;

/**
 * 403 on an audience call: the account's product has no audiences. "Only Automation or eCommerce products can use
 * this call" (spotler-api.md §5); Mail+ Professional cannot sync marketing lists or run Add to List jobs.
 */
public final class AudiencesNotAvailableException extends MailPlusException {
  /** What an administrator reads, in the log and on a job. */
  public static final String EXPLANATION = "This Spotler account has no audiences: only the Mail+ Automation and"
      + " eCommerce products have them, Mail+ Professional does not. Marketing lists and Add to List / Remove from List"
      + " need one of those products.";

  AudiencesNotAvailableException(MailPlusException refused) {
    super(EXPLANATION + " (Mail+ answered " + refused.status() + " to " + refused.operation() + ")",
        refused.operation(), refused.status(), refused.errorType().orElse(null), refused.serverMessage());
  }
}
