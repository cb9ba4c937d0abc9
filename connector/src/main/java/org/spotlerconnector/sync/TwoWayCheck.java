package org.spotlerconnector.sync;

import java.util.Map;
import java.util.Set;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.store.SyncedRecord;

/**
 * What the outbound flow needs of a two-way mapping ({@code <->} rows) so that it never silently overwrites an edit
 * made in Spotler: which fields go both ways, and a merge of the records whose Spotler contact was edited in such a
 * field since they were last synced. The inbound sync provides it; without one every field is sent as it is.
 */
public interface TwoWayCheck {
  /** No two-way fields: the outbound flow sends records as they are and reads nothing from Spotler. */
  TwoWayCheck NONE =
      new TwoWayCheck() {
        @Override
        public Set<String> bothWayFields(SourceTable table) {
          return Set.of();
        }

        @Override
        public Set<String> mergeIfEditedInSpotler(SourceTable table, Map<String, SyncedRecord> bases) {
          return Set.of();
        }
      };

  /** The Spotler fields mapped {@code <->} for rows of {@code table}. */
  Set<String> bothWayFields(SourceTable table);

  /**
   * Reads the Spotler contacts of these records and, for each whose two-way fields no longer hold their base (Spotler
   * changed one), merges the record both ways at once: writes, conflicts and the new base.
   *
   * @param bases the stored base per record id, of records about to be sent with a changed two-way field
   * @return the ids merged here, which must not be sent as they are
   */
  Set<String> mergeIfEditedInSpotler(SourceTable table, Map<String, SyncedRecord> bases);
}
