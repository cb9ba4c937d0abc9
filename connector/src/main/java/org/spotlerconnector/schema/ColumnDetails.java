package org.spotlerconnector.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.spotlerconnector.mapping.ChoiceOption;
import org.spotlerconnector.mapping.ColumnMetadata;
import org.spotlerconnector.mapping.DateTimeBehavior;

/**
 * Reads the details of one column from its entry in the answer to a {@link TypedAttributeQuery}: {@code MaxLength};
 * {@code MinValue} and {@code MaxValue}; {@code Precision}; {@code DateTimeBehavior: {"Value": "DateOnly"}}; the
 * {@code Options} of a choice's {@code OptionSet}, or of its {@code GlobalOptionSet} when it uses a global choice; the
 * {@code TrueOption} and {@code FalseOption} of a yes/no column. A detail the entry does not carry stays empty.
 */
final class ColumnDetails {
  /**
   * {@code MoneyAttributeMetadata.PrecisionSource} 0: the column's own {@code Precision} applies. With 1 or 2 the
   * organisation's pricing precision or the record's currency decides, which the column metadata does not say.
   */
  private static final int OWN_PRECISION = 0;

  private ColumnDetails() {}

  /** @param typed the column's entry, or a missing node when no typed query covered it */
  static ColumnMetadata apply(ColumnMetadata column, JsonNode typed) {
    ColumnMetadata detailed = column;
    if (typed.path("MaxLength").isIntegralNumber()) {
      detailed = detailed.withMaxLength(typed.get("MaxLength").intValue());
    }
    if (typed.path("MinValue").isNumber() && typed.path("MaxValue").isNumber()) {
      detailed = detailed.withRange(number(typed.get("MinValue")), number(typed.get("MaxValue")));
    }
    if (typed.path("Precision").isIntegralNumber() && ownPrecision(typed)) {
      detailed = detailed.withPrecision(typed.get("Precision").intValue());
    }
    if (typed.has("DateTimeBehavior")) {
      detailed =
          detailed.withDateTimeBehavior(
              DateTimeBehavior.fromMetadata(typed.path("DateTimeBehavior").path("Value").asText(null)));
    }
    List<ChoiceOption> options = options(typed);
    return options.isEmpty() ? detailed : detailed.withOptions(options);
  }

  private static boolean ownPrecision(JsonNode typed) {
    JsonNode source = typed.path("PrecisionSource");
    return !source.isNumber() || source.intValue() == OWN_PRECISION;
  }

  /** Integral limits stay exact; the Double and Money limits are {@code Edm.Double} in the metadata anyway. */
  private static BigDecimal number(JsonNode value) {
    return value.isIntegralNumber() ? new BigDecimal(value.bigIntegerValue()) : value.decimalValue();
  }

  private static List<ChoiceOption> options(JsonNode typed) {
    List<ChoiceOption> local = optionsOf(typed.path("OptionSet"));
    return local.isEmpty() ? optionsOf(typed.path("GlobalOptionSet")) : local;
  }

  private static List<ChoiceOption> optionsOf(JsonNode optionSet) {
    List<ChoiceOption> options = new ArrayList<>();
    if (optionSet.has("FalseOption") || optionSet.has("TrueOption")) {
      addOption(options, optionSet.path("FalseOption"));
      addOption(options, optionSet.path("TrueOption"));
      return options;
    }
    optionSet.path("Options").forEach(option -> addOption(options, option));
    return options;
  }

  private static void addOption(List<ChoiceOption> options, JsonNode option) {
    if (option.path("Value").isIntegralNumber()) {
      options.add(new ChoiceOption(option.get("Value").intValue(), label(option.path("Label"))));
    }
  }

  /**
   * The label in the caller's language ({@code UserLocalizedLabel}), else the first localized one; an option without
   * any label is still a value the column takes, so it is kept with an empty label.
   */
  private static String label(JsonNode label) {
    JsonNode user = label.path("UserLocalizedLabel").path("Label");
    if (user.isTextual()) {
      return user.textValue();
    }
    for (JsonNode localized : label.path("LocalizedLabels")) {
      if (localized.path("Label").isTextual()) {
        return localized.get("Label").textValue();
      }
    }
    return "";
  }
}
