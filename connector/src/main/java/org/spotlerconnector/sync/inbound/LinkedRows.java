package org.spotlerconnector.sync.inbound;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.ODataQuery;
import org.spotlerconnector.mapping.RequiredSelect;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.sync.RowState;

/**
 * Reads the Dataverse rows of linked contacts by id, with what the merge needs of each: the mapped and related
 * columns, the state columns, {@code modifiedon} (the row's change time) and its ETag ({@code @odata.etag}) for the
 * conditional write. One request per {@value #CHUNK} ids ({@code Microsoft.Dynamics.CRM.In} on the primary key).
 */
final class LinkedRows {
  /** Ids per request: keeps the URL well under the Web API's limits, as the outbound re-read does. */
  static final int CHUNK = 200;
  static final String ETAG = "@odata.etag";
  static final String MODIFIED_ON = "modifiedon";
  private static final Map<SourceTable, String> ENTITY_SETS =
      Map.of(SourceTable.CONTACT, "contacts", SourceTable.LEAD, "leads", SourceTable.ACCOUNT, "accounts");

  private final DataverseClient dataverse;
  private final MergePlan plan;

  LinkedRows(DataverseClient dataverse, MergePlan plan) {
    this.dataverse = dataverse;
    this.plan = plan;
  }

  static String entitySet(SourceTable table) {
    return ENTITY_SETS.get(table);
  }

  /** The key of a row id in {@link #read}'s answer; empty when the id is not a GUID. */
  static Optional<String> key(String id) {
    try {
      return Optional.of(UUID.fromString(id.strip()).toString());
    } catch (IllegalArgumentException notAGuid) {
      return Optional.empty();
    }
  }

  /**
   * The rows with these ids, by {@link #key}; ids that are not GUIDs, and rows that do not exist (any more), are
   * absent.
   *
   * @param ids at most {@value #CHUNK}
   */
  Map<String, ObjectNode> read(SourceTable table, List<String> ids) {
    if (ids.size() > CHUNK) {
      throw new IllegalArgumentException("at most " + CHUNK + " ids per read, got " + ids.size());
    }
    // parsed: never lets text into the filter; an id that is no GUID has no row to read
    List<String> guids = ids.stream().map(LinkedRows::key).flatMap(Optional::stream).toList();
    Map<String, ObjectNode> rows = new HashMap<>();
    if (guids.isEmpty()) {
      return rows;
    }
    RequiredSelect required = plan.requiredSelect(table);
    SortedSet<String> columns = new TreeSet<>(required.columns());
    columns.addAll(RowState.COLUMNS);
    columns.add(MODIFIED_ON);
    columns.add(table.primaryIdColumn());
    ODataQuery query = ODataQuery.of(entitySet(table))
        .select(String.join(",", columns))
        .filter("Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=@p2)")
        .alias("@p1", "'" + table.primaryIdColumn() + "'")
        .alias("@p2", "[" + String.join(",", guids.stream().map(g -> "\"" + g + "\"").toList()) + "]");
    if (!required.expand().isEmpty()) {
      query = query.expand(required.expandOption());
    }
    dataverse.query(query, 5_000, required.formattedValues()).forEachPage(page -> page.forEach(
        row -> key(row.path(table.primaryIdColumn()).asText()).ifPresent(key -> rows.put(key, row))));
    return rows;
  }
}
