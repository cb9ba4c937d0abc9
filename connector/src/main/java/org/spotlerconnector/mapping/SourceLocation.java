package org.spotlerconnector.mapping;

import java.util.Objects;

/**
 * Where something was written in a configuration file, so that a problem can point the user at it. Lines and columns
 * count from 1, as editors show them.
 */
public record SourceLocation(String file, int line, int column) {
  public SourceLocation {
    Objects.requireNonNull(file, "file");
  }

  /** The first character of a file: where a problem about something missing from the whole file points. */
  public static SourceLocation startOf(String file) {
    return new SourceLocation(file, 1, 1);
  }

  /** {@code file:line:column}, the form compilers use and editors turn into links. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
