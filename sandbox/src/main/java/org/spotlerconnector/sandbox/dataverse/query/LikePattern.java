package org.spotlerconnector.sandbox.dataverse.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL Server LIKE pattern, which is what Dataverse turns {@code contains}, {@code startswith} and
 * {@code endswith} into: {@code %} matches any run of characters, {@code _} one character, {@code [abc]} or
 * {@code [a-c]} one of a set and {@code [^abc]} one outside it (dataverse-api.md §2.4). Case-insensitive.
 */
final class LikePattern {

  /** One position of the pattern. */
  private interface CharMatcher {
    boolean matches(char c);
  }

  /** {@code %}: told apart from the other elements by identity. */
  private static final CharMatcher ANY_RUN = c -> true;

  private static final CharMatcher ANY_CHARACTER = c -> true;

  private final List<CharMatcher> elements;

  private LikePattern(List<CharMatcher> elements) {
    this.elements = elements;
  }

  static LikePattern contains(String value) {
    return compile("%" + value + "%");
  }

  static LikePattern startsWith(String value) {
    return compile(value + "%");
  }

  static LikePattern endsWith(String value) {
    return compile("%" + value);
  }

  static LikePattern compile(String pattern) {
    List<CharMatcher> elements = new ArrayList<>();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int close = c == '[' ? pattern.indexOf(']', i + 2) : -1;
      if (c == '%') {
        elements.add(ANY_RUN);
      } else if (c == '_') {
        elements.add(ANY_CHARACTER);
      } else if (close > 0) {
        elements.add(characterSet(pattern.substring(i + 1, close)));
        i = close;
      } else {
        elements.add(other -> sameIgnoringCase(c, other));
      }
      i++;
    }
    return new LikePattern(elements);
  }

  /** The body of {@code [...]}; a leading {@code ]} belongs to the set, as {@code indexOf(']', i + 2)} allows. */
  private static CharMatcher characterSet(String body) {
    boolean negated = body.startsWith("^") && body.length() > 1;
    String members = negated ? body.substring(1) : body;
    return c -> negated != inSet(members, c);
  }

  private static boolean inSet(String members, char c) {
    for (int i = 0; i < members.length(); i++) {
      boolean range = i + 2 < members.length() && members.charAt(i + 1) == '-';
      if (range ? inRange(members.charAt(i), members.charAt(i + 2), c) : sameIgnoringCase(members.charAt(i), c)) {
        return true;
      }
      if (range) {
        i += 2;
      }
    }
    return false;
  }

  private static boolean inRange(char from, char to, char c) {
    return (from <= c && c <= to)
        || (from <= Character.toLowerCase(c) && Character.toLowerCase(c) <= to)
        || (from <= Character.toUpperCase(c) && Character.toUpperCase(c) <= to);
  }

  private static boolean sameIgnoringCase(char a, char b) {
    return a == b
        || Character.toUpperCase(a) == Character.toUpperCase(b)
        || Character.toLowerCase(a) == Character.toLowerCase(b);
  }

  /**
   * Greedy matching that, on a mismatch, retries from the last {@code %} one character further: linear for
   * ordinary patterns and never worse than text length times pattern length.
   */
  boolean matches(String text) {
    int t = 0;
    int p = 0;
    int lastWildcard = -1;
    int textAtWildcard = 0;
    while (t < text.length()) {
      if (p < elements.size() && elements.get(p) != ANY_RUN && elements.get(p).matches(text.charAt(t))) {
        t++;
        p++;
      } else if (p < elements.size() && elements.get(p) == ANY_RUN) {
        lastWildcard = p++;
        textAtWildcard = t;
      } else if (lastWildcard >= 0) {
        p = lastWildcard + 1;
        t = ++textAtWildcard;
      } else {
        return false;
      }
    }
    while (p < elements.size() && elements.get(p) == ANY_RUN) {
      p++;
    }
    return p == elements.size();
  }
}
