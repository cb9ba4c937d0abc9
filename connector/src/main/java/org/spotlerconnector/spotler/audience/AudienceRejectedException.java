package org.spotlerconnector.spotler.audience;

import org.spotlerconnector.spotler.MailPlusException;

/**
 * 417: Mail+ refused to create, change or delete an audience: the name is used by another audience, the account has
 * its maximum of audiences, or the audience is in use by a mailing and cannot be deleted. {@link #serverMessage()}
 * says which.
 */
public final class AudienceRejectedException extends MailPlusException {
  AudienceRejectedException(MailPlusException refused) {
    super(refused.operation(), refused.status(), refused.errorType().orElse(null), refused.serverMessage());
  }
}
