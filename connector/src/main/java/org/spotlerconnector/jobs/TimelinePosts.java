package org.spotlerconnector.jobs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.Lookups;
import org.spotlerconnector.dataverse.RecordKey;

/** Posts on a record's timeline (dataverse-api.md §5.4: a manual status post regarding the record). */
final class TimelinePosts {
  private static final int MANUAL_POST = 2;
  private static final int STATUS = 7;
  private static final int MAX_TEXT = 2000;

  private final DataverseClient dataverse;

  TimelinePosts(DataverseClient dataverse) {
    this.dataverse = dataverse;
  }

  void post(JobRecord record, String text) {
    ObjectNode post = JsonNodeFactory.instance.objectNode()
        .put("text", text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT))
        .put("source", MANUAL_POST)
        .put("type", STATUS);
    Lookups.bind(post, "regardingobjectid_" + record.logicalName(), record.entitySet(), RecordKey.id(record.id()));
    dataverse.create("posts", post);
  }
}
