package org.spotlerconnector.merge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Both sides changed a two-way field to different values since they last agreed; {@code rule} chose {@code winner}.
 * Values are in Spotler value space, JSON {@code null} when blank. They may be personal data: {@link #toString()}
 * leaves them out, so that a conflict can be logged.
 *
 * @param field the Spotler field
 * @param base the value both sides last agreed on
 */
public record Conflict(
    String field, JsonNode base, JsonNode dynamics, JsonNode spotler, Side winner, ConflictRule rule) {
  public Conflict {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(dynamics, "dynamics");
    Objects.requireNonNull(spotler, "spotler");
    Objects.requireNonNull(winner, "winner");
    Objects.requireNonNull(rule, "rule");
  }

  /** The winning value. */
  public JsonNode winningValue() {
    return winner == Side.DYNAMICS ? dynamics : spotler;
  }

  @Override
  public String toString() {
    return "Conflict[field=" + field + ", winner=" + winner + ", rule=" + rule + "]";
  }
}
