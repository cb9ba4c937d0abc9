package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/** Builds answers with the headers every Web API response carries (dataverse-api.md §2.1). */
final class ODataResponses {
  static final String JSON =
      "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";
  static final String ODATA_VERSION = "OData-Version";

  private ODataResponses() {}

  static HttpResponse json(int status, ObjectNode body) {
    return HttpResponse.json(status, body, JSON).header(ODATA_VERSION, "4.0");
  }

  static HttpResponse text(String text) {
    return HttpResponse.text(200, "text/plain; charset=utf-8", text).header(ODATA_VERSION, "4.0");
  }

  static HttpResponse empty(int status) {
    return HttpResponse.empty(status).header(ODATA_VERSION, "4.0");
  }

  /** {@code {"error":{"code":"0x…","message":"…"}}} with the error's status and extra headers. */
  static HttpResponse error(DataverseException e) {
    HttpResponse response = error(e.status(), e.code(), e.getMessage());
    for (Map.Entry<String, String> header : e.headers().entrySet()) {
      response.header(header.getKey(), header.getValue());
    }
    return response;
  }

  static HttpResponse error(int status, String code, String message) {
    ObjectNode error = Json.object();
    error.put("code", code);
    error.put("message", message);
    ObjectNode body = Json.object();
    body.set("error", error);
    return json(status, body);
  }
}
