package org.spotlerconnector.schema;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.spotlerconnector.mapping.DataverseSchema;
import org.spotlerconnector.mapping.TableSchema;

/**
 * The tables of a Dataverse environment, each read from the metadata API the first time it is asked for and then
 * kept: checking a mapping reads exactly the tables it uses, plus the targets of its related columns, once each. A
 * table Dataverse does not know (404) is remembered as absent; a failed read is not remembered, so asking again
 * retries it. Thread-safe.
 */
public final class LiveDataverseSchema implements DataverseSchema {
  private final DataverseSchemaReader reader;
  private final Map<String, Optional<TableMetadata>> tables = new HashMap<>();

  public LiveDataverseSchema(DataverseSchemaReader reader) {
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  @Override
  public Optional<TableSchema> table(String logicalName) {
    return metadata(logicalName).map(TableMetadata::schema);
  }

  /**
   * The table's definition, with its entity set name and primary columns; empty when the environment has no such
   * table (or the application user cannot see it).
   */
  public synchronized Optional<TableMetadata> metadata(String logicalName) {
    Optional<TableMetadata> known = tables.get(logicalName);
    if (known == null) {
      known = DataverseSchemaReader.isLogicalName(logicalName) ? readOrEmpty(logicalName) : Optional.empty();
      tables.put(logicalName, known);
    }
    return known;
  }

  private Optional<TableMetadata> readOrEmpty(String logicalName) {
    try {
      return Optional.of(reader.read(logicalName));
    } catch (MissingTableException e) {
      return Optional.empty();
    }
  }
}
