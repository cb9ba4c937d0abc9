package org.spotlerconnector.dataverse;

import java.util.Optional;

/** Reads the row id out of an {@code OData-EntityId} URL such as {@code …/api/data/v9.2/contacts(<guid>)}. */
public final class EntityIds {
  private EntityIds() {}

  /** The text between the last pair of parentheses, or empty when the URL has none. */
  public static Optional<String> fromEntityUrl(String entityUrl) {
    if (entityUrl == null) {
      return Optional.empty();
    }
    int close = entityUrl.lastIndexOf(')');
    int open = close < 0 ? -1 : entityUrl.lastIndexOf('(', close);
    return open < 0 || close - open < 2 ? Optional.empty() : Optional.of(entityUrl.substring(open + 1, close));
  }
}
