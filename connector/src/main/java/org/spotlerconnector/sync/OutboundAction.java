package org.spotlerconnector.sync;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.spotlerconnector.config.RemovalAction;
import org.spotlerconnector.store.ChangeKind;

/**
 * What the sender must do for one record, decided when the change was read and kept as the queued change's payload,
 * so the sender needs no second read of the record.
 */
sealed interface OutboundAction {

  ChangeKind kind();

  ObjectNode toPayload();

  /** Create or update the Spotler contact with these mapped properties. */
  record Upsert(ObjectNode properties) implements OutboundAction {
    @Override
    public ChangeKind kind() {
      return ChangeKind.UPSERT;
    }

    @Override
    public ObjectNode toPayload() {
      ObjectNode payload = JsonNodeFactory.instance.objectNode().put("action", "upsert");
      payload.set("properties", properties);
      return payload;
    }
  }

  /**
   * The record must no longer get mail: deactivated, deleted, Do Not Email or excluded by a mapping filter.
   *
   * @param reason for people: why the record is removed
   */
  record Remove(RemovalAction action, boolean deleted, String reason) implements OutboundAction {
    @Override
    public ChangeKind kind() {
      return deleted ? ChangeKind.DELETE : ChangeKind.DEACTIVATE;
    }

    @Override
    public ObjectNode toPayload() {
      return JsonNodeFactory.instance.objectNode()
          .put("action", "remove")
          .put("removal", action.name())
          .put("reason", reason);
    }
  }

  /** The record cannot be mapped (a value does not fit its Spotler field): a person has to fix the data. */
  record Reject(String reason) implements OutboundAction {
    @Override
    public ChangeKind kind() {
      return ChangeKind.UPSERT;
    }

    @Override
    public ObjectNode toPayload() {
      return JsonNodeFactory.instance.objectNode().put("action", "reject").put("reason", reason);
    }
  }

  static OutboundAction fromPayload(ChangeKind kind, ObjectNode payload) {
    if (payload == null) {
      throw new IllegalStateException("A queued " + kind + " change has no payload. Indicates a bug.");
    }
    return switch (payload.path("action").asText()) {
      case "upsert" -> new Upsert((ObjectNode) payload.get("properties"));
      case "remove" -> new Remove(
          RemovalAction.valueOf(payload.path("removal").asText()), kind == ChangeKind.DELETE, payload.path("reason").asText());
      case "reject" -> new Reject(payload.path("reason").asText());
      default -> throw new IllegalStateException("Unknown queued action " + payload.path("action") + ". Indicates a bug.");
    };
  }
}
