package org.spotlerconnector.sync.lists;

/** A dynamic list's FetchXML cannot be run to find its members; the message says what to change in the list. */
public final class InvalidListQueryException extends RuntimeException {
  InvalidListQueryException(String message) {
    super(message, null, false, false);
  }
}
