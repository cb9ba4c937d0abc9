package org.spotlerconnector.jobs.fields;

import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;
import org.spotlerconnector.mapping.Suggestions;

/** What to say about a field name the automation does not have. */
final class FieldNames {
  /** Longer names are pasted text, not typos; comparing them would only cost time. */
  private static final int MAX_SUGGESTABLE_LENGTH = 100;
  private static final int MAX_NAMES_LISTED = 10;

  private FieldNames() {}

  static String unknown(Entry entry, Collection<String> known) {
    String start = "Line " + entry.line() + " names Automation field '" + Quotes.excerpt(entry.name())
        + "', which this automation does not have";
    if (known.isEmpty()) {
      return start + "; it takes no Automation Fields, so leave the text empty.";
    }
    Optional<String> suggestion = entry.name().length() <= MAX_SUGGESTABLE_LENGTH
        ? Suggestions.closest(entry.name(), known)
        : Optional.empty();
    if (suggestion.filter(name -> name.equalsIgnoreCase(entry.name())).isPresent()) {
      return start + "; names are case-sensitive: did you mean '" + suggestion.get() + "'?";
    }
    return suggestion
        .map(name -> start + "; did you mean '" + name + "'?")
        .orElseGet(() -> start + "; its fields are " + listed(known) + ".");
  }

  private static String listed(Collection<String> known) {
    String names = known.stream().limit(MAX_NAMES_LISTED).map(name -> "'" + name + "'")
        .collect(Collectors.joining(", "));
    return known.size() > MAX_NAMES_LISTED ? names + " and " + (known.size() - MAX_NAMES_LISTED) + " more" : names;
  }
}
