package org.spotlerconnector.store;

/**
 * The store's repositories. Every method of every repository takes the connection id first; rows never mix
 * connections.
 */
public interface Repositories {
  OutboundQueue outboundQueue();

  RecordLinks recordLinks();

  SyncedValues syncedValues();

  DeltaLinks deltaLinks();

  InboundCursor inboundCursor();

  Conflicts conflicts();

  PendingReviews pendingReviews();

  ListAudiences listAudiences();

  ListMemberships listMemberships();
}
