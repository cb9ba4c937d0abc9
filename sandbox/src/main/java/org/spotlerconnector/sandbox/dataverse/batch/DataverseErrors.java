package org.spotlerconnector.sandbox.dataverse.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/** Error answers in the Dataverse shape {@code {"error":{"code":"0x0","message":"…"}}} (dataverse-api.md §2.2). */
final class DataverseErrors {
  static final String JSON_CONTENT_TYPE = "application/json; odata.metadata=minimal";
  private static final String GENERIC_CODE = "0x0";

  private DataverseErrors() {}

  static HttpResponse badRequest(String message) {
    return error(400, message);
  }

  static HttpResponse error(int status, String message) {
    ObjectNode error = Json.object();
    error.put("code", GENERIC_CODE);
    error.put("message", message);
    ObjectNode body = Json.object();
    body.set("error", error);
    return HttpResponse.json(status, body, JSON_CONTENT_TYPE).header("OData-Version", "4.0");
  }
}
