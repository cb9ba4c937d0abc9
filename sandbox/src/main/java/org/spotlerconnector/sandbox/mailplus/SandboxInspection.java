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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 *       which moves lastChanged so the updates feed reports it; {@code {"properties":{"permissions":[{"bit":1,
 *       "enabled":false}]}}} is an unsubscribe from that one permission
 *   <li>{@code GET|PATCH /_sandbox/contacts/by-encrypted-id/{encryptedId}}: the same for any contact, also one
 *       without externalId
 *   <li>{@code POST /_sandbox/sign-ups} with {@code {"properties":{...}}}: a person signs up through a form (see
 *       {@link MailPlusEmulator#signUp}); answers the contact, with its encryptedId
 *   <li>{@code GET|PUT /_sandbox/properties}: the account's property definitions
 *   <li>{@code POST /_sandbox/properties/{name}/entries} with {@code {"bit":16,"description":"Podcasts"}}: a new
 *       option of a set property such as {@code permissions}; answers the definitions
 *   <li>{@code GET|PUT|DELETE /_sandbox/rate-limit}: {@code {"requests":N,"windowSeconds":S}}
 *   <li>{@code POST /_sandbox/reset}
 *   <li>automations, runs, trigger calls, campaigns and tags: see {@link AutomationInspection}
 *   <li>audiences, their contacts and whether the account's product has them: see {@link AudienceInspection}
 * </ul>
 */
final class SandboxInspection {
  private static final String CONTACTS = "/_sandbox/contacts";
  private static final String CONTACT_PREFIX = CONTACTS + "/";
  private static final String ENCRYPTED_ID_PREFIX = CONTACT_PREFIX + "by-encrypted-id/";
  private static final String SIGN_UPS = "/_sandbox/sign-ups";
  private static final Pattern SET_ENTRIES = Pattern.compile("/_sandbox/properties/([^/]+)/entries");

  private final MailPlusEmulator emulator;
  private final AutomationInspection automationInspection;
  private final AudienceInspection audienceInspection;

  SandboxInspection(MailPlusEmulator emulator) {
    this.emulator = emulator;
    this.automationInspection =
        new AutomationInspection(emulator.automations(), emulator.campaigns(), emulator.tags());
    this.audienceInspection = new AudienceInspection(emulator.audiences());
  }

  Optional<HttpResponse> handle(HttpRequest request) throws IOException {
    Optional<HttpResponse> automationCall = automationInspection.handle(request);
    if (automationCall.isPresent()) {
      return automationCall;
    }
    Optional<HttpResponse> audienceCall = audienceInspection.handle(request);
    if (audienceCall.isPresent()) {
      return audienceCall;
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
    if (request.rawPath().startsWith(ENCRYPTED_ID_PREFIX)) {
      String encryptedId = HttpRequest.decode(request.rawPath().substring(ENCRYPTED_ID_PREFIX.length()), false);
      return switch (method) {
        case "GET" -> Optional.of(contactByEncryptedId(encryptedId));
        case "PATCH" -> Optional.of(editByEncryptedId(request, encryptedId));
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
    Matcher setEntries = SET_ENTRIES.matcher(request.rawPath());
    if (setEntries.matches() && method.equals("POST")) {
      return Optional.of(addSetEntry(request, HttpRequest.decode(setEntries.group(1), false)));
    }
    return switch (path + " " + method) {
      case SIGN_UPS + " POST" -> Optional.of(signUp(request));
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
    stored.forEach(c -> result.add(emulator.contactJson(c)));
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

  private HttpResponse contactByEncryptedId(String encryptedId) {
    return emulator
        .contactByEncryptedId(encryptedId)
        .map(c -> HttpResponse.json(200, emulator.contactJson(c)))
        .orElseGet(() -> noContact(encryptedId));
  }

  private HttpResponse editByEncryptedId(HttpRequest request, String encryptedId) {
    JsonNode body = request.bodyJson();
    if (!body.isObject()) {
      throw new IllegalArgumentException("expected {\"properties\": {...}}");
    }
    try {
      MailPlusContact edited = emulator.editContactByEncryptedId(encryptedId, body.get("properties"));
      return HttpResponse.json(200, emulator.contactJson(edited));
    } catch (NoSuchElementException e) {
      return noContact(encryptedId);
    }
  }

  private HttpResponse signUp(HttpRequest request) {
    JsonNode body = request.bodyJson();
    if (!body.isObject()) {
      throw new IllegalArgumentException("expected {\"properties\": {...}}");
    }
    return HttpResponse.json(200, emulator.contactJson(emulator.signUp(body)));
  }

  private HttpResponse addSetEntry(HttpRequest request, String property) {
    JsonNode body = request.bodyJson();
    JsonNode bit = body.path("bit");
    JsonNode description = body.path("description");
    if (!bit.isIntegralNumber() || !bit.canConvertToLong() || !description.isTextual()) {
      throw new IllegalArgumentException("expected {\"bit\": N, \"description\": \"...\"}");
    }
    emulator.addSetEntry(property, bit.longValue(), description.asText());
    return HttpResponse.json(200, emulator.properties());
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
