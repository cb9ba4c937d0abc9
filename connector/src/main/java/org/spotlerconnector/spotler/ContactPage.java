package org.spotlerconnector.spotler;

import java.util.List;

/**
 * One page of the contact changes feed.
 *
 * @param offset the {@code after} value this page was requested with
 */
public record ContactPage(int offset, List<SpotlerContact> contacts) {
  public ContactPage {
    contacts = List.copyOf(contacts);
  }
}
