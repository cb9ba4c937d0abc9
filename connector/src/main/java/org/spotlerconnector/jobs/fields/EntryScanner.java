package org.spotlerconnector.jobs.fields;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the text into {@link Entry}s at every {@code ;}, CR LF, LF or CR, in one pass without regular expressions, so
 * hostile input costs linear time.
 */
final class EntryScanner {
  private EntryScanner() {}

  static List<Entry> entries(String text) {
    List<Entry> entries = new ArrayList<>();
    int line = 1;
    int start = 0;
    boolean afterSemicolon = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ';' || c == '\n' || c == '\r') {
        entries.add(entry(text, start, i, line, afterSemicolon));
        afterSemicolon = c == ';';
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (c != ';') {
          line++;
        }
        start = i + 1;
      }
    }
    entries.add(entry(text, start, text.length(), line, afterSemicolon));
    return entries;
  }

  private static Entry entry(String text, int start, int end, int line, boolean afterSemicolon) {
    int equals = firstEquals(text, start, end);
    if (equals < 0) {
      return new Entry(line, null, null, Blanks.strip(text, start, end), afterSemicolon);
    }
    return new Entry(
        line, Blanks.strip(text, start, equals), Blanks.strip(text, equals + 1, end), null, afterSemicolon);
  }

  /** Searches only this piece: {@code indexOf} would run on to the end of the text for every piece. */
  private static int firstEquals(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == '=') {
        return i;
      }
    }
    return -1;
  }
}
