package org.spotlerconnector.jobs.fields;

/** Marketer's text quoted in a message: short, and with invisible characters made visible. */
final class Quotes {
  private static final int MAX_QUOTED = 40;
  private static final char REPLACEMENT = '\uFFFD';

  private Quotes() {}

  static String excerpt(String text) {
    int end = Math.min(text.length(), MAX_QUOTED);
    if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    StringBuilder quoted = new StringBuilder(end + 1);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      quoted.append(Character.isISOControl(c) ? REPLACEMENT : c);
    }
    return end < text.length() ? quoted.append('…').toString() : quoted.toString();
  }
}
