package org.spotlerconnector.spotler.audience;

import org.spotlerconnector.spotler.MailPlusException;

/** 404: Mail+ has no audience with this externalId (never created, or deleted in Spotler). */
public final class AudienceNotFoundException extends MailPlusException {
  private final String audienceId;

  AudienceNotFoundException(String audienceId, String operation, String errorType, String serverMessage) {
    super(operation, 404, errorType, serverMessage);
    this.audienceId = audienceId;
  }

  public String audienceId() {
    return audienceId;
  }
}
