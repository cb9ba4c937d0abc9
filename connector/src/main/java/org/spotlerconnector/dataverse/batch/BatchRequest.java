package org.spotlerconnector.dataverse.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The parts of a {@code $batch}, in execution order, and whether Dataverse should carry on after a failed part
 * ({@code Prefer: odata.continue-on-error}) or stop at the first failure.
 */
public record BatchRequest(List<BatchPart> parts, boolean continueOnError) {
  public BatchRequest {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one part");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public int operationCount() {
    return parts.stream().mapToInt(BatchPart::operationCount).sum();
  }

  /** True when no operation creates anything, so sending the batch twice has the effect of sending it once. */
  public boolean idempotent() {
    return parts.stream()
        .flatMap(part -> part instanceof ChangeSet set ? set.operations().stream() : Stream.of((BatchOperation) part))
        .allMatch(BatchOperation::idempotent);
  }

  /**
   * Splits into batches of at most {@code maxOperations} requests, in order, never splitting a change set.
   *
   * @throws IllegalArgumentException when one change set alone is larger than {@code maxOperations}
   */
  public List<BatchRequest> split(int maxOperations) {
    List<BatchRequest> batches = new ArrayList<>();
    List<BatchPart> current = new ArrayList<>();
    int count = 0;
    for (BatchPart part : parts) {
      if (part.operationCount() > maxOperations) {
        throw new IllegalArgumentException(
            "a change set of " + part.operationCount() + " operations exceeds the batch limit of " + maxOperations);
      }
      if (count + part.operationCount() > maxOperations) {
        batches.add(new BatchRequest(current, continueOnError));
        current = new ArrayList<>();
        count = 0;
      }
      current.add(part);
      count += part.operationCount();
    }
    batches.add(new BatchRequest(current, continueOnError));
    return batches;
  }

  public static final class Builder {
    private final List<BatchPart> parts = new ArrayList<>();
    private boolean continueOnError;

    private Builder() {}

    public Builder add(BatchOperation operation) {
      parts.add(operation);
      return this;
    }

    public Builder addChangeSet(List<BatchOperation> operations) {
      parts.add(new ChangeSet(operations));
      return this;
    }

    public Builder continueOnError(boolean continueOnError) {
      this.continueOnError = continueOnError;
      return this;
    }

    public BatchRequest build() {
      return new BatchRequest(parts, continueOnError);
    }
  }
}
