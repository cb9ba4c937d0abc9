package org.spotlerconnector.merge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The merge of one record. All values are in Spotler value space and may be personal data: {@link #toString()} names
 * fields only.
 *
 * @param toDynamics the fields to write to the Dataverse record (convert them with the inbound converter)
 * @param toSpotler the fields to send to the Spotler contact
 * @param conflicts every conflict found, to be recorded
 * @param newBase the agreed value of every merged field: the base of the next merge, to store once the writes succeeded
 */
public record RecordMergeResult(
    ObjectNode toDynamics, ObjectNode toSpotler, List<Conflict> conflicts, ObjectNode newBase) {
  public RecordMergeResult {
    Objects.requireNonNull(toDynamics, "toDynamics");
    Objects.requireNonNull(toSpotler, "toSpotler");
    conflicts = List.copyOf(conflicts);
    Objects.requireNonNull(newBase, "newBase");
  }

  /** Whether neither side needs a write. */
  public boolean inAgreement() {
    return toDynamics.isEmpty() && toSpotler.isEmpty();
  }

  @Override
  public String toString() {
    return "RecordMergeResult[toDynamics=" + names(toDynamics) + ", toSpotler=" + names(toSpotler)
        + ", conflicts=" + conflicts + "]";
  }

  private static List<String> names(ObjectNode values) {
    List<String> names = new ArrayList<>();
    values.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
