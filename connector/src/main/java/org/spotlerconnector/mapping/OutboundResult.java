package org.spotlerconnector.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What {@link OutboundMapper#map} makes of one Dataverse row. */
public sealed interface OutboundResult {
  /**
   * The row passes every filter: these are the Spotler contact properties to send. A property is present only when
   * the row carried the column; an empty column clears the field ({@code ""} for text fields, {@code null} otherwise).
   */
  record Mapped(ObjectNode properties) implements OutboundResult {}

  /**
   * The row fails a filter: it must not be in Spotler (the caller treats it like a removal, per its configuration).
   *
   * @param location where the filtering row was written
   */
  record Excluded(RowFilter filter, SourceLocation location) implements OutboundResult {}

  /**
   * A value cannot be converted to its field's type (e.g. a date column holding something that is not a date). The
   * reason never contains the value.
   */
  record Unmappable(String spotlerField, String reason) implements OutboundResult {}
}
