package org.spotlerconnector.sandbox.mailplus;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spotlerconnector.sandbox.http.HttpResponse;

/** A refused API call, answered as Mail+'s {@code ErrorResponse {errorType, message}} (spotler-api.md §7.1). */
final class MailPlusException extends RuntimeException {
  private final int status;
  private final ErrorType errorType;
  private final Map<String, String> headers = new LinkedHashMap<>();

  MailPlusException(int status, ErrorType errorType, String message) {
    super(message, null, false, false);
    this.status = status;
    this.errorType = errorType;
  }

  static MailPlusException invalidParams(String message) {
    return new MailPlusException(400, ErrorType.INVALID_PARAMS, message);
  }

  static MailPlusException notAuthorized(String message) {
    return new MailPlusException(401, ErrorType.NOT_AUTHORIZED, message);
  }

  static MailPlusException contactNotFound() {
    return new MailPlusException(404, ErrorType.CONTACT_NOT_FOUND, "Given contact not found");
  }

  MailPlusException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  int status() {
    return status;
  }

  ErrorType errorType() {
    return errorType;
  }

  HttpResponse toResponse() {
    HttpResponse response = errorBody(status, errorType, getMessage());
    headers.forEach(response::header);
    return response;
  }

  static HttpResponse errorBody(int status, ErrorType errorType, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("errorType", errorType.name());
    body.put("message", message);
    return HttpResponse.json(status, body, "application/json");
  }
}
