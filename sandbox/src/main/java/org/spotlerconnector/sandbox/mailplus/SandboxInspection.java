package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The Mail+ emulator's inspection calls (no signature needed). Contacts are shown and taken in the API's own
 * {@code Contact} JSON.
 *
 * <ul>
 *   <li>{@code GET /_sandbox/contacts}, {@code GET /_sandbox/contacts/{externalId}}
 *   <li>{@code POST /_sandbox/contacts[?touch=false]} with a JSON array of contacts (or one contact): seeds them
 *   <li>{@code PATCH /_sandbox/contacts/{externalId}} with {@code {"properties":{...}}}: an edit made in Mail+ itself,
 *       which moves lastChanged so the updates feed reports it
 *   <li>{@code GET|PUT /_sandbox/properties}: the account's property definitions
 *   <li>{@code GET|PUT|DELETE /_sandbox/rate-limit}: {@code {"requests":N,"windowSeconds":S}}
 *   <li>{@code POST /_sandbox/reset}
 *   <li>automations, runs, trigger calls, campaigns and tags: see {@link AutomationInspection}
 * </ul>
 */
final class SandboxInspection {
  private static final String CONTACTS = "/_sandbox/contacts";
  private static final String CONTACT_PREFIX = CONTACTS + "/";

  private final MailPlusEmulator emulator;
  private final AutomationInspection automationInspection;

  SandboxInspection(MailPlusEmulator emulator) {
    this.emulator = emulator;
    this.automationInspection =
        new AutomationInspection(emulator.automations(), emulator.campaigns(), emulator.tags());
  }

  Optional<HttpResponse> handle(HttpRequest request) throws IOException {
    Optional<HttpResponse> automationCall = automationInspection.handle(request);
    if (automationCall.isPresent()) {
      return automationCall;
    }
    String path = request.path();
    String method = request.method();
    if (path.equals(CONTACTS)) {
      return switch (method) {
        case "GET" -> Optional.of(HttpResponse.json(200, emulator.contactsJson()));
        case "POST" -> Optional.of(seed(request));
        default -> Optional.empty();
      };
    }
    if (request.rawPath().startsWith(CONTACT_PREFIX)) {
      String externalId = HttpRequest.decode(request.rawPath().substring(CONTACT_PREFIX.length()), false);
      return switch (method) {
        case "GET" -> Optional.of(contact(externalId));
        case "PATCH" -> Optional.of(edit(request, externalId));
        default -> Optional.empty();
      };
    }
    return switch (path + " " + method) {
      case "/_sandbox/properties GET" -> Optional.of(HttpResponse.json(200, emulator.properties()));
      case "/_sandbox/properties PUT" -> Optional.of(replaceProperties(request));
      case "/_sandbox/rate-limit GET" -> Optional.of(rateLimitJson());
      case "/_sandbox/rate-limit PUT" -> Optional.of(setRateLimit(request));
      case "/_sandbox/rate-limit DELETE" -> {
        emulator.rateLimit(null);
        yield Optional.of(rateLimitJson());
      }
      case "/_sandbox/reset POST" -> {
        emulator.reset();
        yield Optional.of(HttpResponse.empty(204));
      }
      default -> Optional.empty();
    };
  }

  private HttpResponse seed(HttpRequest request) {
    JsonNode body = request.bodyJson();
    ArrayNode contacts = body.isArray() ? (ArrayNode) body : Json.array().add(body);
    boolean touch = !request.queryParameter("touch").map("false"::equalsIgnoreCase).orElse(false);
    List<MailPlusContact> stored = emulator.putContacts(contacts, touch);
    ArrayNode result = Json.array();
    stored.forEach(c -> result.add(emulator.contactJson(c.externalId()).orElseThrow()));
    return HttpResponse.json(200, result);
  }

  private HttpResponse contact(String externalId) {
    return emulator
        .contactJson(externalId)
        .map(c -> HttpResponse.json(200, c))
        .orElseGet(() -> noContact(externalId));
  }

  private HttpResponse edit(HttpRequest request, String externalId) {
    JsonNode body = request.bodyJson();
    if (!body.isObject()) {
      throw new IllegalArgumentException("expected {\"properties\": {...}}");
    }
    ObjectNode contact = ((ObjectNode) body.deepCopy()).put("externalId", externalId);
    try {
      emulator.editContact(contact);
    } catch (NoSuchElementException e) {
      return noContact(externalId);
    }
    return HttpResponse.json(200, emulator.contactJson(externalId).orElseThrow());
  }

  private HttpResponse replaceProperties(HttpRequest request) throws IOException {
    PropertyDefinition[] definitions = Json.MAPPER.treeToValue(request.bodyJson(), PropertyDefinition[].class);
    if (definitions == null) {
      throw new IllegalArgumentException("expected a JSON array of properties");
    }
    emulator.properties(Arrays.asList(definitions));
    return HttpResponse.json(200, emulator.properties());
  }

  private HttpResponse setRateLimit(HttpRequest request) {
    JsonNode body = request.bodyJson();
    JsonNode requests = body.path("requests");
    JsonNode windowSeconds = body.path("windowSeconds");
    if (!requests.isIntegralNumber() || !windowSeconds.isIntegralNumber()) {
      throw new IllegalArgumentException("expected {\"requests\": N, \"windowSeconds\": S}");
    }
    emulator.rateLimit(new RateLimit(requests.intValue(), Duration.ofSeconds(windowSeconds.longValue())));
    return rateLimitJson();
  }

  private HttpResponse rateLimitJson() {
    ObjectNode node = Json.object();
    emulator
        .rateLimit()
        .ifPresentOrElse(
            limit -> node.put("requests", limit.requests()).put("windowSeconds", limit.window().toSeconds()),
            () -> node.putNull("requests"));
    return HttpResponse.json(200, node);
  }

  private static HttpResponse noContact(String externalId) {
    return HttpResponse.json(404, Map.of("error", "no contact " + externalId));
  }
}
