package org.spotlerconnector.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import org.spotlerconnector.dataverse.BadRequestException;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.RecordKey;

/**
 * The inputs only the list operations have: the Marketing List lookup of Sync Marketing List and the Audience of Add to
 * List and Remove from List (docs/dataverse-tables.md). They are read when such a job runs, not with every job: an
 * environment without marketing lists has no Marketing List column, and one installed by an earlier version has
 * neither until {@code install} runs again.
 */
final class ListJobInputs {
  private final DataverseClient dataverse;
  private final JobSchema schema;

  ListJobInputs(DataverseClient dataverse, JobSchema schema) {
    this.dataverse = dataverse;
    this.schema = schema;
  }

  /** The id of the job's marketing list; fails the job with INVALID_INPUT when it names none. */
  String marketingList(SpotlerJob job) {
    return read(job, schema.lookupValue("marketinglist"), "Marketing List",
        "Marketing List: select the marketing list to sync to Spotler.");
  }

  /** The audience name; fails the job with INVALID_INPUT when it is blank. */
  String audience(SpotlerJob job) {
    return read(job, schema.column("audience"), "Audience",
        "Audience: give the name of the Spotler audience (list) to add the customer or lead to or remove it from.");
  }

  private String read(SpotlerJob job, String column, String label, String whenMissing) {
    JsonNode value;
    try {
      value = dataverse.retrieve(schema.jobEntitySet(), RecordKey.id(job.id()), column)
          .map(row -> row.path(column))
          .orElseThrow(() -> new JobFailure(ResultCode.RECORD_NOT_FOUND, "The job was deleted while it ran."));
    } catch (BadRequestException noSuchColumn) {
      throw new JobFailure(ResultCode.NOT_AVAILABLE, "The Spotler Job table has no " + label + " column ("
          + column + "): run the connector's install command to add it.");
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new JobFailure(ResultCode.INVALID_INPUT, whenMissing);
    }
    return value.asText().strip();
  }
}
