package org.spotlerconnector.sandbox.dataverse.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.spotlerconnector.sandbox.dataverse.query.FetchXmlDocument.XmlElement;

/**
 * Binds the {@code filter} and {@code condition} elements of a FetchXML query (FetchXML reference: filter, condition,
 * operators): {@code and}/{@code or} filters nested at will, and the operators marketing list queries use on plain
 * columns — {@code eq}, {@code ne}/{@code neq}, {@code gt}, {@code ge}, {@code lt}, {@code le}, {@code like},
 * {@code not-like}, {@code begins-with}, {@code not-begin-with}, {@code ends-with}, {@code not-end-with},
 * {@code null}, {@code not-null}, {@code in}, {@code not-in}, {@code between}, {@code not-between} — with a value or
 * {@code valueof} another column. Conditions run in SQL's three-valued logic, as the platform's SQL does: a column
 * without a value matches neither {@code eq} nor {@code ne}. Strings compare ignoring case; GUID values may be
 * written in braces ({@code {6F9619FF-…}}), as queries saved by the application write them.
 */
final class FetchConditions {
  private static final Map<String, ComparisonOperator> COMPARISONS =
      Map.of(
          "eq", ComparisonOperator.EQ, "ne", ComparisonOperator.NE, "neq", ComparisonOperator.NE,
          "gt", ComparisonOperator.GT, "ge", ComparisonOperator.GE, "lt", ComparisonOperator.LT,
          "le", ComparisonOperator.LE);
  private static final Set<String> TEXT_PATTERNS =
      Set.of("like", "not-like", "begins-with", "not-begin-with", "ends-with", "not-end-with");
  /** The other operators of the FetchXML reference: valid, but not emulated. */
  private static final Set<String> OTHER_OPERATORS =
      Set.of(
          "above", "under", "eq-or-above", "eq-or-under", "not-under", "eq-userid", "ne-userid", "eq-userteams",
          "eq-useroruserteams", "eq-useroruserhierarchy", "eq-useroruserhierarchyandteams", "eq-businessid",
          "ne-businessid", "eq-userlanguage", "yesterday", "today", "tomorrow", "last-seven-days",
          "next-seven-days", "last-week", "this-week", "next-week", "last-month", "this-month", "next-month", "on",
          "on-or-before", "on-or-after", "last-year", "this-year", "next-year", "last-x-hours", "next-x-hours",
          "last-x-days", "next-x-days", "last-x-weeks", "next-x-weeks", "last-x-months", "next-x-months",
          "olderthan-x-months", "olderthan-x-years", "olderthan-x-weeks", "olderthan-x-days",
          "olderthan-x-hours", "olderthan-x-minutes", "last-x-years", "next-x-years", "this-fiscal-year",
          "this-fiscal-period", "next-fiscal-year", "next-fiscal-period", "last-fiscal-year", "last-fiscal-period",
          "last-x-fiscal-years", "last-x-fiscal-periods", "next-x-fiscal-years", "next-x-fiscal-periods",
          "in-fiscal-year", "in-fiscal-period", "in-fiscal-period-and-year", "in-or-before-fiscal-period-and-year",
          "in-or-after-fiscal-period-and-year", "contain-values", "not-contain-values");
  private static final Set<String> UNSUPPORTED_CONDITION_ATTRIBUTES = Set.of("column", "aggregate", "rowaggregate",
      "alias");

  /** Where the columns a condition names are found. */
  interface Scope {
    /**
     * The column named by a condition's {@code attribute} (and {@code entityname}, or null), or a {@code valueof}
     * reference.
     */
    Column column(String entityName, String attribute);

    /** The {@code valueof} column: {@code attribute}, or {@code alias.attribute} for a linked table. */
    Column valueOf(String reference);

    /** How error texts name a column: {@code contact.address1_city}. */
    String qualified(Column column);
  }

  private FetchConditions() {}

  /** A {@code filter} element: all ({@code type='and'}, the default) or any ({@code 'or'}) of its conditions. */
  static Condition filter(XmlElement filter, Scope scope) {
    String type = filter.attribute("type").orElse("and");
    if (!type.equals("and") && !type.equals("or")) {
      throw FetchXmlException.invalid("The filter type '" + type + "' is not valid: use 'and' or 'or'.");
    }
    List<Condition> operands = new ArrayList<>();
    for (XmlElement child : filter.children()) {
      switch (child.name()) {
        case "condition" -> operands.add(condition(child, scope));
        case "filter" -> operands.add(filter(child, scope));
        default -> throw FetchXmlException.unsupported(
            "a link-entity inside a filter (link types any, not any, all and not all)");
      }
    }
    if (operands.isEmpty()) {
      return Condition.constant(Truth.TRUE); // an empty filter filters nothing
    }
    return type.equals("and") ? Condition.all(operands) : Condition.any(operands);
  }

  private static Condition condition(XmlElement condition, Scope scope) {
    for (String attribute : UNSUPPORTED_CONDITION_ATTRIBUTES) {
      if (condition.attribute(attribute).isPresent()) {
        throw FetchXmlException.unsupported("the '" + attribute + "' attribute of a condition");
      }
    }
    String attribute =
        condition.attribute("attribute")
            .orElseThrow(() -> FetchXmlException.invalid("A condition needs an 'attribute'."));
    String operator =
        condition.attribute("operator")
            .orElseThrow(() -> FetchXmlException.invalid("A condition needs an 'operator'."));
    Column column = scope.column(condition.attribute("entityname").orElse(null), attribute);
    if (condition.attribute("valueof").isPresent()) {
      return columnComparison(column, operator, scope.valueOf(condition.attribute("valueof").get()), scope);
    }
    Values values = new Values(column, operator, values(condition), scope);
    ComparisonOperator comparison = COMPARISONS.get(operator);
    if (comparison != null) {
      return Condition.compare(column, comparison, values.single());
    }
    if (TEXT_PATTERNS.contains(operator)) {
      return textPattern(column, operator, values, scope);
    }
    return switch (operator) {
      case "null" -> Condition.isNull(column);
      case "not-null" -> Condition.isNull(column).negated();
      case "in" -> in(column, values);
      case "not-in" -> in(column, values).negated();
      case "between" -> between(column, values);
      case "not-between" -> between(column, values).negated();
      default -> throw OTHER_OPERATORS.contains(operator)
          ? FetchXmlException.unsupported("the '" + operator + "' operator")
          : FetchXmlException.invalid("The 'operator' attribute is invalid - The value '" + operator
              + "' is invalid according to its datatype 'operator' - The Enumeration constraint failed.");
    };
  }

  /** The condition's values: its {@code value} attribute, else the text of its {@code value} elements. */
  private static List<String> values(XmlElement condition) {
    List<String> values = new ArrayList<>();
    condition.attribute("value").ifPresent(values::add);
    condition.children("value").forEach(v -> values.add(v.text()));
    return values;
  }

  private static Condition columnComparison(Column left, String operator, Column right, Scope scope) {
    ComparisonOperator comparison = COMPARISONS.get(operator);
    if (comparison == null) {
      throw FetchXmlException.invalid("A condition with 'valueof' can only use eq, ne, gt, ge, lt or le, not '"
          + operator + "'.");
    }
    if (left.domain() != right.domain()) {
      throw FetchXmlException.invalid("The columns " + scope.qualified(left) + " and " + scope.qualified(right)
          + " cannot be compared: they are not of the same type.");
    }
    return Condition.compare(left, comparison, right);
  }

  private static Condition textPattern(Column column, String operator, Values values, Scope scope) {
    if (column.domain() != ValueDomain.TEXT) {
      throw FetchXmlException.invalid("The '" + operator + "' operator applies to text columns, and "
          + scope.qualified(column) + " is " + column.kind().edmType() + ".");
    }
    String value = (String) values.single();
    LikePattern pattern =
        switch (operator) {
          case "like", "not-like" -> LikePattern.compile(value);
          case "begins-with", "not-begin-with" -> LikePattern.startsWith(value);
          default -> LikePattern.endsWith(value);
        };
    Condition matches = Condition.onValue(column, stored -> pattern.matches((String) stored));
    return operator.startsWith("not-") ? matches.negated() : matches;
  }

  private static Condition in(Column column, Values values) {
    return Condition.any(values.atLeastOne().stream()
        .map(value -> Condition.compare(column, ComparisonOperator.EQ, value))
        .toList());
  }

  private static Condition between(Column column, Values values) {
    List<Object> bounds = values.exactly(2);
    return Condition.all(List.of(
        Condition.compare(column, ComparisonOperator.GE, bounds.get(0)),
        Condition.compare(column, ComparisonOperator.LE, bounds.get(1))));
  }

  /** A condition's values, converted to the column's type when the operator needs them. */
  private record Values(Column column, String operator, List<String> texts, Scope scope) {

    Object single() {
      return exactly(1).get(0);
    }

    List<Object> atLeastOne() {
      if (texts.isEmpty()) {
        throw FetchXmlException.invalid("Condition for attribute '" + scope.qualified(column) + "': the '"
            + operator + "' operator needs at least one value.");
      }
      return converted();
    }

    List<Object> exactly(int n) {
      if (texts.size() != n) {
        throw FetchXmlException.invalid("Condition for attribute '" + scope.qualified(column) + "': the '"
            + operator + "' operator needs " + (n == 1 ? "one value" : n + " values") + ", not " + texts.size()
            + ".");
      }
      return converted();
    }

    private List<Object> converted() {
      List<Object> values = new ArrayList<>();
      for (String text : texts) {
        values.add(convert(text));
      }
      return values;
    }

    private Object convert(String text) {
      ValueDomain domain = column.domain();
      String value = domain == ValueDomain.TEXT ? text : unbraced(text.strip());
      return domain.parseOptional(value).orElseThrow(
          () -> FetchXmlException.invalid("Condition for attribute '" + scope.qualified(column)
              + "': expected argument(s) of type '" + clrType(column.kind()) + "' but received 'System.String'."));
    }

    private static String unbraced(String text) {
      return text.startsWith("{") && text.endsWith("}") ? text.substring(1, text.length() - 1) : text;
    }

    /** The .NET type the platform names in its conversion errors. */
    private static String clrType(ColumnKind kind) {
      return switch (kind) {
        case GUID, LOOKUP -> "System.Guid";
        case INTEGER, CHOICE -> "System.Int32";
        case BIGINT -> "System.Int64";
        case DECIMAL, MONEY -> "System.Decimal";
        case DOUBLE -> "System.Double";
        case BOOLEAN -> "System.Boolean";
        case DATETIME, DATEONLY -> "System.DateTime";
        default -> "System." + kind.name().charAt(0) + kind.name().substring(1).toLowerCase(Locale.ROOT);
      };
    }
  }
}
