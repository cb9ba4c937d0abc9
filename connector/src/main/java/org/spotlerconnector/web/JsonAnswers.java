package org.spotlerconnector.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/** Writes the small JSON answers of the endpoints; Javalin's own JSON mapper is not configured. */
final class JsonAnswers {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonAnswers() {}

  static void write(Context ctx, HttpStatus status, Map<String, ?> body) {
    try {
      ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings and numbers is always JSON", e);
    }
  }
}
