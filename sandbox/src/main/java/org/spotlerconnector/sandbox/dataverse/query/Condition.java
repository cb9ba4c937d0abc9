package org.spotlerconnector.sandbox.dataverse.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Predicate;

/** A bound {@code $filter} expression, evaluated in SQL's three-valued logic. */
@FunctionalInterface
interface Condition {

  Truth evaluate(ObjectNode row);

  static Condition constant(Truth truth) {
    return row -> truth;
  }

  /** A test of the column's value; unknown when the row has no value, as a SQL comparison with NULL. */
  static Condition onValue(Column column, Predicate<Object> test) {
    return row -> {
      Object value = column.read(row);
      return value == null ? Truth.UNKNOWN : Truth.of(test.test(value));
    };
  }

  static Condition compare(Column column, ComparisonOperator operator, Object value) {
    ValueDomain domain = column.domain();
    return onValue(column, stored -> operator.holds(domain.compare(stored, value)));
  }

  static Condition compare(Column left, ComparisonOperator operator, Column right) {
    ValueDomain domain = left.domain();
    return row -> {
      Object leftValue = left.read(row);
      Object rightValue = right.read(row);
      if (leftValue == null || rightValue == null) {
        return Truth.UNKNOWN;
      }
      return Truth.of(operator.holds(domain.compare(leftValue, rightValue)));
    };
  }

  static Condition isNull(Column column) {
    return row -> Truth.of(column.read(row) == null);
  }

  default Condition negated() {
    return row -> evaluate(row).not();
  }

  /** False as soon as one operand is false; otherwise unknown if one is unknown. */
  static Condition all(List<Condition> operands) {
    return row -> {
      Truth result = Truth.TRUE;
      for (Condition operand : operands) {
        Truth truth = operand.evaluate(row);
        if (truth == Truth.FALSE) {
          return Truth.FALSE;
        }
        if (truth == Truth.UNKNOWN) {
          result = Truth.UNKNOWN;
        }
      }
      return result;
    };
  }

  /** True as soon as one operand is true; otherwise unknown if one is unknown. */
  static Condition any(List<Condition> operands) {
    return all(operands.stream().map(Condition::negated).toList()).negated();
  }
}
