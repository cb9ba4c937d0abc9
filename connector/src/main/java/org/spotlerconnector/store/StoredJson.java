package org.spotlerconnector.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * JSON as the store keeps it: written with properties sorted, so equal values give equal text and an equal hash
 * whatever order the mapping produced them in.
 */
final class StoredJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

  private StoredJson() {}

  static String write(JsonNode value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Values cannot be written as JSON", e);
    }
  }

  static ObjectNode read(String json) {
    if (readValue(json) instanceof ObjectNode object) {
      return object;
    }
    throw new IllegalStateException("Stored values are not a JSON object. Indicates a bug or a hand-edited row.");
  }

  /** Any JSON value: an object, an array, text, a number, a boolean or null. */
  static JsonNode readValue(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored values are not valid JSON. Indicates a bug or a hand-edited row.", e);
    }
  }

  /** SHA-256 of the sorted JSON text, in hex. */
  static String hash(ObjectNode values) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(write(values).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
