package org.spotlerconnector.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Blankness and equality of values in Spotler value space, by meaning rather than by JSON form.
 *
 * <ul>
 *   <li>Blank: absent, JSON {@code null}, {@code ""}, {@code false} and a set with no bit enabled. Mail+ shows a
 *       property only when it has data (spotler-api.md §2.1), so an absent property and a cleared one are the same
 *       thing; likewise a permission a contact never had and one switched off.
 *   <li>Equal: all blanks are equal; numbers by value ({@code 1} equals {@code 1.0}); sets by which bits are enabled,
 *       in any order and whatever the entries' descriptions; text exactly.
 * </ul>
 *
 * <p>A set is a JSON array of {@code {"bit": n, "enabled": true|false}} entries (spotler-api.md §2.3); entries without
 * a numeric bit are ignored and the first entry of a bit counts, as in {@link
 * org.spotlerconnector.spotler.SpotlerContact#permissions()}.
 */
public final class SpotlerValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SpotlerValues() {}

  public static boolean isBlank(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return true;
    }
    if (value.isTextual()) {
      return value.textValue().isEmpty();
    }
    if (value.isBoolean()) {
      return !value.booleanValue();
    }
    return value.isArray() && enabledBits(value).isEmpty();
  }

  public static boolean same(JsonNode a, JsonNode b) {
    boolean aBlank = isBlank(a);
    boolean bBlank = isBlank(b);
    if (aBlank || bBlank) {
      return aBlank && bBlank;
    }
    if (a.isArray() || b.isArray()) {
      return a.isArray() && b.isArray() && enabledBits(a).equals(enabledBits(b));
    }
    if (a.isNumber() || b.isNumber()) {
      return a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  /** Whether this value is a set: a JSON array. */
  static boolean isSet(JsonNode value) {
    return value != null && value.isArray();
  }

  /** The bits a set mentions and whether each is enabled; a blank single value reads as the empty set. */
  public static SortedMap<Long, Boolean> bits(JsonNode set) {
    SortedMap<Long, Boolean> bits = new TreeMap<>();
    if (isSet(set)) {
      for (JsonNode entry : set) {
        if (entry.path("bit").canConvertToLong()) {
          bits.putIfAbsent(entry.get("bit").asLong(), entry.path("enabled").asBoolean(false));
        }
      }
    }
    return bits;
  }

  /** The canonical form of a set: one entry per bit, in bit order. */
  public static ArrayNode set(Map<Long, Boolean> bits) {
    ArrayNode set = NODES.arrayNode();
    new TreeMap<>(bits)
        .forEach(
            (bit, enabled) -> {
              ObjectNode entry = set.addObject();
              entry.set("bit", bitNode(bit));
              entry.put("enabled", enabled);
            });
    return set;
  }

  /**
   * The entries of {@code set} whose bit is in another state in {@code from}, a bit neither mentions being off: what
   * to send so that a side holding {@code from} ends up holding {@code set}, as Spotler leaves the bits a call does
   * not name alone (spotler-api.md §2.3).
   */
  public static ArrayNode changedBits(JsonNode set, JsonNode from) {
    SortedMap<Long, Boolean> target = bits(set);
    SortedMap<Long, Boolean> current = bits(from);
    Map<Long, Boolean> changed = new TreeMap<>();
    SortedSet<Long> all = new TreeSet<>(target.keySet());
    all.addAll(current.keySet());
    for (long bit : all) {
      boolean enabled = target.getOrDefault(bit, false);
      if (enabled != current.getOrDefault(bit, false)) {
        changed.put(bit, enabled);
      }
    }
    return set(changed);
  }

  /** Bits are int64 (spotler-api.md §2.2) but small in practice: written as JSON reads them back, int when they fit. */
  static JsonNode bitNode(long bit) {
    return bit == (int) bit ? NODES.numberNode((int) bit) : NODES.numberNode(bit);
  }

  /** The value as a base or an output holds it: JSON {@code null} for an absent value, otherwise a copy. */
  static JsonNode stored(JsonNode value) {
    return value == null || value.isMissingNode() ? NullNode.getInstance() : value.deepCopy();
  }

  private static SortedSet<Long> enabledBits(JsonNode set) {
    SortedSet<Long> enabled = new TreeSet<>();
    bits(set).forEach((bit, on) -> {
      if (on) {
        enabled.add(bit);
      }
    });
    return enabled;
  }
}
