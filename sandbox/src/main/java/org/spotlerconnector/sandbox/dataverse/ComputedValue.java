package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** How the server derives a read-only column from the other columns of a row, such as {@code fullname}. */
@FunctionalInterface
public interface ComputedValue {

  /** The value for this row (stored form), or null to leave the column empty. */
  JsonNode compute(ObjectNode row);
}
