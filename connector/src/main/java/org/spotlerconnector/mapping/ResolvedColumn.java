package org.spotlerconnector.mapping;

import java.util.Optional;

/**
 * A column expression checked against the schema: the column (of the row, or of the related row reached through
 * {@code navigationProperty}) and its type.
 */
record ResolvedColumn(Optional<String> navigationProperty, String column, ColumnType type) {
  /** The property a Web API row carries the value in: lookups come back as {@code _<column>_value}. */
  String jsonProperty() {
    return type == ColumnType.LOOKUP ? "_" + column + "_value" : column;
  }
}
