package org.spotlerconnector.permissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.spotlerconnector.merge.SpotlerValues;

/**
 * The Spotler Permission rows of one record, by bit: its permissions field in Spotler value space, and what to write
 * to bring it to another value. A bit without a row is off; when a record has two rows for a bit (the alternate key
 * stops that, but a key may not be active yet) the first read counts. Not thread-safe.
 */
public final class RecordPermissions {
  private final SortedMap<Long, Row> rows = new TreeMap<>();

  /** One row: its id, bit and state. */
  public record Row(String id, long bit, boolean enabled) {}

  void add(Row row) {
    rows.putIfAbsent(row.bit(), row);
  }

  /** The permissions as a set in Spotler value space, one entry per row, in bit order. */
  public ArrayNode set() {
    Map<Long, Boolean> bits = new TreeMap<>();
    rows.forEach((bit, row) -> bits.put(bit, row.enabled()));
    return SpotlerValues.set(bits);
  }

  /**
   * What brings the rows to {@code target} (a set in Spotler value space): the existing rows to switch, by row id, and
   * the bits to create a row for, enabled. A bit the target has off and no row holds needs nothing.
   */
  Changes changesTo(JsonNode target) {
    Map<String, Boolean> switched = new LinkedHashMap<>();
    SortedSet<Long> created = new TreeSet<>();
    SpotlerValues.bits(target).forEach((bit, enabled) -> {
      Row row = rows.get(bit);
      if (row != null && row.enabled() != enabled) {
        switched.put(row.id(), enabled);
      } else if (row == null && enabled) {
        created.add(bit);
      }
    });
    return new Changes(switched, created);
  }

  /** The writes {@link #changesTo} found. */
  record Changes(Map<String, Boolean> switched, SortedSet<Long> created) {}
}
