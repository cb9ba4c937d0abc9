package org.spotlerconnector.dataverse.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to one operation of a {@code $batch}.
 *
 * @param status e.g. 204, or 400 with an error body
 * @param headers case-insensitive, e.g. {@code OData-EntityId} after a create
 * @param body the body text, empty when there is none
 * @param contentId the {@code Content-ID} Dataverse echoed for a change-set operation, or null
 */
public record BatchOperationResponse(int status, Map<String, String> headers, String body, String contentId) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public boolean succeeded() {
    return status >= 200 && status < 300;
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** The body as JSON, or a missing node when there is none or it is not JSON. */
  public JsonNode json() {
    if (body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return MissingNode.getInstance();
    }
  }

  /** {@code error.message} of a failed operation, or an empty string. */
  public String errorMessage() {
    return json().path("error").path("message").asText("");
  }
}
