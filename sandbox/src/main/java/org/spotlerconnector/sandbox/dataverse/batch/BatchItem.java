package org.spotlerconnector.sandbox.dataverse.batch;

/** A top-level entry of a batch: a single operation or a change set. */
sealed interface BatchItem permits BatchOperation, ChangeSet {

  /** How many requests this entry counts toward the 1,000-request limit. */
  int requestCount();
}
