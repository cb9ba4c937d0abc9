package org.spotlerconnector.sandbox.dataverse.batch;

import java.nio.charset.StandardCharsets;

/**
 * Walks a multipart text line by line. Lines may end in CRLF (as the OData format asks) or in a bare LF, which some
 * clients send. The text is held as ISO-8859-1 so every byte maps to one char and bodies round-trip unchanged.
 */
final class LineCursor {
  private final String text;
  private int position;

  LineCursor(String text) {
    this.text = text;
  }

  static LineCursor over(byte[] bytes) {
    return new LineCursor(new String(bytes, StandardCharsets.ISO_8859_1));
  }

  boolean hasMore() {
    return position < text.length();
  }

  /** Where the next line starts. */
  int position() {
    return position;
  }

  /** The next line without its line break. */
  String nextLine() {
    int newline = text.indexOf('\n', position);
    int end = newline < 0 ? text.length() : newline;
    String line = text.substring(position, end);
    position = newline < 0 ? text.length() : newline + 1;
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /** The text from {@code start} up to the line break that ends just before {@code lineStart}, as bytes. */
  byte[] bytesBeforeLine(int start, int lineStart) {
    int end = lineStart;
    if (end > start && text.charAt(end - 1) == '\n') {
      end--;
      if (end > start && text.charAt(end - 1) == '\r') {
        end--;
      }
    }
    return text.substring(start, Math.max(start, end)).getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Everything from the current position to the end, as bytes. */
  byte[] remainingBytes() {
    return text.substring(position).getBytes(StandardCharsets.ISO_8859_1);
  }
}
