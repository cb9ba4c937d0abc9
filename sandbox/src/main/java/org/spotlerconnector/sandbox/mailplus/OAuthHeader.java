package org.spotlerconnector.sandbox.mailplus;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spotlerconnector.sandbox.http.HttpRequest;

/** Parses an {@code Authorization: OAuth k="v", ...} header (RFC 5849 §3.5.1). */
final class OAuthHeader {
  private static final String SCHEME = "oauth";
  private static final Pattern PARAMETER = Pattern.compile("\\s*([^\\s=,]+)\\s*=\\s*\"([^\"]*)\"\\s*(,|$)");

  private OAuthHeader() {}

  /**
   * The decoded parameters in the order sent.
   *
   * @throws IllegalArgumentException when the header is not an OAuth header or a parameter is malformed or repeated
   */
  static Map<String, String> parse(String header) {
    String trimmed = header.trim();
    int space = trimmed.indexOf(' ');
    String scheme = space < 0 ? trimmed : trimmed.substring(0, space);
    if (!scheme.toLowerCase(Locale.ROOT).equals(SCHEME)) {
      throw new IllegalArgumentException("the Authorization header does not use the OAuth scheme");
    }
    String rest = space < 0 ? "" : trimmed.substring(space + 1);
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = PARAMETER.matcher(rest);
    int position = 0;
    while (position < rest.length() && m.find(position) && m.start() == position) {
      String name = HttpRequest.decode(m.group(1), false);
      if (params.put(name, HttpRequest.decode(m.group(2), false)) != null) {
        throw new IllegalArgumentException("the OAuth parameter " + name + " is repeated");
      }
      position = m.end();
    }
    if (!rest.substring(position).isBlank()) {
      throw new IllegalArgumentException("the OAuth header is malformed near position " + position);
    }
    return params;
  }
}
