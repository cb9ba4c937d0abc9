package org.spotlerconnector.sandbox.dataverse.batch;

import java.nio.charset.StandardCharsets;

/** Makes text safe as part of a raw URL path without touching what is already percent-encoded. */
final class PathEncoding {
  private static final String ALLOWED = "-._~!$&'()*+,;=:@/%";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathEncoding() {}

  /** Percent-encodes the characters a path may not contain, such as spaces, quotes and non-ASCII letters. */
  static String encodeIllegal(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (isAsciiLetterOrDigit(c) || (c < 0x80 && ALLOWED.indexOf(c) >= 0)) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0x0F]).append(HEX[b & 0x0F]);
      }
    }
    return out.toString();
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
