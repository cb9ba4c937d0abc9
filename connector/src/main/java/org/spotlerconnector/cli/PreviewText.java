package org.spotlerconnector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.spotlerconnector.mapping.FieldMapping;

/** How {@code mapping preview} writes names and values: field names in one column, values as JSON. */
final class PreviewText {
  private final int fieldWidth;

  private PreviewText(int fieldWidth) {
    this.fieldWidth = fieldWidth;
  }

  /** Wide enough for every field of the mapping. */
  static PreviewText forMapping(List<FieldMapping> mapping) {
    return new PreviewText(mapping.stream().mapToInt(row -> row.spotlerField().length()).max().orElse(0));
  }

  /** The field name, padded so that the values after it line up. */
  String field(String name) {
    return String.format("%-" + Math.max(1, fieldWidth) + "s", name);
  }

  /** The value as JSON, so that text, numbers, an empty text and no value can be told apart. */
  String value(JsonNode value) {
    if (value == null || value.isNull()) {
      return "null (cleared)";
    }
    return value.isTextual() && value.textValue().isEmpty() ? "\"\" (cleared)" : value.toString();
  }
}
