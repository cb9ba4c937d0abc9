package org.spotlerconnector.sync.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spotlerconnector.mapping.Direction;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.merge.MergeField;
import org.spotlerconnector.permissions.Permissions;
import org.spotlerconnector.permissions.RecordPermissions;

/**
 * The permissions field in the merge of linked records ({@code @map(permissions)}): its Dataverse side is the
 * record's Spotler Permission rows, read for a chunk of records at once, and the value Spotler won is written back to
 * the rows. {@link org.spotlerconnector.merge.FieldMerge} merges the set bit by bit, so an unsubscribe in Spotler and
 * a permission ticked in Dynamics 365 both survive.
 *
 * <p>A record without any row has no permissions to say: for that merge its field counts as mapped {@code <-}, so
 * Spotler's permissions fill its rows, and nothing of Dynamics 365 clears Spotler's. Records created for new
 * subscribers get their rows that way. With a {@code ->} mapping such a record's field is left out of the merge.
 */
final class PermissionMerge {
  private final MergePlan plan;
  private final Optional<Permissions> permissions;

  PermissionMerge(MergePlan plan, Optional<Permissions> permissions) {
    this.plan = plan;
    this.permissions = permissions;
  }

  /** The rows of a chunk of records of {@code table}; none are read when the table's permissions are not merged. */
  Chunk read(SourceTable table, List<String> recordIds) {
    Optional<MergeField> field = plan.permissionField(table).filter(f -> permissions.isPresent());
    Map<String, RecordPermissions> rows = field.isPresent() ? permissions.get().read(table, recordIds) : Map.of();
    return new Chunk(table, field, rows);
  }

  /** The permission rows of one chunk of records, and what the merge of each record does with them. */
  final class Chunk {
    private final SourceTable table;
    private final Optional<MergeField> field;
    private final Map<String, RecordPermissions> rows;

    private Chunk(SourceTable table, Optional<MergeField> field, Map<String, RecordPermissions> rows) {
      this.table = table;
      this.field = field;
      this.rows = rows;
    }

    /** The name of the permissions field, when the table's permissions are merged. */
    Optional<String> field() {
      return field.map(MergeField::name);
    }

    /**
     * The fields to merge for one record: the plan's, with the permissions field taken as {@code <-} when the record
     * has no rows, or left out when it has none and the field does not flow to Dynamics 365.
     */
    List<MergeField> fields(String recordId) {
      if (field.isEmpty() || has(recordId)) {
        return plan.fields(table);
      }
      MergeField permissionField = field.get();
      List<MergeField> fields = new ArrayList<>();
      for (MergeField other : plan.fields(table)) {
        if (!other.name().equals(permissionField.name())) {
          fields.add(other);
        } else if (permissionField.direction().inbound()) {
          fields.add(new MergeField(other.name(), Direction.TO_DATAVERSE, other.rule()));
        }
      }
      return fields;
    }

    /** Adds the record's permissions, in Spotler value space, to its Dataverse values, when it has rows. */
    void addTo(String recordId, ObjectNode dynamics) {
      if (field.isPresent() && has(recordId)) {
        dynamics.set(field.get().name(), rows.get(key(recordId)).set());
      }
    }

    /**
     * Brings the rows of these records to the permissions the merge chose, in bulk.
     *
     * @param targets per record id, the permissions in Spotler value space
     * @throws RuntimeException when Dataverse does not take the writes; the records merge again when read again
     */
    void write(Map<String, JsonNode> targets) {
      if (field.isEmpty() || targets.isEmpty()) {
        return;
      }
      Map<String, JsonNode> byKey = new LinkedHashMap<>();
      targets.forEach((recordId, target) -> byKey.put(key(recordId), target));
      permissions.get().write(table, byKey, rows);
    }

    private boolean has(String recordId) {
      return rows.containsKey(key(recordId));
    }

    private String key(String recordId) {
      return LinkedRows.key(recordId).orElse(recordId);
    }
  }
}
