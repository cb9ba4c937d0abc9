package org.spotlerconnector.sandbox.dataverse.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Splits a {@code multipart/mixed} body into its parts (RFC 2046 §5.1, as used by OData 4.0 batches). */
final class MultipartReader {
  private MultipartReader() {}

  /**
   * The parts between the first {@code --boundary} line and the closing {@code --boundary--} line; preamble and
   * epilogue are ignored. The line break before a delimiter belongs to the delimiter, not to the part.
   */
  static List<MimePart> read(byte[] body, String boundary) {
    String delimiter = "--" + boundary;
    String closeDelimiter = delimiter + "--";
    LineCursor cursor = LineCursor.over(body);
    List<MimePart> parts = new ArrayList<>();
    int partStart = -1;
    while (cursor.hasMore()) {
      int lineStart = cursor.position();
      String line = stripTransportPadding(cursor.nextLine());
      if (!line.equals(delimiter) && !line.equals(closeDelimiter)) {
        continue;
      }
      if (partStart >= 0) {
        parts.add(part(cursor.bytesBeforeLine(partStart, lineStart)));
      }
      if (line.equals(closeDelimiter)) {
        return parts;
      }
      partStart = cursor.position();
    }
    if (partStart < 0) {
      throw new MalformedBatchException("The multipart body contains no part delimited by '" + delimiter + "'.");
    }
    throw new MalformedBatchException("The multipart body is not terminated by '" + closeDelimiter + "'.");
  }

  private static MimePart part(byte[] content) {
    LineCursor cursor = LineCursor.over(content);
    Map<String, List<String>> headers = HeaderBlock.read(cursor);
    return new MimePart(headers, cursor.remainingBytes());
  }

  /** RFC 2046 allows spaces and tabs after a delimiter. */
  private static String stripTransportPadding(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    return line.substring(0, end);
  }
}
