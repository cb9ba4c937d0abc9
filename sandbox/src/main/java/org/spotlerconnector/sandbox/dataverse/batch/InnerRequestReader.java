package org.spotlerconnector.sandbox.dataverse.batch;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Reads the HTTP request carried by an {@code application/http} part: request line, headers, blank line, body. */
final class InnerRequestReader {
  private InnerRequestReader() {}

  static BatchOperation read(MimePart part) {
    LineCursor cursor = LineCursor.over(part.content());
    String requestLine = firstNonBlankLine(cursor);
    Map<String, List<String>> headers = HeaderBlock.read(cursor);
    String contentId = part.header("Content-ID").orElse(HeaderBlock.first(headers, "Content-ID"));
    int space = requestLine.indexOf(' ');
    if (space <= 0) {
      throw new MalformedBatchException("The request line '" + requestLine + "' in the batch is not valid.");
    }
    String method = requestLine.substring(0, space);
    String target = withoutHttpVersion(requestLine.substring(space + 1).trim());
    if (target.isEmpty()) {
      throw new MalformedBatchException("The request line '" + requestLine + "' in the batch has no URL.");
    }
    return new BatchOperation(method, target, headers, body(cursor.remainingBytes()), contentId);
  }

  private static String firstNonBlankLine(LineCursor cursor) {
    while (cursor.hasMore()) {
      String line = cursor.nextLine();
      if (!line.isBlank()) {
        return line.trim();
      }
    }
    throw new MalformedBatchException("A part of the batch contains no request line.");
  }

  /** The version is optional here; a target with unencoded spaces is kept whole rather than rejected. */
  private static String withoutHttpVersion(String rest) {
    int lastSpace = rest.lastIndexOf(' ');
    return lastSpace > 0 && rest.startsWith("HTTP/", lastSpace + 1) ? rest.substring(0, lastSpace).trim() : rest;
  }

  /** The blank lines clients leave before the next delimiter are not part of the JSON body. */
  private static byte[] body(byte[] raw) {
    int end = raw.length;
    while (end > 0 && (raw[end - 1] == '\n' || raw[end - 1] == '\r')) {
      end--;
    }
    boolean blank = true;
    for (int i = 0; i < end && blank; i++) {
      blank = Character.isWhitespace(raw[i]);
    }
    return blank ? new byte[0] : Arrays.copyOf(raw, end);
  }
}
