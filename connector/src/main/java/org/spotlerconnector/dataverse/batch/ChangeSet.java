package org.spotlerconnector.dataverse.batch;

import java.util.List;

/**
 * Operations that succeed or fail together (dataverse-api.md §2.7). GET is not allowed in a change set; operations may
 * refer to rows created earlier in the same change set by {@code $<Content-ID>}.
 */
public record ChangeSet(List<BatchOperation> operations) implements BatchPart {
  public ChangeSet {
    operations = List.copyOf(operations);
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("a change set needs at least one operation");
    }
    for (BatchOperation operation : operations) {
      if (operation.method().equalsIgnoreCase("GET")) {
        throw new IllegalArgumentException("GET is not allowed in a change set");
      }
    }
  }

  @Override
  public int operationCount() {
    return operations.size();
  }
}
