package org.spotlerconnector.mapping;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Dataverse tables a mapping may refer to. A live implementation reads them from the metadata API on demand (see
 * {@link TableSchema}); related columns make the validator ask for the lookups' target tables too.
 */
public interface DataverseSchema {
  /** The table with this logical name; empty when the environment has no such table. */
  Optional<TableSchema> table(String logicalName);

  /** A fixed set of tables. */
  static DataverseSchema of(TableSchema... tables) {
    return of(List.of(tables));
  }

  static DataverseSchema of(Collection<TableSchema> tables) {
    Map<String, TableSchema> byName =
        tables.stream().collect(Collectors.toUnmodifiableMap(TableSchema::logicalName, Function.identity()));
    return logicalName -> Optional.ofNullable(byName.get(logicalName));
  }
}
