package org.spotlerconnector.sync.inbound;

import java.util.List;
import org.spotlerconnector.spotler.SpotlerContact;

/**
 * What becomes of Spotler contacts from the changes feed that no Dataverse record is linked to: new subscribers
 * (design.md §4.3). Called once per feed page, before the feed's position is saved, so it must be idempotent: the
 * overlapping windows hand it the same contact again.
 */
@FunctionalInterface
public interface NewSubscriberHandler {
  NewSubscriberHandler IGNORE = contacts -> {};

  void handle(List<SpotlerContact> unlinked);
}
