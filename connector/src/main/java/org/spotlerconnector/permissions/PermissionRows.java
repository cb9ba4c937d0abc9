package org.spotlerconnector.permissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.Lookups;
import org.spotlerconnector.dataverse.ODataQuery;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.mapping.SourceTable;

/**
 * Reads and writes Spotler Permission rows in bulk: the rows of many records in one request per {@value #CHUNK}
 * record ids ({@code Microsoft.Dynamics.CRM.In} on the record's lookup), new rows with {@code CreateMultiple} and
 * changed ones with {@code UpdateMultiple}. A row's state is its {@code isenabled}, whatever its status: deactivating
 * a row does not unsubscribe. Thread-safe.
 */
public final class PermissionRows {
  /** Record ids per read: keeps the URL well under the Web API's limits, as the other reads by id do. */
  public static final int CHUNK = 200;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final DataverseClient dataverse;
  private final PermissionTable table;

  public PermissionRows(DataverseClient dataverse, PermissionTable table) {
    this.dataverse = dataverse;
    this.table = table;
  }

  public PermissionTable table() {
    return table;
  }

  /** A row to create: the record it belongs to, its bit, its name and whether it starts enabled. */
  public record NewRow(String recordId, long bit, String name, boolean enabled) {}

  /**
   * The rows of these records, per record id in the form Dataverse writes GUIDs (lower case); records without rows,
   * and ids that are not GUIDs, are absent.
   */
  public Map<String, RecordPermissions> read(SourceTable parent, Collection<String> recordIds) {
    List<String> ids = recordIds.stream().map(PermissionRows::guid).flatMap(Optional::stream).distinct().toList();
    Map<String, RecordPermissions> permissions = new HashMap<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      ODataQuery query = ODataQuery.of(table.entitySet())
          .select(table.idColumn(), table.bitColumn(), table.enabledColumn(), table.lookupValue(parent))
          .filter("Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=@p2)")
          .alias("@p1", "'" + table.lookup(parent) + "'")
          .alias("@p2", "[" + String.join(",", chunk.stream().map(id -> "\"" + id + "\"").toList()) + "]");
      dataverse.query(query, 5_000, false).forEachPage(rows -> rows.forEach(row -> {
        String recordId = row.path(table.lookupValue(parent)).asText("");
        JsonNode bit = row.get(table.bitColumn());
        if (!recordId.isEmpty() && bit != null && bit.canConvertToLong()) {
          permissions.computeIfAbsent(recordId, id -> new RecordPermissions()).add(new RecordPermissions.Row(
              row.path(table.idColumn()).asText(), bit.asLong(), row.path(table.enabledColumn()).asBoolean(false)));
        }
      }));
    }
    return permissions;
  }

  /** The ids of the records a row points at, per table; a customer lookup may be a contact or an account. */
  public Map<SourceTable, String> parentsOf(ObjectNode row) {
    Map<SourceTable, String> parents = new HashMap<>();
    for (SourceTable parent : SourceTable.values()) {
      guid(row.path(table.lookupValue(parent)).asText("")).ifPresent(id -> parents.put(parent, id));
    }
    return parents;
  }

  /** The columns the change reader selects to find a changed row's records. */
  public Set<String> parentColumns() {
    Set<String> columns = new LinkedHashSet<>();
    columns.add(table.idColumn());
    for (SourceTable parent : SourceTable.values()) {
      columns.add(table.lookupValue(parent));
    }
    return columns;
  }

  /** Creates the rows, in one {@code CreateMultiple} per bulk chunk (each chunk is all or nothing). */
  public void create(SourceTable parent, List<NewRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    List<ObjectNode> targets = new ArrayList<>(rows.size());
    for (NewRow row : rows) {
      ObjectNode target = JSON.objectNode()
          .put(table.nameColumn(), row.name())
          .put(table.bitColumn(), row.bit())
          .put(table.enabledColumn(), row.enabled());
      targets.add(Lookups.bind(target, table.navigationProperty(parent), parent.entitySet(),
          RecordKey.id(row.recordId())));
    }
    dataverse.createMultiple(table.entitySet(), table.logicalName(), targets);
  }

  /** Sets {@code isenabled} of existing rows, by row id, in one {@code UpdateMultiple} per bulk chunk. */
  public void setEnabled(Map<String, Boolean> enabledByRowId) {
    if (enabledByRowId.isEmpty()) {
      return;
    }
    List<ObjectNode> targets = new ArrayList<>(enabledByRowId.size());
    enabledByRowId.forEach((rowId, enabled) ->
        targets.add(JSON.objectNode().put(table.idColumn(), rowId).put(table.enabledColumn(), enabled)));
    dataverse.updateMultiple(table.entitySet(), table.logicalName(), targets);
  }

  /** The GUID as Dataverse writes it; empty when the text is none. */
  static Optional<String> guid(String text) {
    try {
      return text.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(text.strip()).toString());
    } catch (IllegalArgumentException notAGuid) {
      return Optional.empty();
    }
  }
}
