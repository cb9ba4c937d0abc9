package org.spotlerconnector.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One field of one record that both sides changed, to different values, since they last agreed. Values are in
 * Spotler's representation (what the outbound mapping sends); a side without a value holds JSON null.
 *
 * @param tableName the Dataverse table's logical name
 * @param recordId the Dataverse row id
 * @param field the Spotler field
 * @param base the value both sides last agreed on
 * @param dynamics the value in Dataverse
 * @param spotler the value in Spotler
 * @param winner the side whose value was kept: {@code dynamics} or {@code spotler}
 * @param rule the mapping row's conflict rule that chose it, as configured, e.g. {@code newest}
 * @param detectedAt stored to the millisecond
 */
public record SyncConflict(
    String tableName,
    String recordId,
    String field,
    JsonNode base,
    JsonNode dynamics,
    JsonNode spotler,
    String winner,
    String rule,
    Instant detectedAt) {

  public SyncConflict {
    Require.notBlank(tableName, "tableName");
    Require.notBlank(recordId, "recordId");
    Require.notBlank(field, "field");
    base = orNull(base);
    dynamics = orNull(dynamics);
    spotler = orNull(spotler);
    Require.notBlank(winner, "winner");
    Require.notBlank(rule, "rule");
    Objects.requireNonNull(detectedAt, "detectedAt cannot be null");
  }

  private static JsonNode orNull(JsonNode value) {
    return value == null || value.isMissingNode() ? NullNode.getInstance() : value;
  }
}
