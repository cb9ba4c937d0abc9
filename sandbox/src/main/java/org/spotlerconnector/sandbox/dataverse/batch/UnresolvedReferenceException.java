package org.spotlerconnector.sandbox.dataverse.batch;

/** A {@code $n} that names no entity created earlier in the same change set. */
final class UnresolvedReferenceException extends RuntimeException {
  UnresolvedReferenceException(String reference) {
    super("Content-ID Reference: '" + reference + "' does not exist in the batch context.");
  }
}
