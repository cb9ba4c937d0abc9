package org.spotlerconnector.sync.lists;

/**
 * Marketing lists cannot be synced in this pair of environments: Dataverse has no marketing lists or lacks the sync
 * flag column, or the Spotler product has no audiences. The message says which, and what to do.
 */
public final class MarketingListsUnavailableException extends RuntimeException {
  MarketingListsUnavailableException(String reason) {
    super(reason, null, false, false);
  }
}
