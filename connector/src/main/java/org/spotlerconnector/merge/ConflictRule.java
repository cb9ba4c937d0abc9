package org.spotlerconnector.merge;

import java.util.Arrays;
import java.util.List;
import org.spotlerconnector.mapping.Suggestions;

/**
 * How a field of a two-way mapping row ({@code <->}) resolves a conflict: both sides changed it, to different values.
 * Written in a mapping row as {@code conflict: dynamics | spotler | newest | non-blank}.
 */
public enum ConflictRule {
  /** {@code dynamics}: Dynamics 365 wins (the default). */
  DYNAMICS("dynamics"),
  /** {@code spotler}: Spotler wins. */
  SPOTLER("spotler"),
  /** {@code newest}: the side that changed the record last wins; on a tie Dynamics 365 wins. */
  NEWEST("newest"),
  /** {@code non-blank}: the side with a value wins over the side that cleared it; both filled, Dynamics 365 wins. */
  NON_BLANK("non-blank");

  public static final ConflictRule DEFAULT = DYNAMICS;

  private final String configName;

  ConflictRule(String configName) {
    this.configName = configName;
  }

  /** The word a mapping row uses, e.g. {@code non-blank}. */
  public String configName() {
    return configName;
  }

  /**
   * @throws IllegalArgumentException listing the allowed words, and the closest one when the text looks like a typo
   */
  public static ConflictRule parse(String text) {
    String word = text == null ? "" : text.strip();
    return Arrays.stream(values())
        .filter(rule -> rule.configName.equalsIgnoreCase(word))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "use one of " + String.join(", ", configNames()) + Suggestions.didYouMean(word, configNames())));
  }

  /**
   * The winner of a conflict on one field.
   *
   * @param dynamicsBlank whether the Dynamics 365 value is blank (then the Spotler one is not: they differ)
   */
  Side winner(boolean dynamicsBlank, ChangeTimes times) {
    return switch (this) {
      case DYNAMICS -> Side.DYNAMICS;
      case SPOTLER -> Side.SPOTLER;
      case NEWEST -> times.newest();
      case NON_BLANK -> dynamicsBlank ? Side.SPOTLER : Side.DYNAMICS;
    };
  }

  private static List<String> configNames() {
    return Arrays.stream(values()).map(ConflictRule::configName).toList();
  }

  @Override
  public String toString() {
    return configName;
  }
}
