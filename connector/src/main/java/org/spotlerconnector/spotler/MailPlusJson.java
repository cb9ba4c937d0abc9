package org.spotlerconnector.spotler;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** The JSON settings for Mail+: tolerant of fields and enum values added after the 2022 spec. */
final class MailPlusJson {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
          // absent fields are left out, but a property explicitly set to JSON null is still sent (it clears it)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
          .build();

  private MailPlusJson() {}

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  static JsonNode readTree(byte[] body, String operation) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw unexpected(operation, e);
    }
  }

  static <T> T read(JsonNode json, TypeReference<T> type, String operation) {
    try {
      return MAPPER.readerFor(type).readValue(json);
    } catch (IOException e) {
      throw unexpected(operation, e);
    }
  }

  static <T> T read(byte[] body, TypeReference<T> type, String operation) {
    return read(readTree(body, operation), type, operation);
  }

  private static MailPlusException unexpected(String operation, IOException e) {
    MailPlusException failure =
        new MailPlusException(operation, 200, null, "the answer is not the documented JSON (" + reason(e) + ")");
    failure.initCause(e);
    return failure;
  }

  private static String reason(IOException e) {
    return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
  }
}
