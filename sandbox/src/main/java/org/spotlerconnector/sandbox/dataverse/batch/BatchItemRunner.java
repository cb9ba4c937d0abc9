package org.spotlerconnector.sandbox.dataverse.batch;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;

/** Runs one entry of a batch: a single request, or a change set as one atomic unit. */
final class BatchItemRunner {
  private static final Logger LOG = LoggerFactory.getLogger(BatchItemRunner.class);

  private final OperationExecutor executor;
  private final InnerCalls calls;
  private final ServiceRoot serviceRoot;

  /** Runs the entries of {@code batchRequest} on behalf of its caller. */
  BatchItemRunner(OperationExecutor executor, HttpRequest batchRequest) {
    this.executor = executor;
    this.calls = new InnerCalls(executor, batchRequest);
    this.serviceRoot = new ServiceRoot(executor.serviceRoot());
  }

  BatchOutcome run(BatchItem item) {
    if (item instanceof ChangeSet changeSet) {
      return run(changeSet);
    }
    BatchOperation operation = (BatchOperation) item;
    // Content-ID references only exist inside a change set, so outside one every $n is unknown.
    HttpResponse response = call(operation, new ContentIdReferences(serviceRoot));
    return new BatchOutcome.Single(new PartResponse(operation.contentId(), response));
  }

  /** A change set that fails is rolled back and answered with the single error that stopped it. */
  private BatchOutcome run(ChangeSet changeSet) {
    try {
      return new BatchOutcome.CommittedChangeSet(executor.atomically(() -> commit(changeSet)));
    } catch (RolledBack e) {
      return new BatchOutcome.Single(new PartResponse(null, e.failure));
    } catch (Exception e) {
      LOG.atError().setCause(e).log("change set failed unexpectedly");
      return new BatchOutcome.Single(new PartResponse(null, DataverseErrors.error(500, "An unexpected error occurred.")));
    }
  }

  private List<PartResponse> commit(ChangeSet changeSet) {
    ContentIdReferences references = new ContentIdReferences(serviceRoot);
    List<PartResponse> parts = new ArrayList<>();
    for (BatchOperation operation : changeSet.operations()) {
      PartResponse part = new PartResponse(operation.contentId(), call(operation, references));
      if (part.failed()) {
        throw new RolledBack(part.response());
      }
      references.remember(operation.contentId(), part.response());
      parts.add(part);
    }
    return parts;
  }

  private HttpResponse call(BatchOperation operation, ContentIdReferences references) {
    HttpRequest request;
    try {
      request =
          serviceRoot.request(
              operation.method(),
              references.resolveTarget(operation.target()),
              calls.headers(operation.headers()),
              references.resolveBody(operation.body()));
    } catch (UnresolvedReferenceException e) {
      return DataverseErrors.badRequest(e.getMessage());
    }
    return calls.execute(request);
  }

  /** Aborts a change set so that {@link OperationExecutor#atomically} undoes what it already did. */
  private static final class RolledBack extends RuntimeException {
    private final transient HttpResponse failure;

    RolledBack(HttpResponse failure) {
      super("change set rolled back", null, false, false);
      this.failure = failure;
    }
  }
}
