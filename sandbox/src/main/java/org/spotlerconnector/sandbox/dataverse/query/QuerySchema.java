package org.spotlerconnector.sandbox.dataverse.query;

import java.util.Map;
import java.util.Optional;

/** What the query engine needs to know about a table. */
public interface QuerySchema {

  /** The table's logical name, e.g. {@code contact}; error texts name it as {@code Microsoft.Dynamics.CRM.contact}. */
  String logicalName();

  /**
   * The kind of the column with this Web API property name, including the primary key and lookup properties in
   * their {@code _<name>_value} form; empty when the table has no such property.
   */
  Optional<ColumnKind> column(String propertyName);

  /** A fixed schema, handy for tests and static tables. */
  static QuerySchema of(String logicalName, Map<String, ColumnKind> columns) {
    Map<String, ColumnKind> copy = Map.copyOf(columns);
    return new QuerySchema() {
      @Override
      public String logicalName() {
        return logicalName;
      }

      @Override
      public Optional<ColumnKind> column(String propertyName) {
        return Optional.ofNullable(copy.get(propertyName));
      }
    };
  }
}
