package org.spotlerconnector.permissions;

import java.util.Objects;
import org.spotlerconnector.install.ConnectorTables;
import org.spotlerconnector.mapping.SourceTable;

/**
 * The names of the Spotler Permission table for one customisation prefix (docs/dataverse-tables.md): one row per
 * record and permission bit, {@code <p>_bit} and {@code <p>_isenabled}, pointing at its contact or account through
 * the customer lookup {@code <p>_customer} and at its lead through {@code <p>_lead}.
 *
 * @param prefix the customisation prefix {@code install} used, {@code spot} by default
 */
public record PermissionTable(String prefix) {
  public PermissionTable {
    Objects.requireNonNull(prefix, "prefix");
  }

  /** {@code <p>_spotlerpermission}. */
  public String logicalName() {
    return column(ConnectorTables.SPOTLER_PERMISSION);
  }

  public String entitySet() {
    return logicalName() + "s";
  }

  public String idColumn() {
    return logicalName() + "id";
  }

  /** The primary name: the permission's description in Spotler when the row was made. */
  public String nameColumn() {
    return column("name");
  }

  public String bitColumn() {
    return column("bit");
  }

  public String enabledColumn() {
    return column("isenabled");
  }

  /** The lookup that points at rows of {@code table}, as a query function names it: {@code <p>_customer}. */
  public String lookup(SourceTable table) {
    return column(table == SourceTable.LEAD ? "lead" : "customer");
  }

  /** The property a row's lookup to {@code table} is read through: {@code _<p>_customer_value}. */
  public String lookupValue(SourceTable table) {
    return "_" + lookup(table) + "_value";
  }

  /**
   * The navigation property that binds a new row to a row of {@code table}; the customer lookup names its target,
   * as install made it: {@code <p>_customer_contact}, {@code <p>_customer_account}, {@code <p>_lead}.
   */
  public String navigationProperty(SourceTable table) {
    return table == SourceTable.LEAD ? lookup(table) : lookup(table) + "_" + table.logicalName();
  }

  /** {@code <p>_<variable>}, the schema name of one of the connector's environment variables. */
  public String variable(String name) {
    return column(name);
  }

  private String column(String name) {
    return prefix + "_" + name;
  }
}
