package org.spotlerconnector.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A Dataverse row and the Spotler contact it is synced with.
 *
 * @param tableName the Dataverse table's logical name, e.g. {@code contact}
 * @param recordId the Dataverse row id
 * @param externalId the Spotler contact's {@code externalId}
 * @param linkedAt when the link was made; stored to the millisecond
 * @param lastStatus the outcome of the last sync of this record, free text for operators; may be null
 */
public record RecordLink(String tableName, String recordId, String externalId, Instant linkedAt, String lastStatus) {
  public RecordLink {
    Require.notBlank(tableName, "tableName");
    Require.notBlank(recordId, "recordId");
    Require.notBlank(externalId, "externalId");
    Objects.requireNonNull(linkedAt, "linkedAt cannot be null");
  }
}
