package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * A stored row: its id, its version (the global change counter when it was last written) and its values keyed by Web
 * API property name ({@code _x_value} for lookups), holding only the columns that have a value. A stored row is never
 * changed in place; writers replace it, so readers may use {@code values} without copying as long as they do not
 * modify it.
 */
record Row(UUID id, long version, ObjectNode values) {

  /** The annotation key under which a lookup value remembers which table it points to. */
  static String lookupTableKey(String lookupProperty) {
    return lookupProperty + "@Microsoft.Dynamics.CRM.lookuplogicalname";
  }

  String etag() {
    return "W/\"" + version + "\"";
  }
}
