package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.spotlerconnector.sandbox.http.Json;

/** Legacy campaigns and participations as JSON; reads a campaign for {@code POST /_sandbox/campaigns}. */
final class CampaignJson {
  private CampaignJson() {}

  /** One item of {@code GET /campaign/list}: the spec's {@code Campaign}. */
  static ObjectNode campaign(Campaign campaign) {
    ObjectNode node = Json.object().put("encryptedId", campaign.encryptedId()).put("name", campaign.name());
    node.put("active", campaign.active());
    ArrayNode triggers = node.putArray("triggers");
    campaign.triggers().forEach(t -> triggers.addObject().put("encryptedId", t.encryptedId()).put("name", t.name()));
    return node;
  }

  /**
   * Reads the {@code Campaign} shape; {@code encryptedId} and {@code active} default to a new id and true, and a
   * trigger without an encryptedId gets a new one.
   *
   * @throws IllegalArgumentException when it is malformed
   */
  static Campaign read(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("a campaign is a JSON object");
    }
    Campaign.Builder builder = Campaign.named(AutomationJson.text(node, "name", true));
    String id = AutomationJson.text(node, "encryptedId", false);
    if (id != null) {
      builder.encryptedId(id);
    }
    JsonNode active = node.get("active");
    if (active != null && !active.isNull()) {
      if (!active.isBoolean()) {
        throw new IllegalArgumentException("active is true or false");
      }
      builder.active(active.booleanValue());
    }
    for (JsonNode trigger : AutomationJson.array(node, "triggers")) {
      String name = AutomationJson.text(trigger, "name", true);
      String triggerId = AutomationJson.text(trigger, "encryptedId", false);
      if (triggerId == null) {
        builder.trigger(name);
      } else {
        builder.trigger(triggerId, name);
      }
    }
    return builder.build();
  }

  static ObjectNode participation(CampaignParticipation participation) {
    ObjectNode node = Json.object().put("encryptedCampaignId", participation.encryptedCampaignId());
    node.put("encryptedTriggerId", participation.encryptedTriggerId());
    node.put("externalContactId", participation.externalContactId());
    node.put("started", participation.started().toString()).put("status", participation.status().name());
    AutomationJson.putInstant(node, "ended", participation.ended());
    node.set("campaignFields", AutomationJson.fields(participation.fields()));
    return node;
  }
}
