package org.spotlerconnector.sandbox.dataverse.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import org.spotlerconnector.sandbox.http.Json;

/** A contact table with one column of every kind, and rows for it. */
final class Contacts {

  static final QuerySchema SCHEMA =
      QuerySchema.of(
          "contact",
          Map.ofEntries(
              Map.entry("contactid", ColumnKind.GUID),
              Map.entry("firstname", ColumnKind.STRING),
              Map.entry("lastname", ColumnKind.STRING),
              Map.entry("nickname", ColumnKind.STRING),
              Map.entry("description", ColumnKind.MEMO),
              Map.entry("_parentcustomerid_value", ColumnKind.LOOKUP),
              Map.entry("_ownerid_value", ColumnKind.LOOKUP),
              Map.entry("numberofchildren", ColumnKind.INTEGER),
              Map.entry("versionnumber", ColumnKind.BIGINT),
              Map.entry("exchangerate", ColumnKind.DECIMAL),
              Map.entry("address1_latitude", ColumnKind.DOUBLE),
              Map.entry("creditlimit", ColumnKind.MONEY),
              Map.entry("donotemail", ColumnKind.BOOLEAN),
              Map.entry("createdon", ColumnKind.DATETIME),
              Map.entry("modifiedon", ColumnKind.DATETIME),
              Map.entry("birthdate", ColumnKind.DATEONLY),
              Map.entry("gendercode", ColumnKind.CHOICE),
              Map.entry("sample_outdooractivities", ColumnKind.MULTICHOICE)));

  private Contacts() {}

  /** A row from name/value pairs; values are put with their JSON type (null puts a JSON null). */
  static ObjectNode row(Object... namesAndValues) {
    ObjectNode row = Json.object();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      Object value = namesAndValues[i + 1];
      if (value == null) {
        row.putNull(name);
      } else if (value instanceof String text) {
        row.put(name, text);
      } else if (value instanceof Integer number) {
        row.put(name, number);
      } else if (value instanceof Long number) {
        row.put(name, number);
      } else if (value instanceof Double number) {
        row.put(name, number);
      } else if (value instanceof BigDecimal number) {
        row.put(name, number);
      } else if (value instanceof Boolean flag) {
        row.put(name, flag);
      } else {
        throw new IllegalArgumentException("unsupported test value " + value);
      }
    }
    return row;
  }

  static boolean matches(String filter, ObjectNode row) {
    return FilterParser.parse(filter, SCHEMA).test(row);
  }
}
