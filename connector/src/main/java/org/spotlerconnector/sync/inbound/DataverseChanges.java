package org.spotlerconnector.sync.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spotlerconnector.mapping.InboundResult;
import org.spotlerconnector.mapping.SourceTable;

/**
 * The update body that brings a Dataverse row to the values the merge chose from Spotler: each value converted to its
 * column, and only the columns whose value changes, so that an update never touches what it need not.
 *
 * @param columns the update body; empty when the row already holds every value
 * @param heldBack the Spotler fields whose value does not fit its column (too long, not one of the choices...): not
 *     written, and their reasons, which name field and column but never the value
 */
record DataverseChanges(ObjectNode columns, Map<String, String> heldBack) {

  static DataverseChanges of(MergePlan plan, SourceTable table, ObjectNode spotlerValues, ObjectNode row) {
    ObjectNode values = spotlerValues.deepCopy();
    Map<String, String> heldBack = new LinkedHashMap<>();
    while (true) {
      InboundResult result = plan.columns(table, values);
      if (result instanceof InboundResult.Mapped mapped) {
        return new DataverseChanges(changedOnly(mapped.columns(), row), heldBack);
      }
      InboundResult.Unconvertible unconvertible = (InboundResult.Unconvertible) result;
      heldBack.put(unconvertible.spotlerField(), unconvertible.reason());
      values.remove(unconvertible.spotlerField());
    }
  }

  private static ObjectNode changedOnly(ObjectNode columns, ObjectNode row) {
    ObjectNode changed = columns.objectNode();
    List<String> names = new ArrayList<>();
    columns.fieldNames().forEachRemaining(names::add);
    for (String column : names) {
      if (!sameColumnValue(columns.get(column), row.get(column))) {
        changed.set(column, columns.get(column));
      }
    }
    return changed;
  }

  /** Equal as the Web API holds them: both empty, numbers by value, anything else exactly. */
  private static boolean sameColumnValue(JsonNode written, JsonNode current) {
    boolean writtenEmpty = written == null || written.isNull();
    boolean currentEmpty = current == null || current.isNull();
    if (writtenEmpty || currentEmpty) {
      return writtenEmpty && currentEmpty;
    }
    if (written.isNumber() && current.isNumber()) {
      return written.decimalValue().compareTo(current.decimalValue()) == 0;
    }
    return written.equals(current);
  }
}
