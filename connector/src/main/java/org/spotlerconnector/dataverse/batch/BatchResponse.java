package org.spotlerconnector.dataverse.batch;

import java.util.List;

/**
 * The answers to a {@code $batch}, possibly sent as several batches of at most 1,000 requests.
 *
 * @param responses one per operation that ran, in request order; without {@code continueOnError} Dataverse stops at
 *     the first failure, so there may be fewer responses than operations
 * @param unsent operations never sent because an earlier batch of the same request stopped at a failure
 */
public record BatchResponse(List<BatchOperationResponse> responses, int unsent) {
  public BatchResponse {
    responses = List.copyOf(responses);
  }

  public boolean allSucceeded() {
    return unsent == 0 && responses.stream().allMatch(BatchOperationResponse::succeeded);
  }

  public List<BatchOperationResponse> failures() {
    return responses.stream().filter(response -> !response.succeeded()).toList();
  }
}
