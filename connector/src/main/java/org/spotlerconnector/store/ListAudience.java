package org.spotlerconnector.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A marketing list being synced to the Spotler audience keyed by its id.
 *
 * @param audienceName the name the audience was last given (the list's name then)
 * @param syncedAt when the list was last synced
 */
public record ListAudience(String listId, String audienceName, Instant syncedAt) {
  public ListAudience {
    Require.notBlank(listId, "listId");
    Require.notBlank(audienceName, "audienceName");
    Objects.requireNonNull(syncedAt, "syncedAt cannot be null");
  }
}
