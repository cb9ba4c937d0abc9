package org.spotlerconnector.sandbox.dataverse.batch;

/** A bulk message whose body the service refuses before touching any record; answered with 400. */
final class InvalidBulkRequestException extends RuntimeException {
  InvalidBulkRequestException(String message) {
    super(message);
  }
}
