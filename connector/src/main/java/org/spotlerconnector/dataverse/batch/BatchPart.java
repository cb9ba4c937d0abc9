package org.spotlerconnector.dataverse.batch;

/** One top-level part of a {@code $batch}: a single operation or a change set. */
public sealed interface BatchPart permits BatchOperation, ChangeSet {

  /** How many requests this part holds; Dataverse allows 1,000 per batch (dataverse-api.md §2.7). */
  int operationCount();
}
