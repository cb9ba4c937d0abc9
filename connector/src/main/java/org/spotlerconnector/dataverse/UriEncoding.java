package org.spotlerconnector.dataverse;

import java.nio.charset.StandardCharsets;

/** Percent-encoding for the two places the client builds URLs: query option values and key segments of paths. */
final class UriEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  /** RFC 3986 sub-delims plus ':' and '@': legal in a path segment, and what OData keys are made of. */
  private static final String PATH_SAFE = "!$&'()*+,;=:@";

  private UriEncoding() {}

  /** Everything but unreserved characters is encoded, so filter literals with {@code & + # %} survive intact. */
  static String queryValue(String value) {
    return encode(value, "");
  }

  /** Keeps the OData key syntax ({@code (name='value',n=1)}) readable; encodes '/', '?', '#', spaces and the like. */
  static String pathSegment(String value) {
    return encode(value, PATH_SAFE);
  }

  private static String encode(String value, String alsoSafe) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (isUnreserved(c) || (c < 128 && alsoSafe.indexOf(c) >= 0)) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }
}
