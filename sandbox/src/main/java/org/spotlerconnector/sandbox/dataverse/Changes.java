package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The column changes a create or update asks for, already checked against the table: stored-form values by property
 * name ({@code NullNode} clears a column) and lookup changes, which need the store to resolve.
 */
final class Changes {
  private final Map<String, JsonNode> values = new LinkedHashMap<>();
  private final List<LookupChange> lookups = new ArrayList<>();

  /**
   * A lookup change: clear it, point it at a referenced row ({@code reference}, an {@code @odata.bind} URL), at a
   * known id ({@code id}, optionally with the target table), or at a row created with it ({@code deepInsert}).
   */
  record LookupChange(ColumnDefinition lookup, String targetTable, String reference, UUID id, ObjectNode deepInsert) {

    boolean clears() {
      return reference == null && id == null && deepInsert == null;
    }
  }

  void set(String property, JsonNode storedValue) {
    values.put(property, storedValue);
  }

  void lookup(LookupChange change) {
    lookups.add(change);
  }

  Map<String, JsonNode> values() {
    return values;
  }

  List<LookupChange> lookups() {
    return lookups;
  }

  boolean touches(String property) {
    return values.containsKey(property);
  }
}
