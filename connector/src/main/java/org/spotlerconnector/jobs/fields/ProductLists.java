package org.spotlerconnector.jobs.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code {123, 567,891}}: items separated by commas inside one pair of curly brackets, each trimmed; empty
 * items and type hints are dropped, so {@code {,<STRING>,}} is a list with nothing to pass.
 */
final class ProductLists {
  private ProductLists() {}

  static List<String> items(Entry entry) throws ValueRejectedException {
    String value = entry.value();
    if (value.charAt(0) != '{') {
      throw rejected(entry, "is a product list: write its values in curly brackets");
    }
    int close = value.indexOf('}');
    if (close < 0) {
      throw rejected(entry, "opens a product list with '{' but never closes it: end it with '}' on the same line");
    }
    if (close != value.length() - 1) {
      throw rejected(entry, "has more after the closing '}': put every product inside the curly brackets");
    }
    if (value.indexOf('{', 1) >= 0) {
      throw rejected(entry, "has curly brackets inside its product list: write one pair only");
    }
    return split(entry, value.substring(1, close));
  }

  private static List<String> split(Entry entry, String inside) throws ValueRejectedException {
    List<String> items = new ArrayList<>();
    int start = 0;
    while (start <= inside.length()) {
      int comma = inside.indexOf(',', start);
      int end = comma < 0 ? inside.length() : comma;
      String item = Blanks.strip(inside, start, end);
      if (!item.isEmpty() && !TypeHints.isHint(item)) {
        rejectHintInside(entry, item);
        items.add(item);
      }
      start = end + 1;
    }
    return items;
  }

  private static void rejectHintInside(Entry entry, String item) throws ValueRejectedException {
    Optional<String> hint = TypeHints.hintInside(item);
    if (hint.isPresent()) {
      throw rejected(entry, "still contains the type hint " + hint.get() + ": replace the hint with a product");
    }
  }

  private static ValueRejectedException rejected(Entry entry, String problem) {
    return new ValueRejectedException(
        entry.field() + " " + problem + ", like " + entry.name() + "={123,567}.");
  }
}
