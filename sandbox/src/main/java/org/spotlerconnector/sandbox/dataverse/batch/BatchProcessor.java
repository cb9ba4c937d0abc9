package org.spotlerconnector.sandbox.dataverse.batch;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;

/**
 * Answers {@code POST [Org]/api/data/v9.2/$batch} (dataverse-api.md §2.7): a {@code multipart/mixed} body of up to
 * 1,000 requests, run one after another in order, with change sets applied atomically.
 *
 * <p>Without {@code Prefer: odata.continue-on-error} the batch stops at the first failure and answers 400 with that
 * failure alone; requests that ran before it keep their effect. With it, the batch answers 200 and every entry carries
 * its own status. A batch that cannot be read runs nothing and answers 400 with a Dataverse error JSON.
 *
 * <p>Thread-safe: it holds no state between calls.
 */
public final class BatchProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);

  private final OperationExecutor executor;

  public BatchProcessor(OperationExecutor executor) {
    this.executor = executor;
  }

  public HttpResponse process(HttpRequest batchRequest) {
    List<BatchItem> items;
    try {
      items = BatchRequestReader.read(batchRequest);
    } catch (MalformedBatchException e) {
      LOG.atDebug().log("batch rejected as unreadable"); // the reason may quote request data, so it is only answered
      return DataverseErrors.badRequest(e.getMessage());
    }
    boolean continueOnError = Preferences.continueOnError(batchRequest);
    BatchItemRunner runner = new BatchItemRunner(executor, batchRequest);
    List<BatchOutcome> outcomes = new ArrayList<>();
    for (BatchItem item : items) {
      BatchOutcome outcome = runner.run(item);
      if (outcome.failed() && !continueOnError) {
        LOG.atDebug().addKeyValue("entry", outcomes.size() + 1).log("batch stopped at a failure");
        return BatchResponseWriter.write(400, List.of(outcome));
      }
      outcomes.add(outcome);
    }
    LOG.atDebug().addKeyValue("entries", outcomes.size()).log("batch processed");
    return BatchResponseWriter.write(200, outcomes);
  }
}
