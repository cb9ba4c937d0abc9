package org.spotlerconnector.sync.lists;

/** The marketing list a job names does not exist (any more) in Dataverse. */
public final class MarketingListNotFoundException extends RuntimeException {
  MarketingListNotFoundException(String listId) {
    super("The marketing list " + listId + " no longer exists in Dynamics 365.", null, false, false);
  }
}
