package org.spotlerconnector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.mapping.SourceTable;

/**
 * How many rows the synced tables hold, for the progress bar's ETA: the {@code RetrieveTotalRecordCount} function,
 * which answers from a recent snapshot without counting (and without the 5,000 cap of {@code $count}).
 */
public final class RecordCounts {
  private static final Logger LOG = LoggerFactory.getLogger(RecordCounts.class);

  private final DataverseClient dataverse;

  public RecordCounts(DataverseClient dataverse) {
    this.dataverse = dataverse;
  }

  /** The total, or empty when Dataverse cannot tell (the bar then shows a count without an ETA). */
  public OptionalLong total(Collection<SourceTable> tables) {
    String names = tables.stream().map(t -> "\"" + t.logicalName() + "\"").collect(Collectors.joining(","));
    try {
      JsonNode answer = dataverse.get("RetrieveTotalRecordCount(EntityNames=@p1)?@p1=" + encode("[" + names + "]"));
      long sum = 0;
      for (JsonNode value : answer.path("EntityRecordCountCollection").path("Values")) {
        sum += value.asLong();
      }
      return OptionalLong.of(sum);
    } catch (RuntimeException e) {
      LOG.atDebug().log("record counts unavailable: {}", e.toString());
      return OptionalLong.empty();
    }
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }
}
