package org.spotlerconnector.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request as an emulator sees it: the raw path and query (signatures and OData URLs need the exact
 * bytes the client sent), decoded query parameters, case-insensitive headers and the whole body.
 */
public final class HttpRequest {
  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final String remoteAddress;
  private final Map<String, List<String>> query;

  public HttpRequest(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> headers,
      byte[] body,
      String remoteAddress) {
    this.method = method.toUpperCase(Locale.ROOT);
    this.rawPath = rawPath;
    this.rawQuery = rawQuery;
    TreeMap<String, List<String>> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> ci.put(k, List.copyOf(v)));
    this.headers = Collections.unmodifiableMap(ci);
    this.body = body;
    this.remoteAddress = remoteAddress;
    this.query = Collections.unmodifiableMap(parseQuery(rawQuery));
  }

  /** Builds a request from a target such as {@code /api/data/v9.2/contacts?$top=1} (used for $batch parts). */
  public static HttpRequest of(
      String method, String target, Map<String, List<String>> headers, byte[] body) {
    URI uri = URI.create(target);
    return new HttpRequest(method, uri.getRawPath(), uri.getRawQuery(), headers, body, "batch");
  }

  public String method() {
    return method;
  }

  /** The path exactly as sent, still percent-encoded. */
  public String rawPath() {
    return rawPath;
  }

  /** The decoded path. */
  public String path() {
    return decode(rawPath, false);
  }

  /** The query string exactly as sent (without '?'), or null when there is none. */
  public String rawQuery() {
    return rawQuery;
  }

  /** Decoded query parameters in the order they were sent; a name may repeat. */
  public Map<String, List<String>> queryParameters() {
    return query;
  }

  public Optional<String> queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public Map<String, List<String>> headers() {
    return headers;
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public byte[] body() {
    return body;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Parses the body as JSON; a malformed body is the client's error, reported as {@link MalformedJsonException}. */
  public JsonNode bodyJson() {
    if (body.length == 0) {
      throw new MalformedJsonException("The request body is empty.");
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new MalformedJsonException("The request body is not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new MalformedJsonException("The request body cannot be read: " + e.getMessage());
    }
  }

  public String remoteAddress() {
    return remoteAddress;
  }

  private static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return result;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
      result.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
    }
    result.replaceAll((k, v) -> List.copyOf(v));
    return result;
  }

  /** Percent-decodes; '+' means a space only in a query (form encoding), never in a path. */
  public static String decode(String s, boolean plusIsSpace) {
    String input = plusIsSpace ? s : s.replace("+", "%2B");
    try {
      return URLDecoder.decode(input, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /** Thrown for a body that cannot be parsed; each emulator renders it in its own error format. */
  public static final class MalformedJsonException extends RuntimeException {
    public MalformedJsonException(String message) {
      super(message);
    }
  }
}
