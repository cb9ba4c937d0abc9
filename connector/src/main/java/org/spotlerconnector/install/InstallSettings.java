package org.spotlerconnector.install;

import java.util.Objects;

/**
 * Where {@code install} puts the connector's tables: the publisher (customisation prefix and option value prefix) and
 * the solution (docs/dataverse-tables.md: defaults {@code spot}, {@code 10000}, {@code SpotlerConnector}).
 */
public record InstallSettings(String prefix, int optionValuePrefix, String solutionUniqueName) {
  public static final String DEFAULT_PREFIX = "spot";
  public static final int DEFAULT_OPTION_VALUE_PREFIX = 10_000;
  public static final String DEFAULT_SOLUTION = "SpotlerConnector";

  public InstallSettings {
    Objects.requireNonNull(prefix, "prefix");
    if (solutionUniqueName == null || !solutionUniqueName.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("a solution unique name is letters, digits and _: " + solutionUniqueName);
    }
  }

  public static InstallSettings defaults() {
    return new InstallSettings(DEFAULT_PREFIX, DEFAULT_OPTION_VALUE_PREFIX, DEFAULT_SOLUTION);
  }

  /** The publisher is the solution's own: {@code SpotlerConnectorPublisher}. */
  public String publisherUniqueName() {
    return solutionUniqueName + "Publisher";
  }
}
