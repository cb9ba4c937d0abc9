package org.spotlerconnector.merge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The merge of one field: what to write to each side (empty when that side already holds the agreed value), the
 * conflicts found, and the agreed value that becomes the new base. Values may be personal data: {@link #toString()}
 * leaves them out.
 */
public record FieldOutcome(
    Optional<JsonNode> toDynamics, Optional<JsonNode> toSpotler, List<Conflict> conflicts, JsonNode agreed) {
  public FieldOutcome {
    Objects.requireNonNull(toDynamics, "toDynamics");
    Objects.requireNonNull(toSpotler, "toSpotler");
    conflicts = List.copyOf(conflicts);
    Objects.requireNonNull(agreed, "agreed");
  }

  @Override
  public String toString() {
    return "FieldOutcome[toDynamics=" + toDynamics.isPresent() + ", toSpotler=" + toSpotler.isPresent()
        + ", conflicts=" + conflicts + "]";
  }
}
