package org.spotlerconnector.dataverse;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One entry of a change-tracking delta (dataverse-api.md §3): a created or updated row, or a removed one. */
public sealed interface RowChange {

  /** A row created or changed since the previous delta link, with the selected columns. */
  record Upserted(ObjectNode row) implements RowChange {}

  /**
   * A row deleted since the previous delta link ({@code $deletedEntity}); also reported for rows created and deleted
   * in between.
   *
   * @param id the row's primary key
   * @param reason as Dataverse gives it, normally {@code deleted}
   */
  record Removed(String id, String reason) implements RowChange {}
}
