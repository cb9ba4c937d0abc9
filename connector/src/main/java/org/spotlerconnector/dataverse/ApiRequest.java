package org.spotlerconnector.dataverse;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Web API call as the transport sends it.
 *
 * @param requestCount how many requests it counts as against the budget: the operations of a {@code $batch}, else 1
 * @param idempotent true when sending it twice has the effect of sending it once; only such calls are retried after a
 *     failure that leaves their outcome unknown
 * @param multipartErrorsAreResults a {@code $batch}: a 400 that carries the multipart answer is a result, not an error
 */
record ApiRequest(
    String method,
    URI uri,
    Map<String, String> headers,
    byte[] body,
    int requestCount,
    boolean idempotent,
    boolean multipartErrorsAreResults) {

  static ApiRequest get(URI uri) {
    return new ApiRequest("GET", uri, Map.of(), null, 1, true, false);
  }

  static ApiRequest delete(URI uri) {
    return new ApiRequest("DELETE", uri, Map.of(), null, 1, true, false);
  }

  static ApiRequest withJson(String method, URI uri, byte[] json, boolean idempotent) {
    return new ApiRequest(method, uri, Map.of("Content-Type", "application/json"), json, 1, idempotent, false);
  }

  static ApiRequest batch(URI uri, String contentType, byte[] body, int requestCount, boolean idempotent) {
    return new ApiRequest("POST", uri, Map.of("Content-Type", contentType), body, requestCount, idempotent, true);
  }

  ApiRequest header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiRequest(method, uri, more, body, requestCount, idempotent, multipartErrorsAreResults);
  }

  /** Method and path only: queries may hold personal data (a filter on an e-mail address) and stay out of logs. */
  String describe() {
    return method + " " + uri.getRawPath();
  }
}
