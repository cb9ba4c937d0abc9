package org.spotlerconnector.config;

import java.util.Objects;
import org.spotlerconnector.mapping.SourceLocation;

/**
 * One thing wrong with the configuration file: where, which setting ({@code dataverse.url}, {@code mapping[2].contact})
 * and what to do about it. Never contains a secret's value.
 */
public record ConfigProblem(SourceLocation location, String path, String message) {
  public ConfigProblem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** {@code connector.yml:14:5: dataverse.url: missing; set it to ...}. */
  @Override
  public String toString() {
    return location + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }
}
