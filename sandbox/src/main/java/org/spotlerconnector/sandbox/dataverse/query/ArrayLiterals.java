package org.spotlerconnector.sandbox.dataverse.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON arrays Dataverse query functions take, such as {@code ["OBrian","O'Brian"]} or {@code ['1','3']}:
 * the OData JSON reader accepts single-quoted strings too, and answers malformed ones with "Invalid JSON" errors.
 */
final class ArrayLiterals {

  private static final ObjectMapper LENIENT_JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** The text Dataverse documents for {@code ['O'Brian']}, where a quote inside a single-quoted value ends it. */
  static final String MISSING_COMMA =
      "Invalid JSON. A comma character ',' was expected in scope 'Array'. Every two elements in an array and"
          + " properties of an object must be separated by commas.";

  private ArrayLiterals() {}

  /** The array's scalar values as text; a number keeps its JSON spelling. */
  static FilterNode.ArrayLiteral read(String json) {
    JsonNode array;
    try {
      array = LENIENT_JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw invalidJson(e);
    }
    if (array == null || !array.isArray()) {
      throw ODataQueryException.of("Invalid JSON. An array of values was expected: " + json);
    }
    List<String> values = new ArrayList<>();
    for (JsonNode element : array) {
      if (!element.isValueNode() || element.isNull()) {
        throw ODataQueryException.of("Invalid JSON. The array may only hold strings, numbers and booleans: " + json);
      }
      values.add(element.asText());
    }
    return new FilterNode.ArrayLiteral(List.copyOf(values));
  }

  private static ODataQueryException invalidJson(JsonProcessingException e) {
    if (e.getOriginalMessage().contains("was expecting comma to separate Array entries")) {
      return ODataQueryException.of(MISSING_COMMA);
    }
    return ODataQueryException.of("Invalid JSON. " + e.getOriginalMessage());
  }
}
