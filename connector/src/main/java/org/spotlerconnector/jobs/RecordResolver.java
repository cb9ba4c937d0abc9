package org.spotlerconnector.jobs;

import java.util.Optional;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.mapping.SourceTable;

/**
 * Finds the record a job points at. A customer lookup can be a contact or an account; the lookup's logical name is an
 * annotation Dataverse only sends on request, so the contact is tried first, then the account.
 */
final class RecordResolver {
  private final DataverseClient dataverse;

  RecordResolver(DataverseClient dataverse) {
    this.dataverse = dataverse;
  }

  /** The job's record, or empty when it names none. */
  Optional<JobRecord> find(SpotlerJob job) {
    if (job.leadId().isPresent()) {
      return Optional.of(existing(new JobRecord(SourceTable.LEAD, job.leadId().get())));
    }
    if (job.customerId().isEmpty()) {
      return Optional.empty();
    }
    String id = job.customerId().get();
    for (SourceTable table : new SourceTable[] {SourceTable.CONTACT, SourceTable.ACCOUNT}) {
      JobRecord candidate = new JobRecord(table, id);
      if (exists(candidate)) {
        return Optional.of(candidate);
      }
    }
    throw new JobFailure(ResultCode.RECORD_NOT_FOUND, "The customer " + id + " no longer exists in Dynamics 365.");
  }

  /** The job's record; fails the job with INVALID_INPUT when it names none. */
  JobRecord require(SpotlerJob job) {
    return find(job).orElseThrow(() -> new JobFailure(
        ResultCode.INVALID_INPUT, "Customer or Lead: select the contact, account or lead this job is about."));
  }

  private JobRecord existing(JobRecord record) {
    if (!exists(record)) {
      throw new JobFailure(ResultCode.RECORD_NOT_FOUND,
          "The " + record.logicalName() + " " + record.id() + " no longer exists in Dynamics 365.");
    }
    return record;
  }

  private boolean exists(JobRecord record) {
    String idColumn = record.logicalName() + "id";
    return dataverse.retrieve(record.entitySet(), RecordKey.id(record.id()), idColumn).isPresent();
  }
}
