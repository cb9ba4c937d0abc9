package org.spotlerconnector.sandbox.dataverse.query;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A column a filter or sort refers to, resolved against the table's schema. */
record Column(String name, ColumnKind kind) {

  static Column resolve(String name, QuerySchema schema) {
    return schema
        .column(name)
        .map(kind -> new Column(name, kind))
        .orElseThrow(() -> ODataQueryException.propertyNotFound(name, schema));
  }

  ValueDomain domain() {
    return ValueDomain.of(kind);
  }

  /** The row's value in the column's domain; null when null, absent or unreadable. */
  Object read(ObjectNode row) {
    return domain().read(row.get(name));
  }
}
