package org.spotlerconnector.sandbox.dataverse.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Dataverse query functions the emulator knows, called by their qualified names such as
 * {@code Microsoft.Dynamics.CRM.In(PropertyName='lastname',PropertyValues=["a","b"])} (dataverse-api.md §2.4).
 * {@code PropertyName} names the column by its logical name; a lookup may be named without the
 * {@code _…_value} decoration. Date functions work on UTC days, where Dataverse uses the caller's time zone.
 */
final class QueryFunctions {

  private static final String NAMESPACE = "Microsoft.Dynamics.CRM.";
  private static final Set<String> LIST_FUNCTIONS =
      Set.of("In", "NotIn", "ContainValues", "DoesNotContainValues", "Between", "NotBetween");
  private static final Set<String> SINGLE_VALUE_FUNCTIONS =
      Set.of("On", "OnOrAfter", "OnOrBefore", "LastXDays", "NextXDays", "LastXHours", "NextXHours");
  private static final Duration DAY = Duration.ofDays(1);

  private final QuerySchema schema;
  private final Clock clock;

  QueryFunctions(QuerySchema schema, Clock clock) {
    this.schema = schema;
    this.clock = clock;
  }

  Condition bind(FilterNode.QueryFunctionCall call) {
    String name = call.name().startsWith(NAMESPACE) ? call.name().substring(NAMESPACE.length()) : "";
    boolean listFunction = LIST_FUNCTIONS.contains(name);
    if (!listFunction && !SINGLE_VALUE_FUNCTIONS.contains(name)) {
      throw ODataQueryException.of(
          "An unknown function with name '"
              + call.name()
              + "' was found. This may also be a function import or a key lookup on a navigation property, which is"
              + " not allowed.");
    }
    String valueParameter = listFunction ? "PropertyValues" : "PropertyValue";
    Map<String, FilterNode> parameters = parameters(call, valueParameter);
    Column column = column(call, parameters.get("PropertyName"));
    FilterNode value = parameters.get(valueParameter);
    return listFunction
        ? listFunction(name, call, column, values(call, value))
        : singleValueFunction(name, call, column, singleValue(call, value));
  }

  private Condition listFunction(String name, FilterNode.QueryFunctionCall call, Column column, List<String> texts) {
    return switch (name) {
      case "In" -> in(call, column, texts);
      case "NotIn" -> in(call, column, texts).negated();
      case "ContainValues" -> containValues(call, column, texts);
      case "DoesNotContainValues" -> containValues(call, column, texts).negated();
      case "Between" -> between(call, column, texts);
      default -> between(call, column, texts).negated();
    };
  }

  private Condition singleValueFunction(String name, FilterNode.QueryFunctionCall call, Column column, String text) {
    if (column.domain() != ValueDomain.TEMPORAL) {
      throw wrongColumn(call, column, "a date or date-time column");
    }
    Instant now = clock.instant();
    Instant today = ValueDomain.startOfDay(LocalDate.ofInstant(now, ZoneOffset.UTC));
    return switch (name) {
      case "On" -> within(column, day(call, text), day(call, text).plus(DAY));
      case "OnOrAfter" -> within(column, day(call, text), Instant.MAX);
      case "OnOrBefore" -> within(column, Instant.MIN, day(call, text).plus(DAY));
      case "LastXDays" -> within(column, today.minus(DAY.multipliedBy(count(call, text))), now.plusNanos(1));
      case "NextXDays" -> within(column, now, today.plus(DAY.multipliedBy(count(call, text) + 1)));
      case "LastXHours" -> within(column, now.minus(Duration.ofHours(count(call, text))), now.plusNanos(1));
      default -> within(column, now, now.plus(Duration.ofHours(count(call, text))).plusNanos(1));
    };
  }

  private static Condition in(FilterNode.QueryFunctionCall call, Column column, List<String> texts) {
    List<Object> candidates = texts.stream().map(text -> converted(call, column, text)).toList();
    ValueDomain domain = column.domain();
    return Condition.onValue(column, stored -> candidates.stream().anyMatch(c -> domain.compare(stored, c) == 0));
  }

  /** True when the multi-select column has at least one of the values selected. */
  private static Condition containValues(FilterNode.QueryFunctionCall call, Column column, List<String> texts) {
    if (column.kind() != ColumnKind.MULTICHOICE) {
      throw wrongColumn(call, column, "a multi-select choice column");
    }
    Set<String> wanted = Set.copyOf(texts.stream().map(text -> (String) converted(call, column, text)).toList());
    return Condition.onValue(column, stored -> Arrays.stream(((String) stored).split(",")).anyMatch(wanted::contains));
  }

  private static Condition between(FilterNode.QueryFunctionCall call, Column column, List<String> texts) {
    if (texts.size() != 2) {
      throw ODataQueryException.of("The function '" + call.name() + "' needs exactly two PropertyValues.");
    }
    Object low = converted(call, column, texts.get(0));
    Object high = converted(call, column, texts.get(1));
    ValueDomain domain = column.domain();
    Predicate<Object> inRange = stored -> domain.compare(stored, low) >= 0 && domain.compare(stored, high) <= 0;
    return Condition.onValue(column, inRange);
  }

  /** The column's values from {@code from} (inclusive) to {@code until} (exclusive). */
  private static Condition within(Column column, Instant from, Instant until) {
    return Condition.onValue(column, stored -> !from.isAfter((Instant) stored) && until.isAfter((Instant) stored));
  }

  private Map<String, FilterNode> parameters(FilterNode.QueryFunctionCall call, String valueParameter) {
    Map<String, FilterNode> parameters = new HashMap<>();
    for (FilterNode.Parameter parameter : call.parameters()) {
      parameters.put(parameter.name(), parameter.value());
    }
    if (call.parameters().size() != 2 || !parameters.keySet().equals(Set.of("PropertyName", valueParameter))) {
      throw ODataQueryException.of(
          "The function '" + call.name() + "' takes the parameters PropertyName and " + valueParameter + ".");
    }
    return parameters;
  }

  private Column column(FilterNode.QueryFunctionCall call, FilterNode propertyName) {
    if (!(propertyName instanceof FilterNode.Literal literal) || literal.kind() != FilterNode.LiteralKind.STRING) {
      throw ODataQueryException.of(
          "The PropertyName of '" + call.name() + "' must be a column name in quotes, such as PropertyName='name'.");
    }
    String name = (String) literal.value();
    String lookupProperty = "_" + name + "_value";
    if (schema.column(name).isEmpty() && schema.column(lookupProperty).isPresent()) {
      return Column.resolve(lookupProperty, schema);
    }
    return Column.resolve(name, schema);
  }

  private static List<String> values(FilterNode.QueryFunctionCall call, FilterNode value) {
    if (!(value instanceof FilterNode.ArrayLiteral array) || array.values().isEmpty()) {
      throw ODataQueryException.of(
          "The PropertyValues of '"
              + call.name()
              + "' must be a non-empty array, such as PropertyValues=[\"a\",\"b\"].");
    }
    return array.values();
  }

  private static String singleValue(FilterNode.QueryFunctionCall call, FilterNode value) {
    if (!(value instanceof FilterNode.Literal literal) || literal.kind() == FilterNode.LiteralKind.NULL) {
      throw ODataQueryException.of(
          "The PropertyValue of '" + call.name() + "' must be a value, such as PropertyValue=7.");
    }
    return literal.kind() == FilterNode.LiteralKind.STRING ? (String) literal.value() : literal.toString();
  }

  private static Object converted(FilterNode.QueryFunctionCall call, Column column, String text) {
    return column
        .domain()
        .parseOptional(text)
        .orElseThrow(() -> invalidValue(call, column, text));
  }

  private static Instant day(FilterNode.QueryFunctionCall call, String text) {
    return ValueDomain.TEMPORAL
        .parseOptional(text)
        .map(instant -> ValueDomain.startOfDay(LocalDate.ofInstant((Instant) instant, ZoneOffset.UTC)))
        .orElseThrow(() ->
            ODataQueryException.of("The PropertyValue of '" + call.name() + "' must be a date: '" + text + "'."));
  }

  private static long count(FilterNode.QueryFunctionCall call, String text) {
    try {
      long count = Long.parseLong(text.strip());
      if (count >= 0 && count <= 1_000_000) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ODataQueryException.of(
        "The PropertyValue of '" + call.name() + "' must be a whole number from 0 to 1000000: '" + text + "'.");
  }

  private static ODataQueryException invalidValue(FilterNode.QueryFunctionCall call, Column column, String text) {
    return ODataQueryException.of(
        "The value '" + text + "' passed to '" + call.name() + "' is not a valid " + column.kind().edmType()
            + " value for the column '" + column.name() + "'.");
  }

  private static ODataQueryException wrongColumn(FilterNode.QueryFunctionCall call, Column column, String expected) {
    return ODataQueryException.of(
        "The function '"
            + call.name()
            + "' needs "
            + expected
            + "; '"
            + column.name()
            + "' is "
            + column.kind().edmType()
            + ".");
  }
}
