package org.spotlerconnector.install;

import java.util.Objects;

/**
 * A column the connector adds to a table it does not own, such as the sync flag on the marketing list table. {@code
 * install} adds it when the environment has the table, and skips it with a warning when not (a Dynamics 365 app that
 * is not installed).
 *
 * @param table the table's logical name, e.g. {@code list}
 */
public record StandardTableColumn(String table, Column column) {
  public StandardTableColumn {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
  }
}
