package org.spotlerconnector.sandbox.dataverse.batch;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One part of a multipart body: its MIME headers (case-insensitive names) and its content. */
record MimePart(Map<String, List<String>> headers, byte[] content) {

  Optional<String> header(String name) {
    return Optional.ofNullable(HeaderBlock.first(headers, name));
  }

  ContentType contentType() {
    return header("Content-Type")
        .map(ContentType::parse)
        .orElseThrow(() -> new MalformedBatchException("A part of the batch has no Content-Type header."));
  }
}
