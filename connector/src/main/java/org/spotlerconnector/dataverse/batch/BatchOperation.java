package org.spotlerconnector.dataverse.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request inside a {@code $batch}.
 *
 * @param method GET, POST, PATCH, PUT or DELETE
 * @param url relative to the service root ({@code contacts(<id>)}, {@code tasks}), or a reference to an operation
 *     earlier in the same change set ({@code $1}, {@code $1/lastname}); an absolute URL is sent as is
 * @param headers extra headers, e.g. {@code If-Match}
 * @param body the JSON body, or null
 * @param contentId the {@code Content-ID} of an operation in a change set, so later ones can refer to it as
 *     {@code $<id>}; null when not needed
 */
public record BatchOperation(String method, String url, Map<String, String> headers, JsonNode body, String contentId)
    implements BatchPart {

  public BatchOperation {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    if (url.isBlank() || url.chars().anyMatch(c -> c == ' ' || c == '\r' || c == '\n')) {
      throw new IllegalArgumentException("a batch operation URL must be non-blank and percent-encoded: " + url);
    }
    headers = Map.copyOf(headers);
    headers.forEach(BatchOperation::requireSingleLine);
    if (contentId != null && !contentId.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("a Content-ID is a simple token like 1 or new-contact: " + contentId);
    }
  }

  public static BatchOperation get(String url) {
    return new BatchOperation("GET", url, Map.of(), null, null);
  }

  public static BatchOperation post(String url, JsonNode body) {
    return new BatchOperation("POST", url, Map.of(), Objects.requireNonNull(body), null);
  }

  public static BatchOperation patch(String url, JsonNode body) {
    return new BatchOperation("PATCH", url, Map.of(), Objects.requireNonNull(body), null);
  }

  public static BatchOperation put(String url, JsonNode body) {
    return new BatchOperation("PUT", url, Map.of(), Objects.requireNonNull(body), null);
  }

  public static BatchOperation delete(String url) {
    return new BatchOperation("DELETE", url, Map.of(), null, null);
  }

  public BatchOperation withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new BatchOperation(method, url, more, body, contentId);
  }

  public BatchOperation withContentId(String id) {
    return new BatchOperation(method, url, headers, body, id);
  }

  private static void requireSingleLine(String name, String value) {
    if ((name + value).chars().anyMatch(c -> c == '\r' || c == '\n')) {
      throw new IllegalArgumentException("a header of a batch operation cannot contain a line break: " + name);
    }
  }

  @Override
  public int operationCount() {
    return 1;
  }

  /** Repeating it cannot create a second row. */
  public boolean idempotent() {
    return !method.equalsIgnoreCase("POST");
  }
}
