package org.spotlerconnector.jobs.fields;

import java.util.Objects;

/**
 * One thing to fix in the Automation Fields text. {@code line} counts from 1, or is 0 for the text as a whole;
 * {@code fieldName} is the name as written, or null when the problem has no name to point at. The message is a
 * sentence for the marketer and may quote up to 40 characters of what they wrote.
 */
public record FieldProblem(int line, String fieldName, String message) {
  public FieldProblem {
    Objects.requireNonNull(message, "message");
  }
}
