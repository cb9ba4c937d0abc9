package org.spotlerconnector.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration cannot be used. Start-up stops with this one exception, whose message lists every problem found
 * (one per line, {@code file:line:column: setting: what to fix}), not just the first.
 */
public class ConfigException extends RuntimeException {
  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String message(List<ConfigProblem> problems) {
    String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    return "The configuration has " + count + ":\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
