package org.spotlerconnector.sync.inbound;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.mapping.SpotlerProperty;
import org.spotlerconnector.mapping.SpotlerValueNormaliser;
import org.spotlerconnector.merge.SpotlerValues;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.SpotlerContact;
import org.spotlerconnector.store.SyncedRecord;
import org.spotlerconnector.sync.TwoWayCheck;

/**
 * The outbound flow's look at Spotler before it sends a record whose two-way field changed in Dynamics 365: one read
 * of the contact ({@code GET /contact/{externalId}}) per record, and a {@link LinkedMerge} of those whose two-way
 * fields Spotler changed since their base, so that the Spotler edit is merged or recorded as a conflict rather than
 * overwritten. Thread-safe.
 */
public final class SpotlerEditCheck implements TwoWayCheck {
  private final MailPlusClient spotler;
  private final LinkedMerge merge;
  private final SpotlerValueNormaliser normaliser;

  /** @param zone spotler.timeZone, in which Spotler's dates are read */
  public SpotlerEditCheck(MailPlusClient spotler, LinkedMerge merge, ZoneId zone) {
    this.spotler = spotler;
    this.merge = merge;
    this.normaliser = new SpotlerValueNormaliser(zone);
  }

  @Override
  public Set<String> bothWayFields(SourceTable table) {
    return merge.plan().bothWayFields(table);
  }

  /** The outbound flow sends a contact under its record's id, so that id is its {@code externalId} in Spotler. */
  @Override
  public Set<String> mergeIfEditedInSpotler(SourceTable table, Map<String, SyncedRecord> bases) {
    List<LinkedContact> edited = new ArrayList<>();
    bases.forEach((recordId, base) -> {
      Optional<SpotlerContact> contact = spotler.getContact(recordId);
      if (contact.isPresent() && editedInSpotler(table, contact.get(), base)) {
        edited.add(new LinkedContact(recordId, contact.get()));
      }
    });
    if (edited.isEmpty()) {
      return Set.of();
    }
    MergeTally tally = merge.merge(table, edited, LinkedMerge.SpotlerWrites.ALL);
    Set<String> merged = new LinkedHashSet<>();
    edited.forEach(linked -> merged.add(linked.recordId()));
    merged.removeAll(tally.rejected);
    return merged;
  }

  /** Whether Spotler holds another value than the base in a two-way field; a value it cannot read does not count. */
  private boolean editedInSpotler(SourceTable table, SpotlerContact contact, SyncedRecord base) {
    Set<String> bothWays = bothWayFields(table);
    for (SpotlerProperty property : merge.plan().properties(table)) {
      String field = property.name();
      if (!bothWays.contains(field) || !base.values().has(field)) {
        continue;
      }
      try {
        if (!SpotlerValues.same(normaliser.normalise(property.type(), contact.properties().get(field)),
            base.values().get(field))) {
          return true;
        }
      } catch (IllegalArgumentException unreadable) {
        // the merge reads it the same way and keeps the base; the send overwrites it
      }
    }
    return false;
  }
}
