package org.spotlerconnector.spotler;

/** 404: the contact (or other resource) named in the path does not exist in Mail+. */
public final class MailPlusNotFoundException extends MailPlusException {
  public MailPlusNotFoundException(String operation, String errorType, String serverMessage) {
    super(operation, 404, errorType, serverMessage);
  }
}
