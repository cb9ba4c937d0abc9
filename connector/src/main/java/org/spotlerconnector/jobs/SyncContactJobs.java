package org.spotlerconnector.jobs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.Lookups;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.sync.SyncRequests;

/**
 * Creates a Queued Sync Contact job per changed record ({@code sync.outbound.onChange: job}), in bulk with
 * {@code CreateMultiple}; the job worker then runs them like jobs a user created.
 */
public final class SyncContactJobs implements SyncRequests {
  private final DataverseClient dataverse;
  private final JobSchema schema;

  public SyncContactJobs(DataverseClient dataverse, JobSchema schema) {
    this.dataverse = dataverse;
    this.schema = schema;
  }

  @Override
  public void request(SourceTable table, List<String> recordIds) {
    List<ObjectNode> jobs = new ArrayList<>(recordIds.size());
    for (String id : recordIds) {
      ObjectNode job = JsonNodeFactory.instance.objectNode()
          .put(schema.column("name"), JobOperation.SYNC_CONTACT.label())
          .put(schema.column("operation"), schema.operationValue(JobOperation.SYNC_CONTACT));
      JobRecord record = new JobRecord(table, id);
      jobs.add(Lookups.bind(job, navigationProperty(table), record.entitySet(), RecordKey.id(id)));
    }
    dataverse.createMultiple(schema.jobEntitySet(), schema.column("spotlerjob"), jobs);
  }

  /** The job's lookup to the record: the customer lookup's contact or account side, or the lead lookup. */
  private String navigationProperty(SourceTable table) {
    return switch (table) {
      case CONTACT -> schema.column("customer_contact");
      case ACCOUNT -> schema.column("customer_account");
      case LEAD -> schema.column("lead");
    };
  }
}
