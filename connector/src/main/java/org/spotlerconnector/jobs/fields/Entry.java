package org.spotlerconnector.jobs.fields;

/**
 * One piece of the text between separators. {@code name} and {@code value} are trimmed; {@code value} is null when
 * the piece has no {@code =}, and then {@code text} is the trimmed piece. {@code afterSemicolon} tells whether a
 * {@code ;} (rather than a line break or the start of the text) came right before it.
 */
record Entry(int line, String name, String value, String text, boolean afterSemicolon) {
  boolean hasEquals() {
    return value != null;
  }

  boolean isBlank() {
    return !hasEquals() && text.isEmpty();
  }

  /** {@code Automation field 'invoiceCode' (line 2)}: how every message about a known field starts. */
  String field() {
    return "Automation field '" + name + "' (line " + line + ")";
  }
}
