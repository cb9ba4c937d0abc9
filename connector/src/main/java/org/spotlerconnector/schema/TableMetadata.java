package org.spotlerconnector.schema;

import java.util.Objects;
import java.util.Optional;
import org.spotlerconnector.mapping.TableSchema;

/**
 * What the Dataverse metadata says about one table: the names the Web API needs to address its rows, and its columns
 * and lookups.
 *
 * @param entitySetName the collection the Web API serves its rows under, e.g. {@code contacts}; usually, but not
 *     always, the plural of the logical name
 * @param primaryIdAttribute the primary key column, e.g. {@code contactid}
 * @param primaryNameAttribute the column that names a row, e.g. {@code fullname}; empty for tables without one
 */
public record TableMetadata(
    String logicalName,
    String entitySetName,
    String primaryIdAttribute,
    Optional<String> primaryNameAttribute,
    TableSchema schema) {

  public TableMetadata {
    Objects.requireNonNull(logicalName, "logicalName");
    Objects.requireNonNull(entitySetName, "entitySetName");
    Objects.requireNonNull(primaryIdAttribute, "primaryIdAttribute");
    Objects.requireNonNull(primaryNameAttribute, "primaryNameAttribute");
    Objects.requireNonNull(schema, "schema");
  }
}
