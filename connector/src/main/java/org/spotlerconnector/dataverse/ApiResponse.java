package org.spotlerconnector.dataverse;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** A Web API answer, read whole (one page at most, so memory stays bounded). */
record ApiResponse(int status, HttpHeaders headers, byte[] body) {
  Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /** Dataverse's id for the request, for support cases. */
  String requestId() {
    return header("x-ms-service-request-id").or(() -> header("REQ_ID")).orElse("");
  }
}
