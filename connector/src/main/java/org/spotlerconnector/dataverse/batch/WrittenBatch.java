package org.spotlerconnector.dataverse.batch;

/** A {@code $batch} body ready to send, with the {@code Content-Type} that names its boundary. */
public record WrittenBatch(String contentType, byte[] body) {}
