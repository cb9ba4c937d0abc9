package org.spotlerconnector.sandbox.dataverse.batch;

/** A batch request that cannot be read as a whole; the batch is answered with 400 and nothing is executed. */
final class MalformedBatchException extends RuntimeException {
  MalformedBatchException(String message) {
    super(message);
  }
}
