package org.spotlerconnector.mapping;

import java.util.Objects;

/**
 * One option of a choice column: its value and its label in the organisation's base language ({@code
 * OptionSet.Options[].Value} and {@code Label.UserLocalizedLabel.Label} of the column's metadata). For a yes/no column
 * the options are its {@code FalseOption} (0) and {@code TrueOption} (1).
 */
public record ChoiceOption(int value, String label) {
  public ChoiceOption {
    Objects.requireNonNull(label, "label");
  }
}
