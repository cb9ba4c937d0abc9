package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an entity body (create, update, upsert) into {@link Changes}, rejecting what the Web API rejects: unknown
 * properties, values of the wrong type, strings that are too long, choice values out of range, and writes to
 * {@code _x_value} lookup properties. Values for columns the server maintains (createdon, versionnumber, fullname…)
 * are ignored. Instance annotations other than {@code @odata.bind} are ignored too, so a client may send back what it
 * read.
 */
final class PayloadReader {
  private static final String BIND = "@odata.bind";
  private static final String DIRECT_LOOKUP_WRITE =
      "CRM do not support direct update of Entity Reference properties, Use Navigation properties instead.";

  private PayloadReader() {}

  /** Reads a Web API body. */
  static Changes read(TableDefinition table, JsonNode body) {
    return read(table, body, false);
  }

  /**
   * Reads a row given to the Java API or the inspection API, which may also set lookups in their stored form
   * ({@code "_parentcustomerid_value": "<id>"}, optionally with the {@code …@Microsoft.Dynamics.CRM.lookuplogicalname}
   * annotation naming the target table).
   */
  static Changes readStoredForm(TableDefinition table, JsonNode body) {
    return read(table, body, true);
  }

  private static Changes read(TableDefinition table, JsonNode body, boolean storedForm) {
    if (!(body instanceof ObjectNode object)) {
      throw DataverseException.payload(
          table, "A node of type '" + nodeType(body) + "' was read from the JSON reader when trying to read the start"
              + " of an entry. A 'StartObject' node was expected.");
    }
    Changes changes = new Changes();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      read(table, object, field.getKey(), field.getValue(), changes, storedForm);
    }
    return changes;
  }

  private static void read(
      TableDefinition table, ObjectNode body, String name, JsonNode value, Changes changes, boolean storedForm) {
    if (name.endsWith(BIND)) {
      bind(table, name.substring(0, name.length() - BIND.length()), value, changes);
      return;
    }
    if (name.contains("@")) {
      return;
    }
    Optional<ColumnDefinition> lookup = table.lookupForNavigation(name);
    if (lookup.isPresent() && table.columnForProperty(name).isEmpty()) {
      navigation(table, lookup.get(), name, value, changes);
      return;
    }
    ColumnDefinition column =
        table.columnForProperty(name).orElseThrow(() -> DataverseException.unknownProperty(table, name));
    if (!column.writable()) {
      return;
    }
    if (column.isLookup()) {
      if (!storedForm) {
        throw DataverseException.badRequest(DataverseException.ODATA_QUERY, DIRECT_LOOKUP_WRITE);
      }
      String targetTable = body.path(Row.lookupTableKey(name)).asText(null);
      if (value.isNull()) {
        changes.lookup(new Changes.LookupChange(column, null, null, null, null));
      } else {
        changes.lookup(new Changes.LookupChange(column, targetTable, null, ColumnValues.guid(table, value), null));
      }
      return;
    }
    changes.set(column.propertyName(), ColumnValues.convert(table, column, value));
  }

  private static void bind(TableDefinition table, String navigation, JsonNode value, Changes changes) {
    ColumnDefinition lookup =
        table
            .lookupForNavigation(navigation)
            .orElseThrow(
                () ->
                    DataverseException.payload(
                        table,
                        "An undeclared property '" + navigation + "' which only has property annotations in the"
                            + " payload but no property value was found in the payload. In OData, only declared"
                            + " navigation properties and declared named streams can be represented as properties"
                            + " without values."));
    if (!lookup.writable()) {
      return;
    }
    String targetTable = lookup.target(navigation).orElseThrow().table();
    if (value.isNull()) {
      changes.lookup(new Changes.LookupChange(lookup, targetTable, null, null, null));
    } else if (value.isTextual()) {
      changes.lookup(new Changes.LookupChange(lookup, targetTable, value.asText(), null, null));
    } else {
      throw DataverseException.payload(
          table, "A node of type '" + nodeType(value) + "' was read from the JSON reader when trying to read the"
              + " value of the '" + navigation + "@odata.bind' annotation. A 'PrimitiveValue' node was expected.");
    }
  }

  private static void navigation(
      TableDefinition table, ColumnDefinition lookup, String navigation, JsonNode value, Changes changes) {
    if (!lookup.writable()) {
      return;
    }
    String targetTable = lookup.target(navigation).orElseThrow().table();
    if (value.isNull()) {
      changes.lookup(new Changes.LookupChange(lookup, targetTable, null, null, null));
    } else if (value instanceof ObjectNode related) {
      changes.lookup(new Changes.LookupChange(lookup, targetTable, null, null, related));
    } else {
      throw DataverseException.payload(
          table, "A node of type '" + nodeType(value) + "' was read from the JSON reader when trying to read the"
              + " contents of the navigation property '" + navigation + "'. A 'StartObject' node was expected.");
    }
  }

  private static String nodeType(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "EndOfInput";
    }
    if (node.isArray()) {
      return "StartArray";
    }
    if (node.isObject()) {
      return "StartObject";
    }
    return "PrimitiveValue";
  }
}
