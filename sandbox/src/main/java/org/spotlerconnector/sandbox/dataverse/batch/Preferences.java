package org.spotlerconnector.sandbox.dataverse.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spotlerconnector.sandbox.http.HttpRequest;

/** Reads the {@code Prefer} header, whose preferences clients send comma-joined (dataverse-api.md §2.1). */
final class Preferences {
  private static final String CONTINUE_ON_ERROR = "odata.continue-on-error";

  private Preferences() {}

  /** {@code odata.continue-on-error} alone or {@code =true} asks to go on after a failure; {@code =false} does not. */
  static boolean continueOnError(HttpRequest request) {
    for (String preference : preferences(request)) {
      int eq = preference.indexOf('=');
      String name = (eq < 0 ? preference : preference.substring(0, eq)).trim();
      if (name.equalsIgnoreCase(CONTINUE_ON_ERROR)) {
        return eq < 0 || !preference.substring(eq + 1).trim().toLowerCase(Locale.ROOT).equals("false");
      }
    }
    return false;
  }

  private static List<String> preferences(HttpRequest request) {
    List<String> preferences = new ArrayList<>();
    for (String header : request.headers().getOrDefault("Prefer", List.of())) {
      preferences.addAll(splitOutsideQuotes(header));
    }
    return preferences;
  }

  /** {@code odata.include-annotations="a,b"} keeps its quoted comma. */
  private static List<String> splitOutsideQuotes(String header) {
    List<String> pieces = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        pieces.add(header.substring(start, i).trim());
        start = i + 1;
      }
    }
    pieces.add(header.substring(start).trim());
    return pieces;
  }
}
