package org.spotlerconnector.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Reads one resolved column from a Web API row: a column of the row, or of a related row expanded under its
 * navigation property. A column the row does not carry at all reads as absent (it was not selected: leave the Spotler
 * field alone); a column that is there but empty, or a lookup pointing nowhere, reads as JSON null (clear the field).
 */
final class ColumnReader {
  private final ResolvedColumn column;

  ColumnReader(ResolvedColumn column) {
    this.column = column;
  }

  ResolvedColumn column() {
    return column;
  }

  /** The value, with its formatted-value annotation when the row has one. */
  record Value(JsonNode raw, String formatted) {}

  Optional<Value> read(ObjectNode row) {
    if (column.navigationProperty().isEmpty()) {
      return valueOf(row);
    }
    String navigationProperty = column.navigationProperty().get();
    if (!row.has(navigationProperty)) {
      return Optional.empty();
    }
    JsonNode related = row.get(navigationProperty);
    return related.isObject() ? valueOf(related) : Optional.of(new Value(NullNode.getInstance(), null));
  }

  private Optional<Value> valueOf(JsonNode row) {
    String property = column.jsonProperty();
    if (!row.has(property)) {
      return Optional.empty();
    }
    return Optional.of(new Value(row.get(property), row.path(property + ValueConverter.FORMATTED_VALUE).textValue()));
  }
}
