package org.spotlerconnector.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a change of a contact, lead or account in Dataverse sets off. The incumbent connector's workflows create a
 * Sync Contact job on every change ("Tweak Contact Sync" in its manual); administrators switch those workflows off to
 * decide themselves when a record syncs.
 */
public enum OnChange {
  /** {@code sync}: the change goes straight to Spotler through the outbound queue (the default, the cheapest). */
  SYNC("sync"),
  /**
   * {@code job}: every change after the initial load creates a Sync Contact job, as the incumbent's workflows do, so a
   * user sees each sync and its result on the record. Costs a few Dataverse requests per change.
   */
  JOB("job"),
  /** {@code none}: nothing syncs on its own; a record syncs when a Sync Contact job (a person, a flow) asks for it. */
  NONE("none");

  public static final OnChange DEFAULT = SYNC;

  private final String configName;

  OnChange(String configName) {
    this.configName = configName;
  }

  /**
   * @throws IllegalArgumentException listing the allowed names
   */
  public static OnChange parse(String text) {
    return Arrays.stream(values())
        .filter(value -> value.configName.equalsIgnoreCase(text.strip()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "use one of " + Arrays.stream(values()).map(v -> v.configName).collect(Collectors.joining(", "))));
  }

  @Override
  public String toString() {
    return configName;
  }
}
