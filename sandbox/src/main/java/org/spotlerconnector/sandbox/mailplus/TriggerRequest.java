package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.spotlerconnector.sandbox.http.HttpRequest;

/**
 * The body of a trigger call: the spec's {@code AutomationTriggerRequest} (with ADR 0003's {@code automationFields})
 * or {@code CampaignTriggerRequest}; {@code externalContactId} is required in both.
 */
record TriggerRequest(String externalContactId, List<TriggerField> fields) {

  static TriggerRequest read(HttpRequest request, String fieldListName) {
    JsonNode body = ApiRequests.jsonObjectBody(request);
    return new TriggerRequest(externalContactId(body), TriggerFields.read(body, fieldListName));
  }

  /** The required {@code externalContactId} of a trigger or stop request. */
  static String externalContactId(JsonNode body) {
    JsonNode id = body.get("externalContactId");
    if (id == null || !id.isTextual() || id.asText().isEmpty()) {
      throw MailPlusException.invalidParams("externalContactId is required");
    }
    return id.asText();
  }

  /** The {@code externalContactId} if the body has a usable one, for recording a refused call; else null. */
  static String externalContactIdIfAny(HttpRequest request) {
    try {
      JsonNode id = request.bodyJson().get("externalContactId");
      return id != null && id.isTextual() && !id.asText().isEmpty() ? id.asText() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
