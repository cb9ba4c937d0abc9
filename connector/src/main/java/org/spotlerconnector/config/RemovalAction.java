package org.spotlerconnector.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What happens to the Spotler contact when its Dataverse record is deactivated, deleted or set to Do Not Email. */
public enum RemovalAction {
  /** {@code anonymize}: {@code PUT /contact/anonymize/{externalId}}, removing all personal data (the default). */
  ANONYMIZE("anonymize"),
  /** {@code clear-permissions}: switch off every permission bit, so the contact gets no more mail. */
  CLEAR_PERMISSIONS("clear-permissions"),
  /** {@code ignore}: leave the Spotler contact as it is. */
  IGNORE("ignore");

  public static final RemovalAction DEFAULT = ANONYMIZE;

  private final String configName;

  RemovalAction(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  /**
   * @throws IllegalArgumentException listing the allowed names
   */
  public static RemovalAction parse(String text) {
    return Arrays.stream(values())
        .filter(action -> action.configName.equalsIgnoreCase(text.strip()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "use one of "
                        + Arrays.stream(values()).map(RemovalAction::configName).collect(Collectors.joining(", "))));
  }

  @Override
  public String toString() {
    return configName;
  }
}
