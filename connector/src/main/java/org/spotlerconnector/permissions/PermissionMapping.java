package org.spotlerconnector.permissions;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spotlerconnector.mapping.ColumnExpression;
import org.spotlerconnector.mapping.FieldMapping;
import org.spotlerconnector.mapping.SourceTable;

/**
 * The mapping rows that fill a Spotler set field from the Spotler Permission table ({@code @map(permissions)}), per
 * table: which field, and which way. When two rows name the permissions for one table, the first counts. Immutable.
 */
public final class PermissionMapping {
  private final Map<SourceTable, FieldMapping> rows;

  private PermissionMapping(Map<SourceTable, FieldMapping> rows) {
    this.rows = rows;
  }

  public static PermissionMapping of(List<FieldMapping> mapping) {
    Map<SourceTable, FieldMapping> rows = new EnumMap<>(SourceTable.class);
    for (FieldMapping row : mapping) {
      for (SourceTable table : SourceTable.values()) {
        if (row.column(table).filter(ColumnExpression.Permissions.class::isInstance).isPresent()) {
          rows.putIfAbsent(table, row);
        }
      }
    }
    return new PermissionMapping(rows);
  }

  /** Whether no row maps the permissions. */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  private Optional<FieldMapping> row(SourceTable table) {
    return Optional.ofNullable(rows.get(table));
  }

  /** The Spotler field that holds the permissions of {@code table}'s records, e.g. {@code permissions}. */
  public Optional<String> field(SourceTable table) {
    return row(table).map(FieldMapping::spotlerField);
  }

  /**
   * The Spotler field whose options the environment variable {@code <p>_permissions} lists: that of the first table
   * mapped, in the order contact, lead, account.
   */
  public Optional<String> listedField() {
    return rows.values().stream().findFirst().map(FieldMapping::spotlerField);
  }

  /** Whether the permissions of {@code table}'s records go to Spotler ({@code ->} or {@code <->}). */
  public boolean sends(SourceTable table) {
    return row(table).filter(row -> row.direction().outbound()).isPresent();
  }
}
