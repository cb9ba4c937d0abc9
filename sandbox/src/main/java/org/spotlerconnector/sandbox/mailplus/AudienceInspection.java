package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The inspection calls for audiences (no signature needed):
 *
 * <ul>
 *   <li>{@code GET /_sandbox/audiences}: every audience in the API's shape, plus {@code inUse} and {@code size}
 *   <li>{@code GET /_sandbox/audiences/{externalId}/contacts}: the externalIds of its contacts, in the order added
 *   <li>{@code PUT /_sandbox/audiences/{externalId}} with {@code {"inUse":true}}: marks it used by a mailing, so that
 *       deleting it is refused (417)
 *   <li>{@code GET|PUT /_sandbox/audience-settings}: {@code {"available":false,"maximum":10}}, whether the account's
 *       product has audiences (without, every audience call answers 403) and how many it may have; fields left out
 *       keep their value
 * </ul>
 */
final class AudienceInspection {
  private static final String PREFIX = "/_sandbox/audiences/";
  private static final String CONTACTS_SUFFIX = "/contacts";

  private final MailPlusAudiences audiences;

  AudienceInspection(MailPlusAudiences audiences) {
    this.audiences = audiences;
  }

  Optional<HttpResponse> handle(HttpRequest request) {
    String path = request.rawPath();
    String method = request.method();
    if (path.equals("/_sandbox/audiences") && method.equals("GET")) {
      ArrayNode array = Json.array();
      audiences.all().forEach(a -> array.add(inspected(a)));
      return Optional.of(HttpResponse.json(200, array));
    }
    if (path.equals("/_sandbox/audience-settings")) {
      return switch (method) {
        case "GET" -> Optional.of(settings());
        case "PUT" -> Optional.of(changeSettings(request.bodyJson()));
        default -> Optional.empty();
      };
    }
    if (!path.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = path.substring(PREFIX.length());
    try {
      if (rest.endsWith(CONTACTS_SUFFIX) && method.equals("GET")) {
        String externalId = HttpRequest.decode(rest.substring(0, rest.length() - CONTACTS_SUFFIX.length()), false);
        ArrayNode contacts = Json.array();
        audiences.contacts(externalId).forEach(contacts::add);
        return Optional.of(HttpResponse.json(200, contacts));
      }
      if (!rest.contains("/") && method.equals("PUT")) {
        String externalId = HttpRequest.decode(rest, false);
        JsonNode inUse = request.bodyJson().path("inUse");
        if (!inUse.isBoolean()) {
          throw new IllegalArgumentException("expected {\"inUse\": true|false}");
        }
        audiences.inUse(externalId, inUse.booleanValue());
        return Optional.of(HttpResponse.json(200, inspected(audiences.audience(externalId).orElseThrow())));
      }
    } catch (NoSuchElementException e) {
      return Optional.of(HttpResponse.json(404, Map.of("error", e.getMessage())));
    }
    return Optional.empty();
  }

  private HttpResponse changeSettings(JsonNode body) {
    JsonNode available = body.path("available");
    JsonNode maximum = body.path("maximum");
    if ((!available.isMissingNode() && !available.isBoolean())
        || (!maximum.isMissingNode() && !maximum.isIntegralNumber())) {
      throw new IllegalArgumentException("expected {\"available\": true|false, \"maximum\": N}");
    }
    if (available.isBoolean()) {
      audiences.available(available.booleanValue());
    }
    if (maximum.isIntegralNumber()) {
      audiences.maximum(maximum.intValue());
    }
    return settings();
  }

  private HttpResponse settings() {
    ObjectNode node = Json.object().put("available", audiences.available()).put("maximum", audiences.maximum());
    return HttpResponse.json(200, node);
  }

  private static ObjectNode inspected(MailPlusAudiences.Audience audience) {
    return AudienceResource.json(audience).put("inUse", audience.inUse()).put("size", audience.size());
  }
}
