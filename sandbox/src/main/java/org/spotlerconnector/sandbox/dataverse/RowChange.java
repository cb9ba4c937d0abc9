package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One row written by a Create, Update or Delete message, as registered steps see it.
 *
 * @param values the stored row after a Create or Update, the row as it was before a Delete
 * @param target the logical names of the columns the message's {@code Target} carries: every column with a value
 *     (but the version number) for a Create; for an Update the columns the request set, the primary key and the
 *     columns the server changed with them (modifiedon, modifiedby, computed and state columns); none for a Delete,
 *     whose target is a reference
 */
record RowChange(
    String message, TableDefinition table, UUID id, ObjectNode values, Set<String> target, UUID userId, Instant at) {
  static final String CREATE = "Create";
  static final String UPDATE = "Update";
  static final String DELETE = "Delete";
}
