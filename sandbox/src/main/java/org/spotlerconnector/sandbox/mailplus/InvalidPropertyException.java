package org.spotlerconnector.sandbox.mailplus;

/**
 * A contact property that is unknown or whose value does not fit its type. For one contact it is a 400 ("Email is
 * invalid / Property is invalid"); inside {@code /contact/list} it is that contact's {@code PROPERTY_INVALID} code.
 */
final class InvalidPropertyException extends RuntimeException {
  InvalidPropertyException(String message) {
    super(message, null, false, false);
  }

  MailPlusException asRequestError() {
    return new MailPlusException(400, ErrorType.INVALID_PROPERTY, getMessage());
  }
}
