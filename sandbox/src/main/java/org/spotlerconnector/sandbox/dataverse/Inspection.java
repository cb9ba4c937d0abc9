package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spotlerconnector.sandbox.dataverse.query.FetchXmlException;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The Dataverse emulator's inspection API (no authentication):
 *
 * <ul>
 *   <li>{@code GET /_sandbox/tables}: entity sets with their row counts;
 *   <li>{@code GET /_sandbox/tables/{entitySet}}: all rows in stored form;
 *   <li>{@code POST /_sandbox/tables/{entitySet}}: seed a JSON array of rows (or one row), all or none; answers the
 *       new ids;
 *   <li>{@code DELETE /_sandbox/tables/{entitySet}/{id}};
 *   <li>{@code GET|PUT /_sandbox/limits}: {@code {"requests":N,"windowSeconds":S,"executionMillis":M,"concurrency":C}},
 *       fields left out keep their value;
 *   <li>{@code GET|PUT /_sandbox/change-tracking}: {@code {"retentionSeconds":S}}, how long delta tokens stay valid;
 *   <li>{@code GET /_sandbox/webhooks}: the webhooks sent for registered steps, oldest first, with their status
 *       ({@code PENDING}, {@code DELIVERED}, {@code FAILED}), the HTTP status of each attempt and the error;
 *       {@code DELETE /_sandbox/webhooks} forgets the finished ones;
 *   <li>{@code GET /_sandbox/lists/{listId}/members}: who is on a marketing list, {@code {"listId","dynamic",
 *       "members":[ids]}}: a static list's members in the order added, or the rows a dynamic list's query selects;
 *   <li>{@code POST /_sandbox/reset}: delete all rows, forget usage, restore default limits and retention.
 * </ul>
 */
final class Inspection {
  private static final String TABLES = "/_sandbox/tables";
  private static final Pattern LIST_MEMBERS = Pattern.compile("/_sandbox/lists/([^/]+)/members");

  private final DataverseEmulator emulator;

  Inspection(DataverseEmulator emulator) {
    this.emulator = emulator;
  }

  Optional<HttpResponse> handle(HttpRequest request) {
    try {
      return Optional.ofNullable(route(request));
    } catch (DataverseException e) {
      return Optional.of(ODataResponses.error(e));
    } catch (FetchXmlException e) {
      return Optional.of(ODataResponses.error(400, e.code(), e.getMessage()));
    }
  }

  private HttpResponse route(HttpRequest request) {
    String path = request.path();
    String method = request.method();
    if (path.equals("/_sandbox/reset") && method.equals("POST")) {
      emulator.reset();
      return HttpResponse.empty(204);
    }
    if (path.equals("/_sandbox/limits")) {
      if (method.equals("PUT")) {
        emulator.limits(limits(request.bodyJson(), emulator.limits()));
      }
      return HttpResponse.json(200, limitsJson(emulator.limits()));
    }
    if (path.equals("/_sandbox/change-tracking")) {
      if (method.equals("PUT")) {
        JsonNode seconds = request.bodyJson().path("retentionSeconds");
        if (!seconds.canConvertToLong() || seconds.longValue() < 1) {
          throw new IllegalArgumentException("retentionSeconds must be a positive number");
        }
        emulator.changeTrackingRetention(Duration.ofSeconds(seconds.longValue()));
      }
      ObjectNode body = Json.object();
      body.put("retentionSeconds", emulator.changeTrackingRetention().toSeconds());
      return HttpResponse.json(200, body);
    }
    if (path.equals(TABLES) && method.equals("GET")) {
      return tables();
    }
    if (path.equals("/_sandbox/webhooks")) {
      return switch (method) {
        case "GET" -> webhooks();
        case "DELETE" -> {
          emulator.clearWebhookDeliveries();
          yield HttpResponse.empty(204);
        }
        default -> null;
      };
    }
    Matcher listMembers = LIST_MEMBERS.matcher(path);
    if (listMembers.matches() && method.equals("GET") && emulator.hasMarketingLists()) {
      return listMembers(listMembers.group(1));
    }
    if (path.startsWith(TABLES + "/")) {
      String[] parts = path.substring(TABLES.length() + 1).split("/");
      DataverseTable table =
          emulator.findTable(parts[0]).orElseThrow(() -> DataverseException.resourceNotFound(parts[0]));
      if (parts.length == 1) {
        return switch (method) {
          case "GET" -> rows(table);
          case "POST" -> seed(table, request.bodyJson());
          default -> null;
        };
      }
      if (parts.length == 2 && method.equals("DELETE")) {
        UUID id =
            ColumnValues.parseGuid(parts[1]).orElseThrow(() -> new IllegalArgumentException("not a GUID: " + parts[1]));
        return table.delete(id)
            ? HttpResponse.empty(204)
            : ODataResponses.error(DataverseException.recordNotFound(table.definition(), id));
      }
    }
    return null;
  }

  private HttpResponse tables() {
    ArrayNode tables = Json.array();
    for (TableDefinition definition : emulator.definitions()) {
      tables
          .addObject()
          .put("entitySet", definition.entitySetName())
          .put("logicalName", definition.logicalName())
          .put("changeTracking", definition.changeTrackingEnabled())
          .put("rows", emulator.table(definition.entitySetName()).count());
    }
    ObjectNode body = Json.object();
    body.set("tables", tables);
    return HttpResponse.json(200, body);
  }

  private HttpResponse listMembers(String listIdText) {
    UUID listId =
        ColumnValues.parseGuid(listIdText).orElseThrow(() -> new IllegalArgumentException("not a GUID: " + listIdText));
    List<UUID> members = emulator.marketingLists().members(listId);
    ObjectNode body = Json.object();
    body.put("listId", listId.toString());
    body.put("dynamic", emulator.table("lists").get(listId).orElseThrow().path("type").asBoolean());
    ArrayNode ids = body.putArray("members");
    members.forEach(id -> ids.add(id.toString()));
    return HttpResponse.json(200, body);
  }

  private HttpResponse webhooks() {
    ObjectNode body = Json.object();
    ArrayNode deliveries = body.putArray("deliveries");
    for (WebhookDelivery delivery : emulator.webhookDeliveries()) {
      ObjectNode entry = deliveries.addObject();
      entry.put("id", delivery.id().toString());
      entry.put("stepId", delivery.stepId().toString());
      entry.put("stepName", delivery.stepName());
      entry.put("mode", delivery.asynchronous() ? "async" : "sync");
      entry.put("url", delivery.url());
      entry.put("message", delivery.messageName());
      entry.put("entity", delivery.entityName());
      entry.put("entityId", delivery.entityId().toString());
      entry.put("correlationId", delivery.correlationId().toString());
      entry.put("status", delivery.status().name());
      ArrayNode attempts = entry.putArray("responseStatuses");
      delivery.responseStatuses().forEach(attempts::add);
      entry.put("error", delivery.error());
      entry.put("queuedAt", delivery.queuedAt().toString());
      entry.put("finishedAt", delivery.finishedAt() == null ? null : delivery.finishedAt().toString());
    }
    return HttpResponse.json(200, body);
  }

  private static HttpResponse rows(DataverseTable table) {
    ObjectNode body = Json.object();
    body.put("entitySet", table.definition().entitySetName());
    ArrayNode value = body.putArray("value");
    table.rows().forEach(value::add);
    return HttpResponse.json(200, body);
  }

  private static HttpResponse seed(DataverseTable table, JsonNode body) {
    List<ObjectNode> rows = new ArrayList<>();
    for (JsonNode row : body.isArray() ? body : Json.array().add(body)) {
      if (!(row instanceof ObjectNode object)) {
        throw new IllegalArgumentException("each row must be a JSON object");
      }
      rows.add(object);
    }
    ObjectNode answer = Json.object();
    ArrayNode ids = answer.putArray("ids");
    table.insertAll(rows).forEach(id -> ids.add(id.toString()));
    return HttpResponse.json(201, answer);
  }

  private static ServiceProtectionLimits limits(JsonNode body, ServiceProtectionLimits current) {
    ServiceProtectionLimits limits = current;
    if (body.has("requests")) {
      limits = limits.withRequests(body.get("requests").asInt());
    }
    if (body.has("windowSeconds")) {
      limits = limits.withWindow(Duration.ofSeconds(body.get("windowSeconds").asLong()));
    }
    if (body.has("executionMillis")) {
      limits = limits.withExecutionTime(Duration.ofMillis(body.get("executionMillis").asLong()));
    }
    if (body.has("concurrency")) {
      limits = limits.withConcurrency(body.get("concurrency").asInt());
    }
    return limits;
  }

  static ObjectNode limitsJson(ServiceProtectionLimits limits) {
    ObjectNode body = Json.object();
    body.put("requests", limits.requests());
    body.put("windowSeconds", limits.window().toSeconds());
    body.put("executionMillis", limits.executionTime().toMillis());
    body.put("concurrency", limits.concurrency());
    return body;
  }
}
