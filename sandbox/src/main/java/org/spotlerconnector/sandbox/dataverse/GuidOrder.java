package org.spotlerconnector.sandbox.dataverse;

import java.util.Comparator;
import java.util.UUID;

/**
 * The order of rows by primary key: the order of the lowercase text form, so that a key taken from a URL or a paging
 * cookie sorts the same way as the stored one. ({@link UUID#compareTo} compares signed halves, which differs.)
 */
final class GuidOrder implements Comparator<UUID> {
  static final GuidOrder INSTANCE = new GuidOrder();

  private GuidOrder() {}

  @Override
  public int compare(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
