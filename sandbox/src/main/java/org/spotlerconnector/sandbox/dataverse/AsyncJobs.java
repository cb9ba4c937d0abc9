package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Records an asynchronous step's run as a system job ({@code asyncoperation}), as register-web-hook.md describes:
 * a failed run stays as statecode 3 (Completed) with statuscode 31 (Failed), its message and the step in
 * {@code owningextensionid}; a successful run stays as statuscode 30 (Succeeded) unless the step asks for
 * {@code asyncautodelete}. The {@code errorcode} of a failed job is the emulator's choice (the generic plug-in error).
 */
final class AsyncJobs {
  private static final Logger LOG = LoggerFactory.getLogger(AsyncJobs.class);
  private static final int COMPLETED = 3;
  private static final int SUCCEEDED = 30;
  private static final int FAILED = 31;
  private static final int FAILED_ERROR_CODE = 0x80040265;

  private final DataverseStore store;
  private final Records records;

  AsyncJobs(DataverseStore store, Records records) {
    this.store = store;
    this.records = records;
  }

  void record(WebhookCall call, WebhookDelivery delivery) {
    boolean failed = delivery.status() == WebhookDelivery.Status.FAILED;
    if (!failed && call.deleteJobOnSuccess()) {
      return;
    }
    ObjectNode job = Json.object();
    job.put("name", call.stepName());
    job.put("operationtype", 1);
    job.put("messagename", call.change().message());
    job.put("primaryentitytype", call.change().table().logicalName());
    job.put("correlationid", call.correlationId().toString());
    job.put("depth", 1);
    job.put("retrycount", Math.max(0, delivery.attempts() - 1));
    job.put("startedon", ColumnValues.dateTime(delivery.queuedAt()));
    job.put("completedon", ColumnValues.dateTime(delivery.finishedAt()));
    job.put("statecode", COMPLETED);
    job.put("statuscode", failed ? FAILED : SUCCEEDED);
    if (failed) {
      job.put("errorcode", FAILED_ERROR_CODE);
      job.put("message", delivery.error());
      job.put("friendlymessage", delivery.error());
    }
    try {
      store.transaction(
          () -> {
            TableStore jobs = store.byLogicalName(SystemTables.ASYNC_OPERATION).orElse(null);
            TableStore steps = store.byLogicalName(SystemTables.STEP).orElse(null);
            if (jobs == null || jobs.get(call.operationId()) != null) {
              return null;
            }
            if (steps != null && steps.get(call.stepId()) != null) {
              job.put("_owningextensionid_value", call.stepId().toString());
            }
            return records.create(
                jobs, call.operationId(), PayloadReader.readStoredForm(jobs.definition(), job), call.change().userId());
          });
    } catch (RuntimeException e) {
      LOG.atWarn().setCause(e).addKeyValue("step", call.stepId()).log("could not record the system job of a webhook");
    }
  }
}
