package org.spotlerconnector.dataverse.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Splits a {@code multipart/mixed} body into parts (RFC 2046 §5.1): a delimiter is {@code --boundary} at the start of a
 * line, the line break before it belongs to the delimiter, {@code --boundary--} closes. CRLF is what Dataverse sends;
 * bare LF is accepted too.
 */
final class MimeMultipart {
  private MimeMultipart() {}

  /** A part: its MIME headers (case-insensitive names) and its content. */
  record Part(Map<String, String> headers, String content) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name));
    }
  }

  /** An HTTP message's start line, headers and body, as carried in an {@code application/http} part. */
  record Message(String startLine, Map<String, String> headers, String body) {}

  static List<Part> parts(String text, String boundary) {
    String delimiter = "--" + boundary;
    int position = findDelimiter(text, delimiter, 0);
    if (position < 0) {
      throw new MalformedBatchResponseException("the multipart body contains no boundary " + boundary);
    }
    List<Part> parts = new ArrayList<>();
    while (!text.startsWith("--", position + delimiter.length())) {
      int contentStart = nextLineStart(text, position + delimiter.length());
      int next = findDelimiter(text, delimiter, contentStart);
      if (next < 0) {
        throw new MalformedBatchResponseException("the multipart body is not closed with --" + boundary + "--");
      }
      parts.add(part(text.substring(contentStart, Math.max(contentStart, withoutLineBreakBefore(text, next)))));
      position = next;
    }
    return parts;
  }

  static Message message(String content) {
    int position = 0;
    String startLine = "";
    while (startLine.isBlank() && position < content.length()) {
      int end = nextLineStart(content, position);
      startLine = stripLineBreak(content.substring(position, end));
      position = end;
    }
    Map<String, String> headers = caseInsensitive();
    position = readHeaders(content, position, headers);
    String body = stripLineBreak(content.substring(position));
    return new Message(startLine.trim(), Collections.unmodifiableMap(headers), body);
  }

  /** The {@code boundary} parameter of a {@code multipart/mixed} content type, unquoted. */
  static String boundary(String contentType) {
    for (String parameter : contentType.split(";")) {
      String trimmed = parameter.trim();
      if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String value = trimmed.substring("boundary=".length()).trim();
        return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
            ? value.substring(1, value.length() - 1)
            : value;
      }
    }
    throw new MalformedBatchResponseException("the content type " + contentType + " names no boundary");
  }

  static boolean isMultipart(String contentType) {
    return contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/mixed");
  }

  private static Part part(String raw) {
    Map<String, String> headers = caseInsensitive();
    int contentStart = readHeaders(raw, 0, headers);
    return new Part(Collections.unmodifiableMap(headers), raw.substring(contentStart));
  }

  /** Reads {@code Name: value} lines up to the first empty line; returns the position after it. */
  private static int readHeaders(String text, int from, Map<String, String> into) {
    int position = from;
    while (position < text.length()) {
      int end = nextLineStart(text, position);
      String line = stripLineBreak(text.substring(position, end));
      position = end;
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new MalformedBatchResponseException("not a header line: " + line);
      }
      into.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    return position;
  }

  private static int findDelimiter(String text, String delimiter, int from) {
    for (int at = text.indexOf(delimiter, from); at >= 0; at = text.indexOf(delimiter, at + 1)) {
      boolean atLineStart = at == 0 || text.charAt(at - 1) == '\n';
      int after = at + delimiter.length();
      boolean wholeToken = after == text.length() || "\r\n-\t ".indexOf(text.charAt(after)) >= 0;
      if (atLineStart && wholeToken) {
        return at;
      }
    }
    return -1;
  }

  private static int nextLineStart(String text, int from) {
    int newline = text.indexOf('\n', from);
    return newline < 0 ? text.length() : newline + 1;
  }

  private static int withoutLineBreakBefore(String text, int delimiterStart) {
    int end = delimiterStart;
    if (end > 0 && text.charAt(end - 1) == '\n') {
      end--;
      if (end > 0 && text.charAt(end - 1) == '\r') {
        end--;
      }
    }
    return end;
  }

  /** Drops line breaks at the end: those after a body come before the next delimiter, not from the body. */
  private static String stripLineBreak(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
      end--;
    }
    return line.substring(0, end);
  }

  private static Map<String, String> caseInsensitive() {
    return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  }
}
