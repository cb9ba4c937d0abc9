package org.spotlerconnector.dataverse;

import java.util.List;
import java.util.Optional;

/**
 * One page of a query or a delta.
 *
 * @param items the rows (or changes) of this page
 * @param deltaLink set on the last page of a change-tracking read: where the next delta starts
 */
public record Page<T>(List<T> items, Optional<String> deltaLink) {
  public Page {
    items = List.copyOf(items);
  }
}
