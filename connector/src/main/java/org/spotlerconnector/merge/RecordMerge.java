package org.spotlerconnector.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The three-way merge of one record: every mapped field merged by {@link FieldMerge} against the stored base (the
 * store's synced values). Pure: the same inputs always give the same result.
 */
public final class RecordMerge {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RecordMerge() {}

  /**
   * @param fields the mapping rows that apply to the record's table, one per Spotler field
   * @param base the values both sides last agreed on; empty when the record was never synced. A field the base does
   *     not hold (newly mapped) merges as never synced.
   * @param dynamics the Dataverse record mapped to Spotler value space; an absent field counts as blank
   * @param spotler the Spotler contact's properties normalised to Spotler value space; an absent field counts as blank
   * @throws IllegalArgumentException when a field is listed twice, or holds a set on one side only
   */
  public static RecordMergeResult merge(
      List<MergeField> fields,
      Optional<ObjectNode> base,
      ObjectNode dynamics,
      ObjectNode spotler,
      ChangeTimes times) {
    ObjectNode toDynamics = NODES.objectNode();
    ObjectNode toSpotler = NODES.objectNode();
    ObjectNode newBase = NODES.objectNode();
    List<Conflict> conflicts = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (MergeField field : fields) {
      String name = field.name();
      if (!seen.add(name)) {
        throw new IllegalArgumentException("field '" + name + "' is listed twice");
      }
      Optional<JsonNode> baseValue = base.map(values -> values.get(name));
      FieldOutcome outcome = FieldMerge.merge(field, baseValue, dynamics.get(name), spotler.get(name), times);
      outcome.toDynamics().ifPresent(value -> toDynamics.set(name, value));
      outcome.toSpotler().ifPresent(value -> toSpotler.set(name, value));
      newBase.set(name, outcome.agreed());
      conflicts.addAll(outcome.conflicts());
    }
    return new RecordMergeResult(toDynamics, toSpotler, conflicts, newBase);
  }
}
