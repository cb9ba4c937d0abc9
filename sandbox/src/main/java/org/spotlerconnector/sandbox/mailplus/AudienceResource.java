package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Routes {@code /audience}, {@code /audience/{externalId}} and {@code /audience/{externalId}/contact} (spotler-api.md
 * §5; Swagger resources {@code audience} and {@code audience-contact}). There is no call that lists audiences.
 */
final class AudienceResource {
  private final MailPlusAudiences audiences;

  AudienceResource(MailPlusAudiences audiences) {
    this.audiences = audiences;
  }

  HttpResponse handle(HttpRequest request, List<String> segments) {
    String method = request.method();
    audiences.requireAvailable();
    try {
      return switch (segments.size()) {
        case 1 -> Routes.only(method, "POST", () -> create(request));
        case 2 -> single(request, segments.get(1));
        case 3 -> {
          if (!segments.get(2).equals("contact")) {
            throw ContactResource.notFound();
          }
          yield contacts(request, segments.get(1));
        }
        default -> throw ContactResource.notFound();
      };
    } catch (MailPlusAudiences.AudienceContactsNotFoundException e) {
      ObjectNode body = Json.object();
      body.put("errorType", ErrorType.CONTACT_NOT_FOUND.name());
      body.put("message", e.getMessage());
      ArrayNode ids = body.putArray("externalContactIds");
      e.externalContactIds().forEach(ids::add);
      return Routes.json(404, body);
    }
  }

  /** {@code POST /audience} with a {@code CreateAudienceRequest {externalId, name, description?}}: 200 Audience. */
  private HttpResponse create(HttpRequest request) {
    JsonNode body = ApiRequests.jsonObjectBody(request);
    MailPlusAudiences.Audience audience =
        audiences.create(text(body, "externalId"), text(body, "name"), text(body, "description"));
    return Routes.json(200, json(audience));
  }

  private HttpResponse single(HttpRequest request, String externalId) {
    return switch (request.method()) {
      case "GET" -> Routes.json(200, json(audiences.get(externalId)));
      case "PUT" -> {
        JsonNode body = ApiRequests.jsonObjectBody(request);
        MailPlusAudiences.Audience audience = audiences.update(
            externalId, text(body, "externalId"), text(body, "name"), text(body, "description"));
        yield Routes.json(200, json(audience));
      }
      case "DELETE" -> {
        audiences.delete(externalId);
        yield HttpResponse.empty(204);
      }
      default -> throw new MailPlusException(405, ErrorType.INVALID_PARAMS, "Method " + request.method()
          + " is not allowed here").withHeader("Allow", "GET, PUT, DELETE");
    };
  }

  /**
   * {@code POST} and {@code DELETE /audience/{externalId}/contact} with {@code {"contacts":["…"]}}. A DELETE with no
   * body, or the JSON {@code null}, removes every contact of the audience, as the spec says; the emulator does that
   * faithfully, so a client that sends such a DELETE by mistake empties the audience here too.
   */
  private HttpResponse contacts(HttpRequest request, String externalId) {
    String method = request.method();
    if (method.equals("DELETE") && nullBody(request)) {
      audiences.removeAllContacts(externalId);
      return HttpResponse.empty(204);
    }
    if (!method.equals("POST") && !method.equals("DELETE")) {
      throw new MailPlusException(405, ErrorType.INVALID_PARAMS, "Method " + method + " is not allowed here")
          .withHeader("Allow", "POST, DELETE");
    }
    audiences.get(externalId);
    List<String> contactIds = contactIds(ApiRequests.jsonObjectBody(request));
    if (method.equals("POST")) {
      audiences.addContacts(externalId, contactIds);
    } else {
      audiences.removeContacts(externalId, contactIds);
    }
    return HttpResponse.empty(204);
  }

  private static boolean nullBody(HttpRequest request) {
    byte[] body = request.body();
    return body.length == 0 || new String(body, StandardCharsets.UTF_8).strip().equals("null");
  }

  /** {@code ChangeContactsAudienceRequest}: {@code contacts} is required, an array of externalIds. */
  private static List<String> contactIds(JsonNode body) {
    JsonNode contacts = body.get("contacts");
    if (contacts == null || !contacts.isArray()) {
      throw MailPlusException.invalidParams("contacts is required: a list of externalContactId's");
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode id : contacts) {
      if (!id.isTextual()) {
        throw MailPlusException.invalidParams("Each of contacts must be an externalContactId (a string)");
      }
      ids.add(id.asText());
    }
    return ids;
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw MailPlusException.invalidParams(field + " must be a string");
    }
    return value.asText();
  }

  /** The {@code Audience} model; dates as ISO-8601 strings (spotler-api.md §8 Q4), absent ones left out. */
  static ObjectNode json(MailPlusAudiences.Audience audience) {
    ObjectNode node = Json.object();
    node.put("externalId", audience.externalId());
    node.put("name", audience.name());
    if (audience.description() != null) {
      node.put("description", audience.description());
    }
    date(node, "createDate", audience.createDate());
    date(node, "changeDate", audience.changeDate());
    date(node, "lastContactAddedAt", audience.lastContactAddedAt());
    date(node, "lastContactRemovedAt", audience.lastContactRemovedAt());
    date(node, "lastSyncDate", audience.lastSyncDate());
    return node;
  }

  private static void date(ObjectNode node, String name, Instant instant) {
    if (instant != null) {
      node.put(name, instant.toString());
    }
  }
}
