package org.spotlerconnector.mapping;

import java.util.List;
import java.util.stream.Collectors;

/** The mapping does not fit the two schemas; carries every problem found, not just the first. */
public class MappingException extends RuntimeException {
  private final List<MappingProblem> problems;

  public MappingException(List<MappingProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  public List<MappingProblem> problems() {
    return problems;
  }

  private static String message(List<MappingProblem> problems) {
    return problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + " in the mapping:\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
