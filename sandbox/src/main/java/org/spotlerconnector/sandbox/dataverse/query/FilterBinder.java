package org.spotlerconnector.sandbox.dataverse.query;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Checks a parsed {@code $filter} against the table (names, types) and turns it into an evaluable
 * {@link Condition}. Error texts follow the OData URI parser Dataverse runs.
 */
final class FilterBinder {

  private static final List<String> STRING_FUNCTIONS = List.of("contains", "startswith", "endswith");

  private final QuerySchema schema;
  private final QueryFunctions queryFunctions;

  FilterBinder(QuerySchema schema, Clock clock) {
    this.schema = schema;
    this.queryFunctions = new QueryFunctions(schema, clock);
  }

  Condition bind(FilterNode node) {
    if (node instanceof FilterNode.Or or) {
      return Condition.any(or.operands().stream().map(this::bind).toList());
    }
    if (node instanceof FilterNode.And and) {
      return Condition.all(and.operands().stream().map(this::bind).toList());
    }
    if (node instanceof FilterNode.Not not) {
      return negation(not);
    }
    if (node instanceof FilterNode.Comparison comparison) {
      return comparison(comparison);
    }
    if (node instanceof FilterNode.FunctionCall call) {
      return stringFunction(call);
    }
    if (node instanceof FilterNode.QueryFunctionCall call) {
      return queryFunctions.bind(call);
    }
    if (node instanceof FilterNode.Property property) {
      return booleanColumn(property);
    }
    if (node instanceof FilterNode.Literal literal && literal.kind() == FilterNode.LiteralKind.BOOLEAN) {
      return Condition.constant(Truth.of((Boolean) literal.value()));
    }
    throw notBoolean();
  }

  private Condition negation(FilterNode.Not not) {
    if (not.operand() instanceof FilterNode.Property property) {
      Column column = Column.resolve(property.name(), schema);
      if (column.kind() != ColumnKind.BOOLEAN) {
        throw ODataQueryException.of(
            "A unary operator with an incompatible type was detected. Found operand type '"
                + column.kind().edmType()
                + "' for operator kind 'Not'.");
      }
    }
    return bind(not.operand()).negated();
  }

  /** A Boolean column on its own is a condition: {@code $filter=donotemail}. */
  private Condition booleanColumn(FilterNode.Property property) {
    Column column = Column.resolve(property.name(), schema);
    if (column.kind() != ColumnKind.BOOLEAN) {
      throw notBoolean();
    }
    return Condition.compare(column, ComparisonOperator.EQ, Boolean.TRUE);
  }

  private Condition comparison(FilterNode.Comparison comparison) {
    FilterNode left = comparison.left();
    FilterNode right = comparison.right();
    ComparisonOperator operator = comparison.operator();
    if (isCondition(left) || isCondition(right)) {
      return conditionComparedToBoolean(comparison);
    }
    if (left instanceof FilterNode.Property leftProperty && right instanceof FilterNode.Property rightProperty) {
      Column leftColumn = Column.resolve(leftProperty.name(), schema);
      return columnComparison(leftColumn, operator, Column.resolve(rightProperty.name(), schema));
    }
    if (left instanceof FilterNode.Property property) {
      return valueComparison(Column.resolve(property.name(), schema), operator, right, false);
    }
    if (right instanceof FilterNode.Property property) {
      return valueComparison(Column.resolve(property.name(), schema), operator.mirrored(), left, true);
    }
    throw ODataQueryException.of(
        "A comparison in $filter needs a column on at least one side: '" + comparison + "'.");
  }

  /** {@code contains(name,'x') eq true} is valid OData: a condition compared with a Boolean literal. */
  private Condition conditionComparedToBoolean(FilterNode.Comparison comparison) {
    boolean conditionOnLeft = isCondition(comparison.left());
    FilterNode condition = conditionOnLeft ? comparison.left() : comparison.right();
    FilterNode other = conditionOnLeft ? comparison.right() : comparison.left();
    Condition bound = bind(condition);
    ComparisonOperator operator = comparison.operator();
    boolean equality = operator == ComparisonOperator.EQ || operator == ComparisonOperator.NE;
    boolean booleanLiteral =
        other instanceof FilterNode.Literal literal && literal.kind() == FilterNode.LiteralKind.BOOLEAN;
    if (!booleanLiteral || !equality) {
      String otherType = isCondition(other) ? "Edm.Boolean" : edmType(other);
      throw conditionOnLeft
          ? incompatible("Edm.Boolean", otherType, operator)
          : incompatible(otherType, "Edm.Boolean", operator);
    }
    boolean wanted = (Boolean) ((FilterNode.Literal) other).value() == (operator == ComparisonOperator.EQ);
    return wanted ? bound : bound.negated();
  }

  private static Condition columnComparison(Column left, ComparisonOperator operator, Column right) {
    if (left.domain() != right.domain()) {
      throw incompatible(left.kind().edmType(), right.kind().edmType(), operator);
    }
    return Condition.compare(left, operator, right);
  }

  /** {@code mirrored}: the literal was written on the left; error texts keep the written order. */
  private static Condition valueComparison(
      Column column, ComparisonOperator operator, FilterNode other, boolean mirrored) {
    if (!(other instanceof FilterNode.Literal literal)) {
      throw incompatibleWritten(column, other, operator, mirrored);
    }
    if (literal.kind() == FilterNode.LiteralKind.NULL) {
      return nullComparison(column, operator);
    }
    Optional<Object> value = column.domain().fromLiteral(literal);
    if (value.isEmpty()) {
      throw incompatibleWritten(column, other, operator, mirrored);
    }
    return Condition.compare(column, operator, value.get());
  }

  /** {@code eq null} and {@code ne null} test for null; ordering against null is never true, as in SQL. */
  private static Condition nullComparison(Column column, ComparisonOperator operator) {
    return switch (operator) {
      case EQ -> Condition.isNull(column);
      case NE -> Condition.isNull(column).negated();
      default -> Condition.constant(Truth.UNKNOWN);
    };
  }

  private Condition stringFunction(FilterNode.FunctionCall call) {
    if (!STRING_FUNCTIONS.contains(call.name())) {
      throw ODataQueryException.of(
          "An unknown function with name '"
              + call.name()
              + "' was found. This may also be a function import or a key lookup on a navigation property, which is"
              + " not allowed.");
    }
    List<FilterNode> arguments = call.arguments();
    if (arguments.size() != 2
        || !(arguments.get(0) instanceof FilterNode.Property property)
        || !(arguments.get(1) instanceof FilterNode.Literal literal)
        || literal.kind() != FilterNode.LiteralKind.STRING) {
      throw noMatchingSignature(call.name());
    }
    Column column = Column.resolve(property.name(), schema);
    if (column.domain() != ValueDomain.TEXT) {
      throw noMatchingSignature(call.name());
    }
    String value = (String) literal.value();
    LikePattern pattern =
        switch (call.name()) {
          case "contains" -> LikePattern.contains(value);
          case "startswith" -> LikePattern.startsWith(value);
          default -> LikePattern.endsWith(value);
        };
    return Condition.onValue(column, stored -> pattern.matches((String) stored));
  }

  private static boolean isCondition(FilterNode node) {
    return !(node instanceof FilterNode.Property
        || node instanceof FilterNode.Literal
        || node instanceof FilterNode.ArrayLiteral);
  }

  private static String edmType(FilterNode value) {
    if (value instanceof FilterNode.Literal literal) {
      return literal.edmType();
    }
    return value instanceof FilterNode.ArrayLiteral ? "Collection(Edm.String)" : "Edm.Boolean";
  }

  private static ODataQueryException incompatibleWritten(
      Column column, FilterNode other, ComparisonOperator operator, boolean mirrored) {
    String columnType = column.kind().edmType();
    String otherType = edmType(other);
    return mirrored
        ? incompatible(otherType, columnType, operator.mirrored())
        : incompatible(columnType, otherType, operator);
  }

  private static ODataQueryException incompatible(String left, String right, ComparisonOperator operator) {
    return ODataQueryException.of(
        "A binary operator with incompatible types was detected. Found operand types '"
            + left
            + "' and '"
            + right
            + "' for operator kind '"
            + operator.kindName()
            + "'.");
  }

  private static ODataQueryException noMatchingSignature(String function) {
    return ODataQueryException.of(
        "No function signature for the function with name '"
            + function
            + "' matches the specified arguments. The function signatures considered are: "
            + function
            + "(Edm.String Nullable=true, Edm.String Nullable=true).");
  }

  private static ODataQueryException notBoolean() {
    return ODataQueryException.of("The $filter expression must evaluate to a single boolean value.");
  }
}
