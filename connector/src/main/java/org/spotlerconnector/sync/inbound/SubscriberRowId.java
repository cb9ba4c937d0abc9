package org.spotlerconnector.sync.inbound;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of the row created for a new subscriber: a name-based UUID of the Spotler contact's own id, so that every
 * attempt to create the row for one contact uses the same id, and Dataverse refuses a second row with it. A repeated
 * feed page, or a crash between creating the row and linking it, thus never makes a second row.
 */
final class SubscriberRowId {
  private SubscriberRowId() {}

  /**
   * @param connectionId keeps the ids of two connections to one environment apart
   * @param table the logical name of the table the row goes to
   * @param encryptedId the Spotler contact's {@code encryptedId}, which every contact has from its creation on
   */
  static String of(String connectionId, String table, String encryptedId) {
    String name = "spotler-subscriber/" + connectionId + "/" + table + "/" + encryptedId;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
