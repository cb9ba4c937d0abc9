package org.spotlerconnector.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The merge of a set field (permissions, list memberships) bit by bit: Spotler matches permissions by bit, never by
 * description (spotler-api.md §2.3), and a change to one bit says nothing about the others. Each bit merges as a
 * single value, enabled or not. A bit has two states, so when both sides changed it they changed it to the same state:
 * a set field never conflicts.
 */
final class SetFieldMerge {
  private SetFieldMerge() {}

  static FieldOutcome merge(
      MergeField field, Optional<JsonNode> base, JsonNode dynamics, JsonNode spotler, ChangeTimes times) {
    requireSetOrBlank(field, dynamics);
    requireSetOrBlank(field, spotler);
    base.ifPresent(value -> requireSetOrBlank(field, value));
    Optional<SortedMap<Long, Boolean>> baseBits = base.map(SpotlerValues::bits);
    SortedMap<Long, Boolean> dynamicsBits = SpotlerValues.bits(dynamics);
    SortedMap<Long, Boolean> spotlerBits = SpotlerValues.bits(spotler);
    SortedSet<Long> allBits = new TreeSet<>(dynamicsBits.keySet());
    allBits.addAll(spotlerBits.keySet());
    baseBits.ifPresent(bits -> allBits.addAll(bits.keySet()));

    Map<Long, Boolean> dynamicsAfter = new TreeMap<>();
    Map<Long, Boolean> spotlerAfter = new TreeMap<>();
    Map<Long, Boolean> agreed = new TreeMap<>();
    List<Conflict> conflicts = new ArrayList<>();
    for (long bit : allBits) {
      JsonNode dynamicsBit = bit(dynamicsBits, bit);
      JsonNode spotlerBit = bit(spotlerBits, bit);
      FieldOutcome outcome =
          FieldMerge.mergeValue(
              field.name(),
              field.direction(),
              field.rule(),
              baseBits.map(bits -> bit(bits, bit)),
              dynamicsBit,
              spotlerBit,
              times);
      dynamicsAfter.put(bit, outcome.toDynamics().orElse(dynamicsBit).asBoolean());
      spotlerAfter.put(bit, outcome.toSpotler().orElse(spotlerBit).asBoolean());
      agreed.put(bit, outcome.agreed().asBoolean());
      conflicts.addAll(outcome.conflicts());
    }
    JsonNode dynamicsSet = SpotlerValues.set(dynamicsAfter);
    JsonNode spotlerSet = SpotlerValues.set(spotlerAfter);
    return new FieldOutcome(
        SpotlerValues.same(dynamicsSet, dynamics) ? Optional.empty() : Optional.of(dynamicsSet),
        SpotlerValues.same(spotlerSet, spotler) ? Optional.empty() : Optional.of(spotlerSet),
        conflicts,
        SpotlerValues.set(agreed));
  }

  private static JsonNode bit(Map<Long, Boolean> bits, long bit) {
    return BooleanNode.valueOf(bits.getOrDefault(bit, false));
  }

  private static void requireSetOrBlank(MergeField field, JsonNode value) {
    if (!SpotlerValues.isSet(value) && !SpotlerValues.isBlank(value)) {
      throw new IllegalArgumentException(
          "field '" + field.name() + "' holds a set on one side and a single value on the other");
    }
  }
}
