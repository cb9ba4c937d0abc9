package org.spotlerconnector.spotler;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding as OAuth 1.0a requires it (RFC 5849 §3.6): every byte of the UTF-8 form is encoded except
 * the unreserved characters {@code A-Z a-z 0-9 - . _ ~}, with upper-case hex digits. {@link java.net.URLEncoder} is
 * not used because it writes a space as {@code +} and leaves {@code *} alone, both of which break signatures.
 */
final class PercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  static String encode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0F]);
      }
    }
    return out.toString();
  }

  /** Decodes {@code %XX} escapes; with {@code plusIsSpace} a {@code +} is a space, as in form-encoded text. */
  static String decode(String value, boolean plusIsSpace) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        if (i + 2 >= value.length()) {
          throw new IllegalArgumentException("incomplete percent escape at index " + i);
        }
        bytes.write(hexDigit(value.charAt(i + 1), i) << 4 | hexDigit(value.charAt(i + 2), i));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else {
        int codePoint = value.codePointAt(i);
        bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(codePoint) - 1;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  private static int hexDigit(char c, int escapeIndex) {
    int digit = Character.digit(c, 16);
    if (digit < 0) {
      throw new IllegalArgumentException("invalid percent escape at index " + escapeIndex);
    }
    return digit;
  }
}
