package org.spotlerconnector.sandbox.dataverse.query;

import java.util.ArrayList;
import java.util.List;

/** Splits {@code $select} and {@code $orderby} values into their comma-separated items, keeping each item's offset. */
final class CommaList {

  record Item(String text, int position) {}

  private CommaList() {}

  /** @throws ODataQueryException when an item is empty, as in {@code name,,revenue} or a trailing comma */
  static List<Item> split(String text) {
    List<Item> items = new ArrayList<>();
    int start = 0;
    while (true) {
      int comma = text.indexOf(',', start);
      int end = comma < 0 ? text.length() : comma;
      String raw = text.substring(start, end);
      String item = raw.strip();
      int position = start + (item.isEmpty() ? raw.length() : raw.indexOf(item));
      if (item.isEmpty()) {
        throw ODataQueryException.at("Expression expected", position, text);
      }
      items.add(new Item(item, position));
      if (comma < 0) {
        return items;
      }
      start = comma + 1;
    }
  }
}
