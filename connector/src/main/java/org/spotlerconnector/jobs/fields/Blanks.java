package org.spotlerconnector.jobs.fields;

/**
 * What is trimmed around names and values: whitespace, but also the no-break and zero-width spaces and byte-order
 * marks that text pasted from mails and documents brings along, which a marketer cannot see.
 */
final class Blanks {
  private static final int ZERO_WIDTH_SPACE = 0x200B;
  private static final int BYTE_ORDER_MARK = 0xFEFF;

  private Blanks() {}

  static boolean isBlank(int codePoint) {
    return Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || codePoint == ZERO_WIDTH_SPACE
        || codePoint == BYTE_ORDER_MARK;
  }

  /** {@code text.substring(start, end)} without blanks at either end. */
  static String strip(String text, int start, int end) {
    int from = start;
    int to = end;
    while (from < to && isBlank(text.charAt(from))) {
      from++;
    }
    while (to > from && isBlank(text.charAt(to - 1))) {
      to--;
    }
    return text.substring(from, to);
  }

  static String strip(String text) {
    return strip(text, 0, text.length());
  }
}
