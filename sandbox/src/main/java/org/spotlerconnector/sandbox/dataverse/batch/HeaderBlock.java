package org.spotlerconnector.sandbox.dataverse.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads {@code Name: value} lines up to the first empty line (MIME part headers and inner request headers alike). */
final class HeaderBlock {
  private HeaderBlock() {}

  /**
   * Consumes header lines and the empty line that ends them. A value may follow the colon without a space (the
   * Dataverse documentation itself shows {@code Content-Transfer-Encoding:binary}).
   */
  static Map<String, List<String>> read(LineCursor cursor) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    while (cursor.hasMore()) {
      String line = cursor.nextLine();
      if (line.isBlank()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new MalformedBatchException("The batch contains a header line that is not 'Name: value': '" + line + "'.");
      }
      headers
          .computeIfAbsent(line.substring(0, colon).trim(), name -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
    return headers;
  }

  static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
