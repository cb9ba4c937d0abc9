package org.spotlerconnector.sandbox.dataverse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spotlerconnector.sandbox.http.HttpRequest;

/**
 * The {@code Prefer} header: several preferences comma-joined in one header or spread over several headers, values
 * optionally quoted (a quoted value may itself contain commas, as {@code odata.include-annotations} lists do)
 * (dataverse-api.md §2.1).
 *
 * @param maxPageSize the requested {@code odata.maxpagesize}, or null when absent or not a positive number
 * @param includeAnnotations the unquoted {@code odata.include-annotations} value, or null
 */
record Preferences(
    boolean returnRepresentation, Integer maxPageSize, boolean trackChanges, String includeAnnotations) {

  static Preferences of(HttpRequest request) {
    boolean returnRepresentation = false;
    Integer maxPageSize = null;
    boolean trackChanges = false;
    String includeAnnotations = null;
    for (String header : request.headers().getOrDefault("Prefer", List.of())) {
      for (String preference : split(header)) {
        int eq = preference.indexOf('=');
        String name = (eq < 0 ? preference : preference.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
        String value = eq < 0 ? "" : unquote(preference.substring(eq + 1).trim());
        switch (name) {
          case "return" -> returnRepresentation = value.equalsIgnoreCase("representation");
          case "odata.maxpagesize" -> maxPageSize = positive(value);
          case "odata.track-changes" -> trackChanges = true;
          case "odata.include-annotations" -> includeAnnotations = value;
          default -> {}
        }
      }
    }
    return new Preferences(returnRepresentation, maxPageSize, trackChanges, includeAnnotations);
  }

  AnnotationFilter annotations() {
    return AnnotationFilter.of(includeAnnotations);
  }

  private static List<String> split(String header) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : header.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        parts.add(current.toString().trim());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString().trim());
    parts.removeIf(String::isEmpty);
    return parts;
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  private static Integer positive(String value) {
    try {
      int n = Integer.parseInt(value.trim());
      return n > 0 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
