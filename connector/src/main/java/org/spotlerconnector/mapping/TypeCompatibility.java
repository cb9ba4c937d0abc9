package org.spotlerconnector.mapping;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Which Dataverse column types can fill (and be filled from) which Spotler property types. */
final class TypeCompatibility {
  private TypeCompatibility() {}

  /** Why a column of type {@code source} cannot fill a Spotler field of type {@code target}; empty when it can. */
  static Optional<String> mismatch(SpotlerPropertyType target, ColumnType source) {
    if (target == SpotlerPropertyType.SET) {
      return Optional.of("a set field is filled with @map(permissions) or @map(list), not from a column");
    }
    if (target.textual() || allowed(target).contains(source)) {
      return Optional.empty();
    }
    return Optional.of("use " + describe(target));
  }

  private static Set<ColumnType> allowed(SpotlerPropertyType target) {
    return switch (target) {
      case GENDER -> EnumSet.of(ColumnType.CHOICE, ColumnType.TEXT);
      case INT -> EnumSet.of(ColumnType.WHOLE_NUMBER, ColumnType.CHOICE, ColumnType.BOOLEAN);
      case MONEY -> EnumSet.of(ColumnType.MONEY, ColumnType.DECIMAL, ColumnType.WHOLE_NUMBER);
      case DATE, BIRTHDATE, DATE_TIME -> EnumSet.of(ColumnType.DATE_TIME);
      default -> EnumSet.allOf(ColumnType.class);
    };
  }

  private static String describe(SpotlerPropertyType target) {
    return switch (target) {
      case GENDER -> "a choice column (1 = male, 2 = female) or a text column holding M or F";
      case INT -> "a whole number, choice or yes/no column";
      case MONEY -> "a currency, decimal or whole number column";
      case DATE, BIRTHDATE, DATE_TIME -> "a date column";
      default -> "any column";
    };
  }
}
