package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spotlerconnector.sandbox.dataverse.query.FilterParser;
import org.spotlerconnector.sandbox.dataverse.query.ODataQueryException;
import org.spotlerconnector.sandbox.dataverse.query.OrderByParser;
import org.spotlerconnector.sandbox.dataverse.query.RowFilter;
import org.spotlerconnector.sandbox.dataverse.query.SelectParser;

/**
 * One item of {@code $expand} (dataverse-api.md §2.4, §8): a single-valued navigation property, e.g.
 * {@code parentcustomerid_account($select=name)}, which accepts a nested {@code $select} only; or a collection-valued
 * one, named after the relationship of a lookup that points at the table, e.g.
 * {@code environmentvariabledefinition_environmentvariablevalue($select=value)}, which also accepts {@code $filter},
 * {@code $orderby} and {@code $top}. Nested {@code $expand} is not supported.
 *
 * @param lookup for a single-valued property the lookup column of the expanded table; for a collection-valued one the
 *     lookup column of the related table that points back
 * @param target the related table
 * @param select the columns of the related rows to return, or null for all
 * @param filter the related rows to return (collections only; all rows otherwise)
 * @param order the order of the related rows, or null for primary key order (collections only)
 * @param top the most related rows to return, or null (collections only)
 */
record ExpandOption(
    String navigationProperty,
    ColumnDefinition lookup,
    TableDefinition target,
    List<String> select,
    boolean collection,
    RowFilter filter,
    Comparator<ObjectNode> order,
    Integer top) {

  /**
   * @param tables every table of the environment, to resolve navigation properties and relationships
   * @param clock for relative dates in a nested {@code $filter}
   */
  static List<ExpandOption> parse(String expand, TableDefinition table, List<TableDefinition> tables, Clock clock) {
    if (expand == null) {
      return List.of();
    }
    List<ExpandOption> options = new ArrayList<>();
    for (String item : splitTopLevel(expand, ',')) {
      options.add(parseItem(item.trim(), table, tables, clock));
    }
    return options;
  }

  /** The context URL fragment, e.g. {@code parentcustomerid_account(name)}. */
  String contextFragment() {
    return navigationProperty + "(" + (select == null ? "" : String.join(",", select)) + ")";
  }

  private static ExpandOption parseItem(String item, TableDefinition table, List<TableDefinition> tables, Clock clock) {
    int open = item.indexOf('(');
    String name = open < 0 ? item : item.substring(0, open).trim();
    Map<String, String> nested = open < 0 ? Map.of() : nestedOptions(item, open);
    Optional<ColumnDefinition> single = table.lookupForNavigation(name);
    if (single.isPresent()) {
      String targetTable = single.get().target(name).orElseThrow().table();
      TableDefinition target =
          byLogicalName(tables, targetTable).orElseThrow(() -> ODataQueryException.propertyNotFound(name, table));
      for (String option : nested.keySet()) {
        if (!option.equals("$select")) {
          throw new ODataQueryException(
              ODataQueryException.QUERY_PARSE_ERROR,
              "The query option '" + option + "' is not supported in the $expand of the single-valued navigation"
                  + " property '" + name + "'.");
        }
      }
      return new ExpandOption(name, single.get(), target, select(nested, target), false, RowFilter.all(), null, null);
    }
    for (TableDefinition related : tables) {
      for (ColumnDefinition column : related.columns()) {
        for (LookupTarget lookupTarget : column.targets()) {
          if (lookupTarget.table().equals(table.logicalName())
              && lookupTarget.relationshipName(related.logicalName(), column.logicalName()).equals(name)) {
            return collection(name, column, related, nested, clock);
          }
        }
      }
    }
    throw ODataQueryException.propertyNotFound(name, table);
  }

  private static ExpandOption collection(
      String name, ColumnDefinition lookup, TableDefinition related, Map<String, String> nested, Clock clock) {
    for (String option : nested.keySet()) {
      if (!List.of("$select", "$filter", "$orderby", "$top").contains(option)) {
        throw new ODataQueryException(
            ODataQueryException.QUERY_PARSE_ERROR,
            "The query option '" + option + "' is not supported in the $expand of the collection-valued navigation"
                + " property '" + name + "' by this emulator.");
      }
    }
    RowFilter filter = FilterParser.parse(nested.get("$filter"), related, Map.of(), clock);
    Comparator<ObjectNode> order =
        nested.containsKey("$orderby") ? OrderByParser.parse(nested.get("$orderby"), related) : null;
    return new ExpandOption(name, lookup, related, select(nested, related), true, filter, order, top(nested, name));
  }

  private static List<String> select(Map<String, String> nested, TableDefinition target) {
    return nested.containsKey("$select") ? SelectParser.parse(nested.get("$select"), target) : null;
  }

  private static Integer top(Map<String, String> nested, String name) {
    String text = nested.get("$top");
    if (text == null) {
      return null;
    }
    try {
      int top = Integer.parseInt(text.trim());
      if (top >= 0) {
        return top;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ODataQueryException(
        ODataQueryException.QUERY_PARSE_ERROR,
        "Invalid value '" + text + "' for $top query option found in the $expand of '" + name + "'.");
  }

  /** The options between the parentheses of an item, e.g. {@code $select=a,b;$top=2}, by name. */
  private static Map<String, String> nestedOptions(String item, int open) {
    if (!item.endsWith(")")) {
      throw new ODataQueryException(
          ODataQueryException.QUERY_PARSE_ERROR,
          "')' or ',' expected at position " + item.length() + " in '" + item + "'.");
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (String option : splitTopLevel(item.substring(open + 1, item.length() - 1), ';')) {
      String trimmed = option.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int eq = trimmed.indexOf('=');
      options.put(eq < 0 ? trimmed : trimmed.substring(0, eq), eq < 0 ? "" : trimmed.substring(eq + 1));
    }
    return options;
  }

  private static Optional<TableDefinition> byLogicalName(List<TableDefinition> tables, String logicalName) {
    return tables.stream().filter(t -> t.logicalName().equals(logicalName)).findFirst();
  }

  private static List<String> splitTopLevel(String text, char separator) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    StringBuilder current = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      }
      if (c == separator && depth == 0 && !quoted) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }
}
