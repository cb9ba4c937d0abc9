package org.spotlerconnector.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.ODataQuery;
import org.spotlerconnector.dataverse.ResultPages;
import org.spotlerconnector.mapping.RequiredSelect;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.sync.RowState;

/**
 * Reads the rows {@code mapping preview} shows, with every column either direction of the mapping reads and the state
 * columns the sync decides by. Only reads: one query per table, or per {@value #IDS_PER_QUERY} ids.
 */
final class PreviewRows {
  /** Ids per query, as the sync's reads by id: keeps the URL well under the Web API's limits. */
  private static final int IDS_PER_QUERY = 200;

  private final DataverseClient dataverse;

  PreviewRows(DataverseClient dataverse) {
    this.dataverse = dataverse;
  }

  /**
   * What to read of a table for all of these: the union of their columns and expansions.
   *
   * @param selects what each direction of the mapping reads of the table
   */
  static RequiredSelect union(List<RequiredSelect> selects) {
    SortedSet<String> columns = new TreeSet<>(RowState.COLUMNS);
    TreeMap<String, SortedSet<String>> expand = new TreeMap<>();
    boolean formattedValues = false;
    for (RequiredSelect select : selects) {
      columns.addAll(select.columns());
      select.expand().forEach((navigation, related) ->
          expand.computeIfAbsent(navigation, n -> new TreeSet<>()).addAll(related));
      formattedValues |= select.formattedValues();
    }
    return new RequiredSelect(columns, expand, formattedValues);
  }

  /** The first {@code count} active rows (statecode 0) of the table, in the order Dataverse returns them. */
  List<ObjectNode> firstActive(SourceTable table, RequiredSelect select, int count) {
    ResultPages<ObjectNode> pages = dataverse.query(
        query(table, select).filter("statecode eq 0"), count, select.formattedValues());
    if (!pages.hasNext()) {
      return List.of();
    }
    List<ObjectNode> rows = pages.next().items();
    return rows.subList(0, Math.min(count, rows.size()));
  }

  /** The rows with these ids, by id; ids without a row are absent. */
  Map<UUID, ObjectNode> byIds(SourceTable table, RequiredSelect select, List<UUID> ids) {
    Map<UUID, ObjectNode> rows = new HashMap<>();
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      List<String> quoted = new ArrayList<>();
      ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)).forEach(id -> quoted.add("\"" + id + "\""));
      ODataQuery query = query(table, select)
          .filter("Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=@p2)")
          .alias("@p1", "'" + table.primaryIdColumn() + "'")
          .alias("@p2", "[" + String.join(",", quoted) + "]");
      dataverse.query(query, IDS_PER_QUERY, select.formattedValues()).forEachPage(page -> page.forEach(
          row -> rows.put(UUID.fromString(row.path(table.primaryIdColumn()).asText()), row)));
    }
    return rows;
  }

  private static ODataQuery query(SourceTable table, RequiredSelect select) {
    SortedSet<String> columns = new TreeSet<>(select.columns());
    columns.add(table.primaryIdColumn());
    ODataQuery query = ODataQuery.of(table.entitySet()).select(columns.toArray(String[]::new));
    return select.expand().isEmpty() ? query : query.expand(select.expandOption());
  }
}
