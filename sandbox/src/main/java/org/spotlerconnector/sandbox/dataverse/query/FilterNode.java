package org.spotlerconnector.sandbox.dataverse.query;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The syntax tree of a {@code $filter}, before names are checked against a table. {@link #toString()} prints a
 * node back as filter text that parses to an equal node.
 */
sealed interface FilterNode {

  /** Binding strength when printed: a child binding more loosely than its parent needs parentheses. */
  int precedence();

  int OR = 1;
  int AND = 2;
  int COMPARISON = 3;
  int UNARY = 4;
  int PRIMARY = 5;

  /** A child printed inside a parent of precedence {@code parent}; {@code strict} also wraps equal precedence. */
  static String printed(FilterNode child, int parent, boolean strict) {
    boolean wrap = strict ? child.precedence() <= parent : child.precedence() < parent;
    return wrap ? "(" + child + ")" : child.toString();
  }

  record Or(List<FilterNode> operands) implements FilterNode {
    public int precedence() {
      return OR;
    }

    @Override
    public String toString() {
      return operands.stream().map(o -> printed(o, OR, true)).collect(Collectors.joining(" or "));
    }
  }

  record And(List<FilterNode> operands) implements FilterNode {
    public int precedence() {
      return AND;
    }

    @Override
    public String toString() {
      return operands.stream().map(o -> printed(o, AND, true)).collect(Collectors.joining(" and "));
    }
  }

  record Not(FilterNode operand) implements FilterNode {
    public int precedence() {
      return UNARY;
    }

    @Override
    public String toString() {
      return "not " + printed(operand, UNARY, false);
    }
  }

  record Comparison(FilterNode left, ComparisonOperator operator, FilterNode right) implements FilterNode {
    public int precedence() {
      return COMPARISON;
    }

    @Override
    public String toString() {
      return printed(left, UNARY, false) + " " + operator.keyword() + " " + printed(right, UNARY, false);
    }
  }

  /** An OData function with positional arguments, such as {@code contains(name,'x')}. */
  record FunctionCall(String name, List<FilterNode> arguments) implements FilterNode {
    public int precedence() {
      return PRIMARY;
    }

    @Override
    public String toString() {
      return name + arguments.stream().map(FilterNode::toString).collect(Collectors.joining(",", "(", ")"));
    }
  }

  /** A Dataverse query function with named parameters: {@code Microsoft.Dynamics.CRM.In(PropertyName='x',…)}. */
  record QueryFunctionCall(String name, List<Parameter> parameters) implements FilterNode {
    public int precedence() {
      return PRIMARY;
    }

    @Override
    public String toString() {
      return name
          + parameters.stream().map(p -> p.name() + "=" + p.value()).collect(Collectors.joining(",", "(", ")"));
    }
  }

  record Parameter(String name, FilterNode value) {}

  record Property(String name) implements FilterNode {
    public int precedence() {
      return PRIMARY;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * A constant. The value is a String (STRING; GUID, lowercase), a BigDecimal (INTEGER, DECIMAL, DOUBLE), a Boolean,
   * an OffsetDateTime (DATE_TIME), a LocalDate (DATE) or null (NULL).
   */
  record Literal(LiteralKind kind, Object value) implements FilterNode {
    static final Literal NULL = new Literal(LiteralKind.NULL, null);

    public int precedence() {
      return PRIMARY;
    }

    @Override
    public String toString() {
      return switch (kind) {
        case STRING -> "'" + ((String) value).replace("'", "''") + "'";
        case INTEGER, DECIMAL -> ((BigDecimal) value).toPlainString();
        case DOUBLE -> doubleText((BigDecimal) value);
        case NULL -> "null";
        default -> String.valueOf(value);
      };
    }

    /** The Edm type OData gives this literal, as named in type-mismatch errors. */
    String edmType() {
      return switch (kind) {
        case STRING -> "Edm.String";
        case INTEGER -> integerEdmType((BigDecimal) value);
        case DECIMAL -> "Edm.Decimal";
        case DOUBLE -> "Edm.Double";
        case BOOLEAN -> "Edm.Boolean";
        case GUID -> "Edm.Guid";
        case DATE_TIME -> "Edm.DateTimeOffset";
        case DATE -> "Edm.Date";
        case NULL -> "null";
      };
    }

    private static String integerEdmType(BigDecimal value) {
      if (value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
          && value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
        return "Edm.Int32";
      }
      return value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0 ? "Edm.Int64" : "Edm.Decimal";
    }

    private static String doubleText(BigDecimal value) {
      String text = value.toString();
      return text.contains("E") ? text : text + "E0";
    }

    static Literal string(String value) {
      return new Literal(LiteralKind.STRING, value);
    }

    static Literal dateTime(OffsetDateTime value) {
      return new Literal(LiteralKind.DATE_TIME, value);
    }

    static Literal date(LocalDate value) {
      return new Literal(LiteralKind.DATE, value);
    }
  }

  enum LiteralKind {
    STRING,
    INTEGER,
    DECIMAL,
    DOUBLE,
    BOOLEAN,
    GUID,
    DATE_TIME,
    DATE,
    NULL
  }

  /** A collection of values, as Dataverse query functions take them; each value kept as text. */
  record ArrayLiteral(List<String> values) implements FilterNode {
    public int precedence() {
      return PRIMARY;
    }

    @Override
    public String toString() {
      JsonStringEncoder encoder = JsonStringEncoder.getInstance();
      return values.stream()
          .map(value -> "\"" + new String(encoder.quoteAsString(value)) + "\"")
          .collect(Collectors.joining(",", "[", "]"));
    }
  }
}
