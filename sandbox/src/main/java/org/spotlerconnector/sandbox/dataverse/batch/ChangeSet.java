package org.spotlerconnector.sandbox.dataverse.batch;

import java.util.List;

/** Operations that succeed or fail as one unit. */
record ChangeSet(List<BatchOperation> operations) implements BatchItem {

  @Override
  public int requestCount() {
    return operations.size();
  }
}
