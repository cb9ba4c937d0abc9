package org.spotlerconnector.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * What the connector takes from a webhook's {@code RemoteExecutionContext} (dataverse-api.md §7.2): the message, the
 * table and the row, and nothing else. Only these three are kept, so the row's columns, which may hold personal data,
 * can never reach a log line.
 *
 * @param messageName {@code MessageName}, e.g. {@code Create}
 * @param primaryEntityName {@code PrimaryEntityName}, the table's logical name
 * @param primaryEntityId {@code PrimaryEntityId}, the row's id
 */
record DataverseWebhook(String messageName, String primaryEntityName, UUID primaryEntityId) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads a webhook body; empty when it is not JSON or lacks one of the three keys. Why it could not be read is not
   * told: the parser's message quotes the body.
   */
  static Optional<DataverseWebhook> parse(byte[] body) {
    JsonNode context;
    try {
      context = JSON.readTree(body);
    } catch (IOException malformed) {
      return Optional.empty();
    }
    if (context == null || !context.isObject()) {
      return Optional.empty();
    }
    Optional<String> message = text(context, "MessageName");
    Optional<String> entity = text(context, "PrimaryEntityName");
    Optional<UUID> id = text(context, "PrimaryEntityId").flatMap(DataverseWebhook::uuid);
    if (message.isEmpty() || entity.isEmpty() || id.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DataverseWebhook(message.get(), entity.get(), id.get()));
  }

  private static Optional<String> text(JsonNode context, String key) {
    JsonNode value = context.get(key);
    return value != null && value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }
}
