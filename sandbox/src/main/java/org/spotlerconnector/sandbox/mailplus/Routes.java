package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.JsonNode;
import org.spotlerconnector.sandbox.http.HttpResponse;

/** What the automation, campaign and tag resources share when routing: method checks and JSON answers. */
final class Routes {
  private Routes() {}

  @FunctionalInterface
  interface Operation {
    HttpResponse run();
  }

  /** Runs the operation when the method is the one it handles, else 405 with an {@code Allow} header. */
  static HttpResponse only(String method, String handled, Operation operation) {
    if (!method.equals(handled)) {
      throw new MailPlusException(405, ErrorType.INVALID_PARAMS, "Method " + method + " is not allowed here")
          .withHeader("Allow", handled);
    }
    return operation.run();
  }

  static HttpResponse json(int status, JsonNode body) {
    return HttpResponse.json(status, body, "application/json");
  }

  /** A required int32 field of a JSON object body. */
  static int requiredInt(JsonNode body, String name) {
    JsonNode value = body.get(name);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
      throw MailPlusException.invalidParams(name + " must be a whole number");
    }
    return value.intValue();
  }

  /** A required string field of a JSON object body. */
  static String requiredText(JsonNode body, String name) {
    JsonNode value = body.get(name);
    if (value == null || !value.isTextual()) {
      throw MailPlusException.invalidParams(name + " is required");
    }
    return value.asText();
  }
}
