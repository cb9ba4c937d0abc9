package org.spotlerconnector.sync.lists;

import java.util.Objects;
import java.util.Optional;
import org.spotlerconnector.mapping.SourceTable;

/**
 * A marketing list as the sync reads it (dataverse-api.md §4.1).
 *
 * @param memberTable the one table all members belong to ({@code createdfromcode})
 * @param query a dynamic list's FetchXML; empty for a static list
 * @param markedForSync whether its sync flag is set
 */
public record MarketingList(
    String id, String name, SourceTable memberTable, Optional<String> query, boolean markedForSync) {
  public MarketingList {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(memberTable, "memberTable");
    Objects.requireNonNull(query, "query");
  }

  /** A dynamic list's members are whatever its query selects; a static list's are added to it one by one. */
  public boolean dynamic() {
    return query.isPresent();
  }
}
