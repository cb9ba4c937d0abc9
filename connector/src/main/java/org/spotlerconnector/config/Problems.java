package org.spotlerconnector.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.spotlerconnector.mapping.SourceLocation;

/** Collects problems while the whole file is read, so that all of them are reported together. */
final class Problems {
  private final List<ConfigProblem> problems = new ArrayList<>();

  void add(SourceLocation location, String path, String message) {
    problems.add(new ConfigProblem(location, path, message));
  }

  int count() {
    return problems.size();
  }

  /** Throws the collected problems, in the order they appear in the file, if there are any. */
  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ConfigException(
          problems.stream()
              .sorted(
                  Comparator.comparing((ConfigProblem p) -> p.location().file())
                      .thenComparingInt(p -> p.location().line())
                      .thenComparingInt(p -> p.location().column()))
              .toList());
    }
  }
}
