package org.spotlerconnector.sandbox.dataverse.metadata;

import java.util.ArrayList;
import java.util.List;

/** Splits query option text at separators outside parentheses and quoted literals. */
final class OptionText {

  /** One part of the text and where it starts in it. */
  record Part(String text, int position) {}

  private OptionText() {}

  static List<Part> split(String text, char separator) {
    List<Part> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && c == separator) {
        parts.add(new Part(text.substring(start, i), start));
        start = i + 1;
      }
    }
    parts.add(new Part(text.substring(start), start));
    return parts;
  }
}
