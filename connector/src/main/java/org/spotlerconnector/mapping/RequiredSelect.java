package org.spotlerconnector.mapping;

import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * The query options that read exactly what a mapping needs from one table, so that the sync never reads (or holds)
 * more than it maps.
 *
 * @param columns the {@code $select} columns, as the Web API names them (lookups as {@code _x_value}); always
 *     includes the primary key
 * @param expand per navigation property, the {@code $select} columns of the related row
 * @param formattedValues whether the mapping needs the choice labels: request them with {@code Prefer:
 *     odata.include-annotations="OData.Community.Display.V1.FormattedValue"}
 */
public record RequiredSelect(
    SortedSet<String> columns, SortedMap<String, SortedSet<String>> expand, boolean formattedValues) {

  /** The value of {@code $select}, e.g. {@code contactid,firstname}. */
  public String selectOption() {
    return String.join(",", columns);
  }

  /** The value of {@code $expand}, e.g. {@code parentcustomerid_account($select=name)}; empty when none. */
  public String expandOption() {
    return expand.entrySet().stream()
        .map(RequiredSelect::expandClause)
        .collect(Collectors.joining(","));
  }

  /** {@code $select=...} and, when needed, {@code &$expand=...}, not yet URL-encoded. */
  public String queryOptions() {
    return "$select=" + selectOption() + (expand.isEmpty() ? "" : "&$expand=" + expandOption());
  }

  private static String expandClause(Map.Entry<String, SortedSet<String>> entry) {
    return entry.getKey() + "($select=" + String.join(",", entry.getValue()) + ")";
  }
}
