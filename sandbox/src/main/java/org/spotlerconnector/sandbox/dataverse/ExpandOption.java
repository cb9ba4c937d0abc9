package org.spotlerconnector.sandbox.dataverse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.spotlerconnector.sandbox.dataverse.query.ODataQueryException;
import org.spotlerconnector.sandbox.dataverse.query.SelectParser;

/**
 * One item of {@code $expand} on a single-valued navigation property, e.g.
 * {@code parentcustomerid_account($select=name)}
 * (dataverse-api.md §2.4). Only a nested {@code $select} is accepted; collection-valued navigation properties are not
 * modelled.
 *
 * @param select the columns of the related row to return, or null for all
 */
record ExpandOption(String navigationProperty, ColumnDefinition lookup, TableDefinition target, List<String> select) {

  static List<ExpandOption> parse(
      String expand, TableDefinition table, Function<String, Optional<TableDefinition>> tablesByLogicalName) {
    if (expand == null) {
      return List.of();
    }
    List<ExpandOption> options = new ArrayList<>();
    for (String item : splitTopLevel(expand, ',')) {
      options.add(parseItem(item.trim(), table, tablesByLogicalName));
    }
    return options;
  }

  /** The context URL fragment, e.g. {@code parentcustomerid_account(name)}. */
  String contextFragment() {
    return navigationProperty + "(" + (select == null ? "" : String.join(",", select)) + ")";
  }

  private static ExpandOption parseItem(
      String item, TableDefinition table, Function<String, Optional<TableDefinition>> tablesByLogicalName) {
    int open = item.indexOf('(');
    String name = open < 0 ? item : item.substring(0, open).trim();
    ColumnDefinition lookup =
        table.lookupForNavigation(name).orElseThrow(() -> ODataQueryException.propertyNotFound(name, table));
    TableDefinition target =
        tablesByLogicalName
            .apply(lookup.target(name).orElseThrow().table())
            .orElseThrow(() -> ODataQueryException.propertyNotFound(name, table));
    List<String> select = null;
    if (open >= 0) {
      if (!item.endsWith(")")) {
        throw new ODataQueryException(
            ODataQueryException.QUERY_PARSE_ERROR,
            "')' or ',' expected at position " + item.length() + " in '" + item + "'.");
      }
      for (String option : splitTopLevel(item.substring(open + 1, item.length() - 1), ';')) {
        String trimmed = option.trim();
        if (trimmed.isEmpty()) {
          continue;
        }
        int eq = trimmed.indexOf('=');
        String optionName = eq < 0 ? trimmed : trimmed.substring(0, eq);
        if (!optionName.equals("$select")) {
          throw new ODataQueryException(
              ODataQueryException.QUERY_PARSE_ERROR,
              "The query option '" + optionName + "' is not supported in the $expand of the single-valued navigation"
                  + " property '" + name + "'.");
        }
        select = SelectParser.parse(trimmed.substring(eq + 1), target);
      }
    }
    return new ExpandOption(name, lookup, target, select);
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
