package org.spotlerconnector.jobs.fields;

/** A value that does not fit its field; the message is the sentence shown to the marketer. */
final class ValueRejectedException extends Exception {
  ValueRejectedException(String message) {
    super(message, null, false, false);
  }
}
