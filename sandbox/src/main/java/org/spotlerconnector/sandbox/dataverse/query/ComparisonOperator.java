package org.spotlerconnector.sandbox.dataverse.query;

import java.util.Arrays;
import java.util.Optional;

/** The comparison operators of {@code $filter}, with the operator kind names OData error messages use. */
enum ComparisonOperator {
  EQ("eq", "Equal"),
  NE("ne", "NotEqual"),
  GT("gt", "GreaterThan"),
  GE("ge", "GreaterThanOrEqual"),
  LT("lt", "LessThan"),
  LE("le", "LessThanOrEqual");

  private final String keyword;
  private final String kindName;

  ComparisonOperator(String keyword, String kindName) {
    this.keyword = keyword;
    this.kindName = kindName;
  }

  static Optional<ComparisonOperator> ofKeyword(String word) {
    return Arrays.stream(values()).filter(operator -> operator.keyword.equals(word)).findFirst();
  }

  String keyword() {
    return keyword;
  }

  String kindName() {
    return kindName;
  }

  /** Whether the operator holds for two values whose comparison gave {@code comparison} (as in Comparator). */
  boolean holds(int comparison) {
    return switch (this) {
      case EQ -> comparison == 0;
      case NE -> comparison != 0;
      case GT -> comparison > 0;
      case GE -> comparison >= 0;
      case LT -> comparison < 0;
      case LE -> comparison <= 0;
    };
  }

  /** The operator that keeps the meaning when both sides swap places: {@code 5 lt x} is {@code x gt 5}. */
  ComparisonOperator mirrored() {
    return switch (this) {
      case EQ, NE -> this;
      case GT -> LT;
      case GE -> LE;
      case LT -> GT;
      case LE -> GE;
    };
  }
}
