package org.spotlerconnector.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * A Spotler Job row as the connector reads it. {@code operation} is empty when the row holds an option value this
 * version does not know.
 *
 * @param etag the row version the job was read at, used to claim it
 */
public record SpotlerJob(
    String id,
    String etag,
    String name,
    int statusValue,
    Optional<JobOperation> operation,
    Optional<String> customerId,
    Optional<String> leadId,
    Optional<String> automationId,
    Optional<String> automationFields,
    Optional<String> automationContactId,
    Optional<String> tag,
    Optional<Integer> score,
    int attempts,
    Optional<String> resultMessage,
    Optional<Instant> startedOn,
    Optional<Instant> nextAttemptOn) {

  /** Reads a row of {@code <p>_spotlerjobs}. */
  public static SpotlerJob fromRow(ObjectNode row, JobSchema schema) {
    return new SpotlerJob(
        row.path(schema.jobIdColumn()).asText(),
        row.path("@odata.etag").asText(null),
        text(row, schema.column("name")).orElse(""),
        row.path("statuscode").asInt(),
        row.hasNonNull(schema.column("operation"))
            ? JobOperation.of(schema, row.get(schema.column("operation")).asInt())
            : Optional.empty(),
        text(row, schema.lookupValue("customer")),
        text(row, schema.lookupValue("lead")),
        text(row, schema.lookupValue("automation")),
        text(row, schema.column("automationfields")),
        text(row, schema.column("automationcontactid")),
        text(row, schema.column("tag")),
        row.hasNonNull(schema.column("score")) ? Optional.of(row.get(schema.column("score")).asInt()) : Optional.empty(),
        row.path(schema.column("attempts")).asInt(0),
        text(row, schema.column("resultmessage")),
        text(row, schema.column("startedon")).map(Instant::parse),
        text(row, schema.column("nextattempton")).map(Instant::parse));
  }

  /** The columns {@link #fromRow} reads. */
  static String[] columns(JobSchema schema) {
    return new String[] {
      schema.jobIdColumn(), schema.column("name"), "statuscode", schema.column("operation"),
      schema.lookupValue("customer"), schema.lookupValue("lead"), schema.lookupValue("automation"),
      schema.column("automationfields"), schema.column("automationcontactid"), schema.column("tag"),
      schema.column("score"), schema.column("attempts"), schema.column("resultmessage"), schema.column("startedon"),
      schema.column("nextattempton")
    };
  }

  private static Optional<String> text(ObjectNode row, String column) {
    JsonNode value = row.get(column);
    return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
  }
}
