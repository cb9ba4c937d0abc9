package org.spotlerconnector.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A Web API error answer: the status plus {@code {"error":{"code":"…","message":"…"}}} (dataverse-api.md §2.2) and the
 * request id from {@code x-ms-service-request-id} or {@code REQ_ID}. A body that is not such JSON (a proxy's HTML page)
 * is kept, shortened, as the message.
 */
public record DataverseError(int status, String code, String message, String requestId) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_RAW_MESSAGE_CHARS = 300;

  public static DataverseError parse(int status, byte[] body, String requestId) {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    JsonNode error = readJson(text).path("error");
    if (error.isObject()) {
      return new DataverseError(
          status, error.path("code").asText(""), error.path("message").asText(""), nullToEmpty(requestId));
    }
    String raw = text.strip();
    if (raw.length() > MAX_RAW_MESSAGE_CHARS) {
      raw = raw.substring(0, MAX_RAW_MESSAGE_CHARS) + "…";
    }
    return new DataverseError(status, "", raw, nullToEmpty(requestId));
  }

  /** The typed exception for this answer; 401/403 become {@link AccessDeniedException}. */
  public DataverseException toException() {
    return switch (status) {
      case 400 -> new BadRequestException(this);
      case 401, 403 -> new AccessDeniedException(this);
      case 404 -> new NotFoundException(this);
      case 412 -> new PreconditionFailedException(this);
      default -> new DataverseException(this);
    };
  }

  private static JsonNode readJson(String text) {
    try {
      return text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
    } catch (IOException notJson) {
      return JSON.missingNode();
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
