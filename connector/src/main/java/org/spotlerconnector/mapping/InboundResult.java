package org.spotlerconnector.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What {@link InboundMapper#map} makes of the Spotler values to write to one Dataverse record. */
public sealed interface InboundResult {
  /** The columns to write, as a Web API update body ({@code PATCH}); JSON null clears a column. */
  record Mapped(ObjectNode columns) implements InboundResult {}

  /**
   * A value does not fit its column (too long, not one of the choices, out of range...). The reason names the field
   * and the column, never the value.
   */
  record Unconvertible(String spotlerField, String reason) implements InboundResult {}
}
