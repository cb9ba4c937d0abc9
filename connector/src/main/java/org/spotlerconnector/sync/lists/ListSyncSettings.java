package org.spotlerconnector.sync.lists;

import java.util.Objects;
import org.spotlerconnector.config.AudienceRemoval;

/**
 * @param connectionId the connection whose store rows the sync reads and writes
 * @param flagColumn the logical name of the sync flag on {@code list}, e.g. {@code spot_synctospotler}
 * @param onRemove what happens to the audience of a list that is deleted or no longer marked for sync
 */
public record ListSyncSettings(String connectionId, String flagColumn, AudienceRemoval onRemove) {
  public ListSyncSettings {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(flagColumn, "flagColumn");
    Objects.requireNonNull(onRemove, "onRemove");
  }
}
