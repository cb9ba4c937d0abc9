package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import org.spotlerconnector.sandbox.http.HttpRequest;

/** Reading what an API call sends: content types, the JSON body, flags and query parameters. */
final class ApiRequests {
  private ApiRequests() {}

  /**
   * Every operation produces {@code application/xml} and {@code application/json} (spotler-api.md §1.3); the sandbox
   * speaks only JSON, so a client that accepts only XML gets 406.
   */
  static void requireJsonAccepted(HttpRequest request) {
    Optional<String> accept = request.header("Accept");
    if (accept.isEmpty() || accept.get().isBlank()) {
      return;
    }
    String value = accept.get().toLowerCase(Locale.ROOT);
    if (!value.contains("json") && !value.contains("*/*") && !value.contains("application/*")) {
      throw new MailPlusException(406, ErrorType.INVALID_PARAMS, "The sandbox answers only application/json");
    }
  }

  /** The JSON body of a write; the content type must say JSON (a missing one is a client bug, spotler-api.md §1.3). */
  static JsonNode jsonBody(HttpRequest request) {
    String contentType = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (!contentType.startsWith("application/json")) {
      throw new MailPlusException(
          415,
          ErrorType.INVALID_PARAMS,
          contentType.isEmpty()
              ? "No Content-Type given, send application/json"
              : "Unsupported Content-Type, the sandbox accepts application/json");
    }
    if (request.body().length == 0) {
      throw MailPlusException.invalidParams("A request body is required");
    }
    try {
      return request.bodyJson();
    } catch (HttpRequest.MalformedJsonException e) {
      throw MailPlusException.invalidParams(e.getMessage());
    }
  }

  /** A JSON object body. */
  static JsonNode jsonObjectBody(HttpRequest request) {
    JsonNode body = jsonBody(request);
    if (!body.isObject()) {
      throw MailPlusException.invalidParams("The request body must be a JSON object");
    }
    return body;
  }

  /** A boolean field with the model's default of false. */
  static boolean flag(JsonNode body, String name) {
    return Boolean.TRUE.equals(ContactInput.optionalBoolean(body, name));
  }

  /** A required int32 query parameter in {@code [min, max]}. */
  static int requiredInt(HttpRequest request, String name, int min, int max) {
    return optionalInt(request, name, min, max)
        .orElseThrow(() -> MailPlusException.invalidParams("Invalid " + name + " or no " + name + " given"));
  }

  /** An optional int32 query parameter in {@code [min, max]}. */
  static Optional<Integer> optionalInt(HttpRequest request, String name, int min, int max) {
    Optional<String> text = request.queryParameter(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      int value = Integer.parseInt(text.get().trim());
      if (value < min || value > max) {
        throw MailPlusException.invalidParams(name + " must be between " + min + " and " + max);
      }
      return Optional.of(value);
    } catch (NumberFormatException e) {
      throw MailPlusException.invalidParams("Invalid " + name + " or no " + name + " given");
    }
  }
}
