package org.spotlerconnector.jobs.fields;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The {@code <STRING>}-style placeholders of the pre-filled text: left in place, they mean "not filled in". */
final class TypeHints {
  private TypeHints() {}

  /**
   * Whether the marketer left the value as good as empty: blank, a type hint, or a list holding nothing else. Such
   * an entry counts as removed, whatever its name: a field since dropped from the automation keeps its untouched
   * line in older jobs, and that line must not fail them.
   */
  static boolean isUnfilled(String value) {
    if (value.length() >= 2 && value.charAt(0) == '{' && value.charAt(value.length() - 1) == '}') {
      String inside = Blanks.strip(value, 1, value.length() - 1);
      return inside.isEmpty() || isHint(inside);
    }
    return value.isEmpty() || isHint(value);
  }

  static boolean isHint(String value) {
    return Arrays.stream(FieldType.values()).anyMatch(type -> type.typeHint().equalsIgnoreCase(value));
  }

  /** A hint typed around rather than replaced, as in {@code jan@example.com<STRING>}. */
  static Optional<String> hintInside(String value) {
    String upper = value.toUpperCase(Locale.ROOT);
    return Arrays.stream(FieldType.values()).map(FieldType::typeHint).filter(upper::contains).findFirst();
  }
}
