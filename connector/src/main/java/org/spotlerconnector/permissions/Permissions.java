package org.spotlerconnector.permissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.permissions.PermissionRows.NewRow;
import org.spotlerconnector.permissions.RecordPermissions.Changes;
import org.spotlerconnector.spotler.SetPropertyEntry;

/**
 * The Dynamics 365 side of the permissions field ({@code @map(permissions)}) for both sync flows: a record's
 * permissions are its Spotler Permission rows, bit by bit, read in bulk for a batch of records and written back in
 * bulk. A record without any row has no permissions to say: the flows leave its field alone rather than read it as
 * "nothing subscribed". Thread-safe.
 */
public final class Permissions {
  private final PermissionMapping mapping;
  private final PermissionRows rows;
  private final SpotlerPermissions spotler;
  private final PrePopulation prePopulation;

  public Permissions(
      PermissionMapping mapping, PermissionRows rows, SpotlerPermissions spotler, PrePopulation prePopulation) {
    this.mapping = mapping;
    this.rows = rows;
    this.spotler = spotler;
    this.prePopulation = prePopulation;
  }

  public PermissionMapping mapping() {
    return mapping;
  }

  public PermissionRows rows() {
    return rows;
  }

  /** The rows of these records of {@code table}, by record id; records without rows are absent. */
  public Map<String, RecordPermissions> read(SourceTable table, Collection<String> recordIds) {
    return rows.read(table, recordIds);
  }

  /** The permissions of these records in Spotler value space, by record id; records without rows are absent. */
  public Map<String, ArrayNode> sets(SourceTable table, Collection<String> recordIds) {
    Map<String, ArrayNode> sets = new HashMap<>();
    read(table, recordIds).forEach((id, permissions) -> sets.put(id, permissions.set()));
    return sets;
  }

  /**
   * Brings the rows of these records to the target sets: switches the rows whose state differs and creates a row,
   * named after the permission's description in Spotler, for each enabled bit that has none.
   *
   * @param targets per record id, its permissions in Spotler value space
   * @param current the records' rows as read before the merge, by record id; a record without rows may be absent
   */
  public void write(SourceTable table, Map<String, JsonNode> targets, Map<String, RecordPermissions> current) {
    Map<String, Boolean> switched = new LinkedHashMap<>();
    Map<String, Changes> creations = new LinkedHashMap<>();
    targets.forEach((recordId, target) -> {
      Changes changes = current.getOrDefault(recordId, new RecordPermissions()).changesTo(target);
      switched.putAll(changes.switched());
      if (!changes.created().isEmpty()) {
        creations.put(recordId, changes);
      }
    });
    rows.setEnabled(switched);
    if (creations.isEmpty()) {
      return;
    }
    Map<Long, String> names = new HashMap<>();
    for (SetPropertyEntry entry : spotler.entries(mapping.field(table).orElseThrow())) {
      names.putIfAbsent(entry.bit(), entry.description());
    }
    List<NewRow> newRows = new ArrayList<>();
    creations.forEach((recordId, changes) -> changes.created().forEach(bit ->
        newRows.add(new NewRow(recordId, bit, names.getOrDefault(bit, String.valueOf(bit)), true))));
    rows.create(table, newRows);
  }

  /**
   * Pre-populates these records, newly created in Dynamics 365 and without rows ({@link PrePopulation}).
   *
   * @return per record id, its new permissions in Spotler value space; empty when pre-population is switched off
   */
  public Map<String, ArrayNode> prePopulate(SourceTable table, List<String> recordIds) {
    return prePopulation.populate(table, mapping.field(table).orElseThrow(), recordIds);
  }
}
