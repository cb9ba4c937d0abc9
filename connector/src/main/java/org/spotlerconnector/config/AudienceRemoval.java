package org.spotlerconnector.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What happens to a marketing list's Spotler audience when the list is deleted or no longer marked for sync. */
public enum AudienceRemoval {
  /** {@code delete}: the audience is deleted in Spotler (the default); one a mailing uses is kept until it is free. */
  DELETE("delete"),
  /** {@code keep}: the audience stays in Spotler with the members it had; the connector no longer changes it. */
  KEEP("keep");

  public static final AudienceRemoval DEFAULT = DELETE;

  private final String configName;

  AudienceRemoval(String configName) {
    this.configName = configName;
  }

  /**
   * @throws IllegalArgumentException listing the allowed names
   */
  public static AudienceRemoval parse(String text) {
    return Arrays.stream(values())
        .filter(value -> value.configName.equalsIgnoreCase(text.strip()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("use one of "
            + Arrays.stream(values()).map(value -> value.configName).collect(Collectors.joining(", "))));
  }

  @Override
  public String toString() {
    return configName;
  }
}
