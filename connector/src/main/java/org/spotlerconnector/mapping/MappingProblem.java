package org.spotlerconnector.mapping;

import java.util.Objects;

/** One thing wrong with the mapping, pointing at the row that has it and saying what to fix. */
public record MappingProblem(SourceLocation location, String spotlerField, String message) {
  public MappingProblem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(spotlerField, "spotlerField");
    Objects.requireNonNull(message, "message");
  }

  static MappingProblem of(FieldMapping row, String message) {
    return new MappingProblem(row.location(), row.spotlerField(), message);
  }

  /** {@code connector.yml:40:5: mapping 'email': <message>}. */
  @Override
  public String toString() {
    return location + ": mapping '" + spotlerField + "': " + message;
  }
}
