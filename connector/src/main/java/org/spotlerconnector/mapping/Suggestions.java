package org.spotlerconnector.mapping;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?": the known name closest to a mistyped one, if any is close enough to be a likely typo. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate with the smallest edit distance to {@code typed} (ignoring case), provided the distance is small
   * relative to the name's length.
   */
  public static Optional<String> closest(String typed, Collection<String> candidates) {
    String needle = typed.toLowerCase(Locale.ROOT);
    int allowed = Math.max(2, needle.length() / 3);
    return candidates.stream()
        .filter(candidate -> distance(needle, candidate.toLowerCase(Locale.ROOT)) <= allowed)
        .min(
            Comparator.comparingInt((String candidate) -> distance(needle, candidate.toLowerCase(Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder()));
  }

  /** {@code "; did you mean 'x'?"}, or nothing when no candidate is close. */
  public static String didYouMean(String typed, Collection<String> candidates) {
    return closest(typed, candidates).map(name -> "; did you mean '" + name + "'?").orElse("");
  }

  /** Levenshtein distance with two rolling rows. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
