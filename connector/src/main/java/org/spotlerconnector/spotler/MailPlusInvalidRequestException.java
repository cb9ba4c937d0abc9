package org.spotlerconnector.spotler;

/** 400: Mail+ rejected the request itself, such as an invalid e-mail address or property value. */
public final class MailPlusInvalidRequestException extends MailPlusException {
  public MailPlusInvalidRequestException(String operation, String errorType, String serverMessage) {
    super(operation, 400, errorType, serverMessage);
  }
}
