package org.spotlerconnector.sandbox.dataverse.batch;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A parsed {@code Content-Type} value: the media type and its parameters (names case-insensitive, quotes removed). */
record ContentType(String mediaType, Map<String, String> parameters) {

  static ContentType parse(String value) {
    String[] pieces = value.split(";");
    Map<String, String> parameters = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < pieces.length; i++) {
      int eq = pieces[i].indexOf('=');
      if (eq > 0) {
        parameters.put(pieces[i].substring(0, eq).trim(), unquote(pieces[i].substring(eq + 1).trim()));
      }
    }
    return new ContentType(pieces[0].trim().toLowerCase(Locale.ROOT), parameters);
  }

  boolean is(String expectedMediaType) {
    return mediaType.equals(expectedMediaType);
  }

  Optional<String> boundary() {
    return Optional.ofNullable(parameters.get("boundary")).filter(b -> !b.isEmpty());
  }

  private static String unquote(String value) {
    boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
    return quoted ? value.substring(1, value.length() - 1) : value;
  }
}
