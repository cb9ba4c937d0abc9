package org.spotlerconnector.mapping;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What writing a value into a Dataverse column needs to know beyond its {@link ColumnType}, from the column's typed
 * attribute metadata ({@code EntityDefinitions(LogicalName='contact')/Attributes/Microsoft.Dynamics.CRM.
 * StringAttributeMetadata} and so on). Details the metadata did not give are empty, and then not checked.
 *
 * @param maxLength text columns: the most characters the column takes ({@code MaxLength})
 * @param options choice, multi-select choice and yes/no columns: the options with their labels
 * @param minValue number columns: the smallest value allowed ({@code MinValue})
 * @param maxValue number columns: the largest value allowed ({@code MaxValue})
 * @param precision decimal and currency columns: the most digits after the decimal point ({@code Precision})
 * @param dateTimeBehavior date columns: how the column stores its values ({@code DateTimeBehavior}); {@link
 *     DateTimeBehavior#USER_LOCAL}, the default, for a column whose metadata did not say and for other columns
 */
public record ColumnMetadata(
    String name,
    ColumnType type,
    OptionalInt maxLength,
    List<ChoiceOption> options,
    Optional<BigDecimal> minValue,
    Optional<BigDecimal> maxValue,
    OptionalInt precision,
    DateTimeBehavior dateTimeBehavior) {

  public ColumnMetadata {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(maxLength, "maxLength");
    options = List.copyOf(options);
    Objects.requireNonNull(minValue, "minValue");
    Objects.requireNonNull(maxValue, "maxValue");
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(dateTimeBehavior, "dateTimeBehavior");
  }

  /** A column known only by its type. */
  public static ColumnMetadata of(String name, ColumnType type) {
    return new ColumnMetadata(
        name,
        type,
        OptionalInt.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        OptionalInt.empty(),
        DateTimeBehavior.USER_LOCAL);
  }

  public ColumnMetadata withMaxLength(int characters) {
    return new ColumnMetadata(
        name, type, OptionalInt.of(characters), options, minValue, maxValue, precision, dateTimeBehavior);
  }

  public ColumnMetadata withOptions(List<ChoiceOption> choices) {
    return new ColumnMetadata(name, type, maxLength, choices, minValue, maxValue, precision, dateTimeBehavior);
  }

  public ColumnMetadata withRange(BigDecimal min, BigDecimal max) {
    return new ColumnMetadata(
        name, type, maxLength, options, Optional.of(min), Optional.of(max), precision, dateTimeBehavior);
  }

  public ColumnMetadata withPrecision(int digits) {
    return new ColumnMetadata(
        name, type, maxLength, options, minValue, maxValue, OptionalInt.of(digits), dateTimeBehavior);
  }

  public ColumnMetadata withDateTimeBehavior(DateTimeBehavior behavior) {
    return new ColumnMetadata(name, type, maxLength, options, minValue, maxValue, precision, behavior);
  }

  /** The same column with the date-only behaviour. */
  public ColumnMetadata dateOnlyBehaviour() {
    return withDateTimeBehavior(DateTimeBehavior.DATE_ONLY);
  }

  /**
   * Whether the column holds a date without a time ({@code DateTimeBehavior} {@code DateOnly}), which the Web API
   * reads and writes as {@code YYYY-MM-DD}; otherwise it holds a date and time.
   */
  public boolean dateOnly() {
    return dateTimeBehavior == DateTimeBehavior.DATE_ONLY;
  }
}
