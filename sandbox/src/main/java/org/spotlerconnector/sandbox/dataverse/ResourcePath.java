package org.spotlerconnector.sandbox.dataverse;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a URL after the service root, split into segments: {@code contacts}, {@code contacts(<key>)},
 * {@code contacts(<key>)/lastname}, {@code contacts/Microsoft.Dynamics.CRM.CreateMultiple}, {@code WhoAmI}… Slashes
 * inside a quoted key value ({@code contacts(emailaddress1='a/b@c.d')}) do not split.
 *
 * @param name the first segment without its key, e.g. {@code contacts}
 * @param keyText the text between the first segment's parentheses, or null
 * @param rest the following segments
 */
record ResourcePath(String name, String keyText, List<String> rest) {

  static ResourcePath parse(String path) {
    List<String> segments = split(path);
    String first = segments.isEmpty() ? "" : segments.get(0);
    List<String> rest = segments.size() > 1 ? List.copyOf(segments.subList(1, segments.size())) : List.of();
    int open = first.indexOf('(');
    if (open > 0 && first.endsWith(")")) {
      return new ResourcePath(first.substring(0, open), first.substring(open + 1, first.length() - 1), rest);
    }
    return new ResourcePath(first, null, rest);
  }

  private static List<String> split(String path) {
    List<String> segments = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : path.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      }
      if (c == '/' && !quoted) {
        segments.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (current.length() > 0) {
      segments.add(current.toString());
    }
    return segments;
  }
}
