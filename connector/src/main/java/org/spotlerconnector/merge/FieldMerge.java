package org.spotlerconnector.merge;

import static org.spotlerconnector.merge.SpotlerValues.isBlank;
import static org.spotlerconnector.merge.SpotlerValues.same;
import static org.spotlerconnector.merge.SpotlerValues.stored;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.spotlerconnector.mapping.Direction;

/**
 * The three-way merge of one field against its base, the value both sides last agreed on.
 *
 * <ul>
 *   <li>A side "changed" when its value differs from the base ({@link SpotlerValues#same}). A change the field's
 *       direction does not let flow is ignored: Spotler's change to a {@code ->} field, Dynamics' change to a {@code
 *       <-} field. (The outbound flow re-asserts a {@code ->} field when Dynamics next changes it.)
 *   <li>One side changed: it wins. Neither: nothing to do. Both, to equal values: they agree, nothing to write.
 *   <li>Both, to different values: a {@link Conflict}, recorded and resolved by the field's {@link ConflictRule}.
 *   <li>No base (the record or the field was never synced): Dynamics 365 is authoritative for {@code ->} and {@code
 *       <->}; a {@code <-} field takes Spotler's value when it has one.
 * </ul>
 *
 * <p>The winner's value is written to the side that does not hold it yet, and becomes the new base; so when the write
 * comes back from that side it equals the base and is no change (echo suppression). A set field (an array of
 * permission bits) merges bit by bit, each bit like a field of its own: Spotler's unsubscribe from one permission and
 * Dynamics' subscription to another both survive.
 */
public final class FieldMerge {
  private FieldMerge() {}

  /**
   * @param base empty when the field was never synced; otherwise the agreed value, which may be blank
   * @param dynamics the Dataverse value mapped to Spotler value space; {@code null} when absent
   * @param spotler the Spotler value, normalised to Spotler value space; {@code null} when absent
   * @throws IllegalArgumentException when one value is a set and another a non-blank single value
   */
  public static FieldOutcome merge(
      MergeField field, Optional<JsonNode> base, JsonNode dynamics, JsonNode spotler, ChangeTimes times) {
    boolean set = SpotlerValues.isSet(dynamics) || SpotlerValues.isSet(spotler);
    if (set || base.filter(SpotlerValues::isSet).isPresent()) {
      return SetFieldMerge.merge(field, base, dynamics, spotler, times);
    }
    return mergeValue(field.name(), field.direction(), field.rule(), base, dynamics, spotler, times);
  }

  /** The merge of one single value; {@code name} is what a conflict records. */
  static FieldOutcome mergeValue(
      String name,
      Direction direction,
      ConflictRule rule,
      Optional<JsonNode> base,
      JsonNode dynamics,
      JsonNode spotler,
      ChangeTimes times) {
    if (base.isEmpty()) {
      return firstLink(direction, dynamics, spotler);
    }
    boolean dynamicsChanged = direction.outbound() && !same(dynamics, base.get());
    boolean spotlerChanged = direction.inbound() && !same(spotler, base.get());
    if (dynamicsChanged && spotlerChanged && !same(dynamics, spotler)) {
      Side winner = rule.winner(isBlank(dynamics), times);
      Conflict conflict =
          new Conflict(name, stored(base.get()), stored(dynamics), stored(spotler), winner, rule);
      return resolved(winner, dynamics, spotler, List.of(conflict));
    }
    if (dynamicsChanged) {
      return resolved(Side.DYNAMICS, dynamics, spotler, List.of());
    }
    if (spotlerChanged) {
      return resolved(Side.SPOTLER, dynamics, spotler, List.of());
    }
    return new FieldOutcome(Optional.empty(), Optional.empty(), List.of(), stored(base.get()));
  }

  private static FieldOutcome firstLink(Direction direction, JsonNode dynamics, JsonNode spotler) {
    if (direction != Direction.TO_DATAVERSE) {
      return resolved(Side.DYNAMICS, dynamics, spotler, List.of());
    }
    if (!isBlank(spotler)) {
      return resolved(Side.SPOTLER, dynamics, spotler, List.of());
    }
    // Spotler has nothing to give: Dynamics keeps its value, and the blank becomes the base, so that the first value
    // Spotler does get counts as a change.
    return new FieldOutcome(Optional.empty(), Optional.empty(), List.of(), stored(spotler));
  }

  /** Writes the winner's value where it is not yet; it becomes the base, in Dynamics' form when the two agree. */
  private static FieldOutcome resolved(Side winner, JsonNode dynamics, JsonNode spotler, List<Conflict> conflicts) {
    JsonNode value = winner == Side.DYNAMICS ? dynamics : spotler;
    Optional<JsonNode> toDynamics = same(value, dynamics) ? Optional.empty() : Optional.of(stored(value));
    Optional<JsonNode> toSpotler = same(value, spotler) ? Optional.empty() : Optional.of(stored(value));
    JsonNode agreed = stored(same(value, dynamics) ? dynamics : value);
    return new FieldOutcome(toDynamics, toSpotler, conflicts, agreed);
  }
}
