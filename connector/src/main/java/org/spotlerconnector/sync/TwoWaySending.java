package org.spotlerconnector.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.merge.SpotlerValues;
import org.spotlerconnector.store.SyncedRecord;

/**
 * Keeps the outbound flow from overwriting an edit made in Spotler to a two-way ({@code <->}) field. A two-way field
 * that Dynamics 365 did not change since the base is left out of the send: Spotler may hold a newer value, which the
 * inbound sync brings over. A record whose two-way field Dynamics 365 did change is first checked against its Spotler
 * contact; when Spotler changed such a field too, the {@link TwoWayCheck} merges the record both ways instead of the
 * send overwriting it. Tables without two-way fields, and records never synced (no base: Dynamics 365 is
 * authoritative on the first sync), pass untouched and cost no request.
 */
final class TwoWaySending {
  private final TwoWayCheck check;

  TwoWaySending(TwoWayCheck check) {
    this.check = check;
  }

  /** What to send of a record's mapped properties: all but the two-way fields that still hold their base. */
  ObjectNode sendable(SourceTable table, ObjectNode properties, SyncedRecord base) {
    Set<String> bothWays = check.bothWayFields(table);
    if (base == null || bothWays.isEmpty()) {
      return properties;
    }
    ObjectNode sendable = properties.deepCopy();
    for (String field : bothWays) {
      if (sendable.has(field) && holdsBase(base, properties, field)) {
        sendable.remove(field);
      }
    }
    return sendable;
  }

  /**
   * Merges both ways the records whose two-way field changed in Dynamics 365 and in Spotler since their base.
   *
   * @param properties the mapped properties about to be sent, per record id
   * @param bases the stored bases, per record id; records without one are never merged here
   * @return the ids merged, which are not to be sent
   */
  Set<String> mergeEditedInSpotler(
      SourceTable table, Map<String, ObjectNode> properties, Map<String, SyncedRecord> bases) {
    if (check.bothWayFields(table).isEmpty()) {
      return Set.of();
    }
    Map<String, SyncedRecord> candidates = new LinkedHashMap<>();
    properties.forEach(
        (id, values) -> {
          if (needsSpotlerRead(table, values, bases.get(id))) {
            candidates.put(id, bases.get(id));
          }
        });
    return candidates.isEmpty() ? Set.of() : check.mergeIfEditedInSpotler(table, candidates);
  }

  /** Whether the record was synced before and Dynamics 365 changed one of its two-way fields since. */
  boolean needsSpotlerRead(SourceTable table, ObjectNode properties, SyncedRecord base) {
    return base != null
        && check.bothWayFields(table).stream().anyMatch(f -> properties.has(f) && !holdsBase(base, properties, f));
  }

  private static boolean holdsBase(SyncedRecord base, ObjectNode values, String field) {
    return base.values().has(field) && SpotlerValues.same(base.values().get(field), values.get(field));
  }
}
