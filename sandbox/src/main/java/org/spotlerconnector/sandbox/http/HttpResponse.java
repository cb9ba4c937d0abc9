package org.spotlerconnector.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An emulator's answer: status, headers and body bytes. Immutable apart from the header builder methods. */
public final class HttpResponse {
  private final int status;
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private final byte[] body;

  public HttpResponse(int status, byte[] body) {
    this.status = status;
    this.body = body == null ? new byte[0] : body;
  }

  public static HttpResponse empty(int status) {
    return new HttpResponse(status, new byte[0]);
  }

  public static HttpResponse json(int status, Object value) {
    return json(status, value, "application/json; charset=utf-8");
  }

  public static HttpResponse json(int status, Object value, String contentType) {
    try {
      return new HttpResponse(status, Json.MAPPER.writeValueAsBytes(value))
          .header("Content-Type", contentType);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise a response body. Indicates a bug.", e);
    }
  }

  public static HttpResponse text(int status, String contentType, String text) {
    return new HttpResponse(status, text.getBytes(StandardCharsets.UTF_8)).header("Content-Type", contentType);
  }

  public HttpResponse header(String name, String value) {
    headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    return this;
  }

  public int status() {
    return status;
  }

  public Map<String, List<String>> headers() {
    return headers;
  }

  public String firstHeader(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  public byte[] body() {
    return body;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
