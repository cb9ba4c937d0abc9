package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Automations, runs and trigger calls as JSON: the API's shapes (ADR 0003) and the inspection API's, which add what
 * the API does not show. Also reads an automation for {@code POST /_sandbox/automations}.
 */
final class AutomationJson {
  private AutomationJson() {}

  /** One item of {@code GET /automation/list}. */
  static ObjectNode automation(Automation automation) {
    ObjectNode node = Json.object().put("id", automation.id()).put("name", automation.name());
    node.put("status", automation.status().name()).put("published", automation.published());
    ArrayNode triggers = node.putArray("triggers");
    automation.triggers().forEach(t -> triggers.addObject().put("code", t.code()).put("label", t.label()));
    ArrayNode fields = node.putArray("automationFields");
    automation.automationFields().forEach(f -> fields.addObject().put("name", f.name()).put("type", f.type().name()));
    return node;
  }

  /** An automation for the inspection API: the list item plus its participation limit. */
  static ObjectNode inspected(Automation automation) {
    ObjectNode node = automation(automation);
    if (automation.participationLimit() == null) {
      node.putNull("participationLimit");
    } else {
      node.put("participationLimit", automation.participationLimit());
    }
    return node;
  }

  /**
   * Reads the list item shape plus {@code participationLimit}; {@code id}, {@code status} and {@code published}
   * default to a new id, FINAL and true.
   *
   * @throws IllegalArgumentException when it is malformed
   */
  static Automation read(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("an automation is a JSON object");
    }
    Automation.Builder builder = Automation.named(text(node, "name", true));
    String id = text(node, "id", false);
    if (id != null) {
      builder.id(id);
    }
    String status = text(node, "status", false);
    if (status != null) {
      builder.status(enumValue(AutomationStatus.class, status, "status"));
    }
    JsonNode published = node.get("published");
    if (published != null && !published.isNull()) {
      if (!published.isBoolean()) {
        throw new IllegalArgumentException("published is true or false");
      }
      builder.published(published.booleanValue());
    }
    for (JsonNode trigger : array(node, "triggers")) {
      builder.trigger(text(trigger, "code", true), text(trigger, "label", true));
    }
    for (JsonNode field : array(node, "automationFields")) {
      builder.field(text(field, "name", true), enumValue(FieldType.class, text(field, "type", true), "type"));
    }
    JsonNode limit = node.get("participationLimit");
    if (limit != null && !limit.isNull()) {
      if (!limit.canConvertToInt() || !limit.isIntegralNumber()) {
        throw new IllegalArgumentException("participationLimit is a whole number");
      }
      builder.participationLimit(limit.intValue());
    }
    return builder.build();
  }

  static ObjectNode run(AutomationRun run) {
    ObjectNode node = Json.object().put("automationContactId", run.automationContactId());
    node.put("automationId", run.automationId()).put("externalContactId", run.externalContactId());
    node.put("triggerCode", run.triggerCode()).put("started", run.started().toString());
    node.put("status", run.status().name());
    putInstant(node, "ended", run.ended());
    node.set("fields", fields(run.fields()));
    return node;
  }

  static ObjectNode triggerCall(TriggerCall call) {
    ObjectNode node = Json.object().put("sequence", call.sequence()).put("at", call.at().toString());
    node.put("triggerId", call.triggerId()).put("externalContactId", call.externalContactId());
    node.put("status", call.status()).put("result", call.result());
    ArrayNode runIds = node.putArray("runIds");
    call.runIds().forEach(runIds::add);
    return node;
  }

  /** Fields in the {@code CampaignField} shape they arrived in. */
  static ArrayNode fields(List<TriggerField> fields) {
    ArrayNode array = Json.array();
    for (TriggerField field : fields) {
      ObjectNode item = array.addObject().put("name", field.name()).put("type", field.type().name());
      if (field.values() != null) {
        ArrayNode values = item.putArray("values");
        field.values().forEach(values::add);
      } else {
        item.put("value", field.value());
      }
    }
    return array;
  }

  static void putInstant(ObjectNode node, String name, Instant instant) {
    if (instant == null) {
      node.putNull(name);
    } else {
      node.put(name, instant.toString());
    }
  }

  static String text(JsonNode node, String name, boolean required) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("expected a JSON object with " + name);
    }
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        throw new IllegalArgumentException(name + " is required");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(name + " is a string");
    }
    return value.asText();
  }

  static Iterable<JsonNode> array(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException(name + " is an array");
    }
    return value;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String name) {
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown " + name + ": " + text);
    }
  }
}
