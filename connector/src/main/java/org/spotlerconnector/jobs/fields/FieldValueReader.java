package org.spotlerconnector.jobs.fields;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Checks the written value of a known field against its type and turns it into what is passed. */
final class FieldValueReader {
  static final int MAX_VALUE_LENGTH = 10_000;
  private static final char TAB = '\t';

  private FieldValueReader() {}

  /**
   * Reads a value that is not {@linkplain TypeHints#isUnfilled unfilled}; empty only for a list whose items were all
   * blank or hints, such as {@code {,<STRING>}}.
   */
  static Optional<FieldValue> read(FieldDefinition definition, Entry entry) throws ValueRejectedException {
    String value = entry.value();
    checkLength(entry);
    checkNoControlCharacters(entry);
    if (definition.type().isList()) {
      List<String> items = ProductLists.items(entry);
      return items.isEmpty() ? Optional.empty() : Optional.of(FieldValue.productList(definition.name(), items));
    }
    checkSingle(definition.type(), entry);
    return Optional.of(FieldValue.single(definition.name(), definition.type(), value));
  }

  private static void checkSingle(FieldType type, Entry entry) throws ValueRejectedException {
    String value = entry.value();
    if (value.startsWith("{") && value.endsWith("}")) {
      String what = type == FieldType.URL ? "one web address" : "one text";
      throw new ValueRejectedException(entry.field() + " takes " + what + ", not a list: remove the curly brackets.");
    }
    Optional<String> hint = TypeHints.hintInside(value);
    if (hint.isPresent()) {
      throw new ValueRejectedException(entry.field() + " still contains the type hint " + hint.get()
          + ": replace the hint with the value, or leave the value empty to pass nothing.");
    }
    if (type == FieldType.URL) {
      WebAddresses.check(entry);
    }
  }

  private static void checkLength(Entry entry) throws ValueRejectedException {
    int length = entry.value().length();
    if (length > MAX_VALUE_LENGTH) {
      throw new ValueRejectedException(String.format(Locale.ROOT,
          "%s has a value of %,d characters; at most %,d are allowed.", entry.field(), length, MAX_VALUE_LENGTH));
    }
  }

  /** Such characters come from pasting, are invisible in Dynamics and would end up in the mail. */
  private static void checkNoControlCharacters(Entry entry) throws ValueRejectedException {
    String value = entry.value();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && c != TAB) {
        throw new ValueRejectedException(String.format(Locale.ROOT,
            "%s contains an invisible control character (U+%04X) at position %d of its value: retype the value.",
            entry.field(), (int) c, i + 1));
      }
    }
  }
}
