package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;

/**
 * What the server checks for particular tables before a row is written, beyond column types and alternate keys: a
 * unique name, a required reference, a valid combination of values. Called under the store's write lock; refuses a
 * write by throwing {@link DataverseException}.
 */
@FunctionalInterface
interface RowRules {
  RowRules NONE = (table, id, values, existing) -> {};

  /** Every one of the rules, in order. */
  static RowRules all(RowRules... rules) {
    List<RowRules> all = List.of(rules);
    return (table, id, values, existing) -> all.forEach(r -> r.beforeWrite(table, id, values, existing));
  }

  /**
   * @param values the row as it will be stored (stored form)
   * @param existing the row before this write, or null for a create
   */
  void beforeWrite(TableStore table, UUID id, ObjectNode values, Row existing);
}
