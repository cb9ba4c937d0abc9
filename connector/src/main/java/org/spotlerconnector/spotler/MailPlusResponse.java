package org.spotlerconnector.spotler;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An answer Mail+ gave to a call: a 2xx, or a status the request named as an answer ({@link
 * MailPlusRequest#answering}). A 204 has an empty body.
 *
 * @param operation method and path, such as {@code POST /automation/trigger/bc0a…}, for messages and logs
 */
public record MailPlusResponse(String operation, int status, byte[] body) {
  /**
   * The body read with the Mail+ JSON settings (unknown fields and enum values tolerated).
   *
   * @throws MailPlusException when the body is not the documented JSON
   */
  public <T> T read(TypeReference<T> type) {
    return MailPlusJson.read(body, type, operation);
  }

  /** @throws MailPlusException when the body is not JSON */
  public JsonNode json() {
    return MailPlusJson.readTree(body, operation);
  }
}
