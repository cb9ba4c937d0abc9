package org.spotlerconnector.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.spotlerconnector.merge.SpotlerValues;
import org.spotlerconnector.store.SyncedRecord;

/**
 * The stored base of a record (its synced values) as both flows read and write it. The base holds every mapped field,
 * also those only Spotler fills ({@code <-}), which the outbound flow never sends: so a record is unchanged when each
 * value it would send equals the base's, by meaning ({@link SpotlerValues#same}), and a flow that writes some fields
 * lays them over the base instead of replacing it.
 */
public final class SyncedBase {
  private SyncedBase() {}

  /** Whether the base already holds every value of {@code values}: sending them would change nothing. */
  public static boolean holds(SyncedRecord base, ObjectNode values) {
    Iterator<Map.Entry<String, JsonNode>> fields = values.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode stored = base.values().get(field.getKey());
      if (stored == null || !SpotlerValues.same(stored, field.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code values} with each set field (permissions) cut down to the bits whose state differs from {@code from}'s, a
   * bit neither mentions being off; a set with no such bit is left out. Spotler leaves the bits a call does not name
   * alone (spotler-api.md §2.3), so the call changes exactly those bits and overwrites no other change. A set field
   * {@code from} does not hold is kept whole.
   *
   * @param from the values the receiving side holds, or is known to hold: the base, or the Spotler contact's values
   */
  public static ObjectNode onlyChangedBits(ObjectNode values, ObjectNode from) {
    ObjectNode changes = values.deepCopy();
    values.properties().forEach(field -> {
      if (field.getValue().isArray() && from.has(field.getKey())) {
        ArrayNode changed = SpotlerValues.changedBits(field.getValue(), from.get(field.getKey()));
        if (changed.isEmpty()) {
          changes.remove(field.getKey());
        } else {
          changes.set(field.getKey(), changed);
        }
      }
    });
    return changes;
  }

  /** The base with {@code values} laid over it: fields that {@code values} does not name keep their stored value. */
  public static ObjectNode overlay(SyncedRecord base, ObjectNode values) {
    ObjectNode merged = base == null ? JsonNodeFactory.instance.objectNode() : base.values().deepCopy();
    merged.setAll(values.deepCopy());
    return merged;
  }
}
