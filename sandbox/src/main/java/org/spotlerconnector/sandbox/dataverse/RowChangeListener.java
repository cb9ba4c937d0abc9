package org.spotlerconnector.sandbox.dataverse;

/**
 * Told of every row change while the writing transaction is still open (under the store's write lock), so that it can
 * fail the change (a synchronous step) or ask {@link DataverseStore#afterCommit} to act once it is committed.
 */
@FunctionalInterface
interface RowChangeListener {
  RowChangeListener NONE = change -> {};

  void changed(RowChange change);
}
