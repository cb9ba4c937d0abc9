package org.spotlerconnector.sandbox.dataverse.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.spotlerconnector.sandbox.http.HttpRequest;

/**
 * Reads the {@code Targets} of a bulk message and checks the rule every item must follow: an {@code @odata.type}
 * naming the table of the entity set the message was sent to (dataverse-api.md §2.8).
 */
final class BulkTargets {
  private static final String TYPE_NAMESPACE = "Microsoft.Dynamics.CRM.";

  private BulkTargets() {}

  static List<ObjectNode> read(String message, HttpRequest request, String entitySet, String logicalName) {
    JsonNode targets = body(request).get("Targets");
    if (targets == null || !targets.isArray()) {
      throw new InvalidBulkRequestException("The 'Targets' parameter of " + message + " is missing or not a collection.");
    }
    if (targets.isEmpty()) {
      throw new InvalidBulkRequestException("The 'Targets' collection of " + message + " is empty.");
    }
    List<ObjectNode> items = new ArrayList<>();
    for (JsonNode target : targets) {
      if (!(target instanceof ObjectNode item)) {
        throw new InvalidBulkRequestException("Each item of 'Targets' must be an entity object.");
      }
      checkType(item, entitySet, logicalName);
      items.add(item);
    }
    return items;
  }

  private static JsonNode body(HttpRequest request) {
    try {
      return request.bodyJson();
    } catch (HttpRequest.MalformedJsonException e) {
      throw new InvalidBulkRequestException(e.getMessage());
    }
  }

  private static void checkType(ObjectNode target, String entitySet, String logicalName) {
    JsonNode type = target.get("@odata.type");
    String expected = TYPE_NAMESPACE + logicalName;
    if (type == null || !type.isTextual() || type.asText().isEmpty()) {
      throw new InvalidBulkRequestException(
          "Each item of 'Targets' must have an '@odata.type' annotation; expected '" + expected + "'.");
    }
    String actual = type.asText().startsWith("#") ? type.asText().substring(1) : type.asText();
    if (!actual.equals(expected)) {
      throw new InvalidBulkRequestException(
          "The '@odata.type' '" + type.asText() + "' of an item of 'Targets' does not match the entity set '"
              + entitySet + "'; expected '" + expected + "'.");
    }
  }
}
