package org.spotlerconnector.jobs.fields;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the Automation Fields a marketer wrote on a Start Automation job into the values to pass with the trigger.
 * The accepted text is described in the {@linkplain org.spotlerconnector.jobs.fields package documentation}.
 */
public final class AutomationFieldsParser {
  /** Far more than any automation needs, small enough that a pasted document is refused at once. */
  public static final int MAX_TEXT_LENGTH = 100_000;

  /** Per value, after trimming; a product list counts as one value. */
  public static final int MAX_VALUE_LENGTH = FieldValueReader.MAX_VALUE_LENGTH;

  private AutomationFieldsParser() {}

  /**
   * The values to pass, in the order written; fields left blank, still holding their type hint, or left out are not
   * passed. A null text counts as empty.
   *
   * @param definitions the automation's fields; names must be unique
   * @throws InvalidAutomationFieldsException when the text cannot be passed as written, listing what to fix
   * @throws IllegalArgumentException when two definitions share a name
   */
  public static List<FieldValue> parse(String text, List<FieldDefinition> definitions) {
    Map<String, FieldDefinition> fields = byName(definitions);
    if (text == null) {
      return List.of();
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new InvalidAutomationFieldsException(List.of(tooLong(text)), 1);
    }
    Problems problems = new Problems();
    List<FieldValue> values = new ArrayList<>();
    Map<String, Integer> firstLines = new HashMap<>();
    for (Entry entry : EntryScanner.entries(text)) {
      if (!entry.isBlank()) {
        read(entry, fields, firstLines, problems).ifPresent(values::add);
      }
    }
    problems.throwIfAny();
    return List.copyOf(values);
  }

  private static Optional<FieldValue> read(
      Entry entry, Map<String, FieldDefinition> fields, Map<String, Integer> firstLines, Problems problems) {
    if (!entry.hasEquals()) {
      problems.add(entry.line(), null, () -> withoutEquals(entry));
      return Optional.empty();
    }
    if (TypeHints.isUnfilled(entry.value())) {
      return Optional.empty();
    }
    if (entry.name().isEmpty()) {
      problems.add(entry.line(), null, () -> "Line " + entry.line()
          + " has a value but no field name before the '=': write name=value, like invoiceCode=ABC123.");
      return Optional.empty();
    }
    FieldDefinition definition = fields.get(entry.name());
    if (definition == null) {
      problems.add(entry.line(), entry.name(), () -> FieldNames.unknown(entry, fields.keySet()));
      return Optional.empty();
    }
    Integer firstLine = firstLines.putIfAbsent(entry.name(), entry.line());
    if (firstLine != null) {
      problems.add(entry.line(), entry.name(), () -> givenTwice(entry, firstLine));
      return Optional.empty();
    }
    try {
      return FieldValueReader.read(definition, entry);
    } catch (ValueRejectedException rejected) {
      problems.add(entry.line(), entry.name(), rejected::getMessage);
      return Optional.empty();
    }
  }

  private static Map<String, FieldDefinition> byName(List<FieldDefinition> definitions) {
    Map<String, FieldDefinition> fields = new LinkedHashMap<>();
    for (FieldDefinition definition : Objects.requireNonNull(definitions, "definitions")) {
      if (fields.putIfAbsent(definition.name(), definition) != null) {
        throw new IllegalArgumentException("automation field '" + definition.name() + "' is defined twice");
      }
    }
    return fields;
  }

  private static FieldProblem tooLong(String text) {
    return new FieldProblem(0, null, String.format(Locale.ROOT,
        "The Automation Fields text is %,d characters long; at most %,d are allowed."
            + " Remove what does not belong to the fields.", text.length(), MAX_TEXT_LENGTH));
  }

  private static String withoutEquals(Entry entry) {
    String message = "Line " + entry.line() + " has no '=' in '" + Quotes.excerpt(entry.text())
        + "': write each Automation Field as name=value, like invoiceCode=ABC123.";
    return entry.afterSemicolon()
        ? message + " A ';' always ends a field; in a web address write it as %3B."
        : message;
  }

  private static String givenTwice(Entry entry, int firstLine) {
    String where = firstLine == entry.line()
        ? "twice on line " + firstLine
        : "twice (lines " + firstLine + " and " + entry.line() + ")";
    return "Automation field '" + entry.name() + "' is given " + where + ": keep only one.";
  }
}
