package org.spotlerconnector.merge;

import java.util.Objects;
import org.spotlerconnector.mapping.Direction;
import org.spotlerconnector.mapping.FieldMapping;

/**
 * What the merge needs of one mapping row: the Spotler field, which way values may flow, and how a conflict is
 * resolved.
 */
public record MergeField(String name, Direction direction, ConflictRule rule) {
  public MergeField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(rule, "rule");
  }

  public static MergeField of(FieldMapping row) {
    return new MergeField(row.spotlerField(), row.direction(), row.conflictRule());
  }
}
