package org.spotlerconnector.install;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One of the connector's tables as {@code install} creates it: user-owned, change tracking on, with its primary name
 * column, further columns (lookups among them), status reasons and alternate keys.
 */
public record TableSpec(
    String schemaName,
    String displayName,
    String pluralName,
    String description,
    Column.Text primaryName,
    List<Column> columns,
    List<StatusReason> statusReasons,
    List<AlternateKey> keys) {

  public TableSpec {
    columns = List.copyOf(columns);
    statusReasons = List.copyOf(statusReasons);
    keys = List.copyOf(keys);
  }

  public String logicalName() {
    return schemaName.toLowerCase(Locale.ROOT);
  }

  /** The plural of the logical name, as the contract names it ({@code spot_spotlerjobs}). */
  public String entitySetName() {
    return logicalName() + "s";
  }

  public Optional<Column> column(String logicalName) {
    if (primaryName.logicalName().equals(logicalName)) {
      return Optional.of(primaryName);
    }
    return columns.stream().filter(c -> c.logicalName().equals(logicalName)).findFirst();
  }
}
