package org.spotlerconnector.jobs.fields;

import java.util.List;

/**
 * The Automation Fields text cannot be passed as written. The message tells the marketer what to fix; it lists the
 * first five problems in the order of the text and counts the rest. Like the text itself the message
 * may hold personal data, so log {@link #problemCount()} and the lines of {@link #problems()}, not the message.
 */
public class InvalidAutomationFieldsException extends IllegalArgumentException {
  static final int MAX_LISTED = 5;

  private final transient List<FieldProblem> problems;
  private final int problemCount;

  InvalidAutomationFieldsException(List<FieldProblem> problems, int problemCount) {
    super(message(problems, problemCount));
    this.problems = List.copyOf(problems);
    this.problemCount = problemCount;
  }

  /** The listed problems: at most five, never empty. */
  public List<FieldProblem> problems() {
    return problems;
  }

  /** How many problems were found, including those not listed. */
  public int problemCount() {
    return problemCount;
  }

  private static String message(List<FieldProblem> problems, int problemCount) {
    if (problemCount == 1) {
      return problems.get(0).message();
    }
    StringBuilder message = new StringBuilder("The Automation Fields have " + problemCount + " problems.");
    for (int i = 0; i < problems.size(); i++) {
      message.append(" (").append(i + 1).append(") ").append(problems.get(i).message());
    }
    int unlisted = problemCount - problems.size();
    return unlisted > 0 ? message.append(" And ").append(unlisted).append(" more.").toString() : message.toString();
  }
}
