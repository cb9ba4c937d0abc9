package org.spotlerconnector.jobs.fields;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The {@code <STRING>}-style placeholders of the pre-filled text: left in place, they mean "not filled in". */
final class TypeHints {
  private TypeHints() {}

  static boolean isHint(String value) {
    return Arrays.stream(FieldType.values()).anyMatch(type -> type.typeHint().equalsIgnoreCase(value));
  }

  /** A hint typed around rather than replaced, as in {@code jan@example.com<STRING>}. */
  static Optional<String> hintInside(String value) {
    String upper = value.toUpperCase(Locale.ROOT);
    return Arrays.stream(FieldType.values()).map(FieldType::typeHint).filter(upper::contains).findFirst();
  }
}
