package org.spotlerconnector.dataverse.batch;

/** A {@code $batch} answer that is not the multipart document Dataverse documents; nothing in it can be trusted. */
public class MalformedBatchResponseException extends RuntimeException {
  public MalformedBatchResponseException(String message) {
    super(message);
  }
}
