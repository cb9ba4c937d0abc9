package org.spotlerconnector.jobs.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the problems of one text so the marketer can fix them all at once. Only the listed ones get a message:
 * hostile text with a hundred thousand bad lines must not cost a hundred thousand messages and suggestions.
 */
final class Problems {
  private final List<FieldProblem> listed = new ArrayList<>();
  private int count;

  void add(int line, String fieldName, Supplier<String> message) {
    count++;
    if (listed.size() < InvalidAutomationFieldsException.MAX_LISTED) {
      listed.add(new FieldProblem(line, fieldName, message.get()));
    }
  }

  void throwIfAny() {
    if (count > 0) {
      throw new InvalidAutomationFieldsException(listed, count);
    }
  }
}
