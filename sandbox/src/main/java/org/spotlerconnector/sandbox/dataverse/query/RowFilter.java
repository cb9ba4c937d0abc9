package org.spotlerconnector.sandbox.dataverse.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Predicate;

/**
 * A parsed {@code $filter}: true for the rows the query returns. Rows the expression evaluates to false or null for
 * are left out, as in Dataverse. Thread-safe and reusable.
 */
public interface RowFilter extends Predicate<ObjectNode> {

  /** The filter of a query without {@code $filter}. */
  static RowFilter all() {
    return row -> true;
  }
}
