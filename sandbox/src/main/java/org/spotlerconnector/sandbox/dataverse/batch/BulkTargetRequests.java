package org.spotlerconnector.sandbox.dataverse.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Turns each item of a bulk message into the single request it stands for: {@code POST <set>} to create,
 * {@code PATCH <set>(<key>)} with {@code If-Match: *} to update, a plain {@code PATCH} to upsert (dataverse-api.md
 * §2.6, §2.8). Annotations and the key are taken out of the body, since the URL carries the key.
 */
final class BulkTargetRequests {
  private static final String JSON = "application/json";

  private final ServiceRoot serviceRoot;
  private final InnerCalls calls;
  private final String entitySet;
  private final String primaryKey;

  BulkTargetRequests(ServiceRoot serviceRoot, InnerCalls calls, String entitySet, String primaryKey) {
    this.serviceRoot = serviceRoot;
    this.calls = calls;
    this.entitySet = entitySet;
    this.primaryKey = primaryKey;
  }

  HttpRequest create(ObjectNode target) {
    Map<String, List<String>> headers = calls.headers(Map.of("Content-Type", List.of(JSON)));
    return serviceRoot.request("POST", entitySet, headers, bytes(withoutAnnotations(target)));
  }

  /** Update only: a missing record is a 404, not a new row. */
  HttpRequest update(ObjectNode target) {
    return patch(target, Map.of("Content-Type", List.of(JSON), "If-Match", List.of("*")));
  }

  HttpRequest upsert(ObjectNode target) {
    return patch(target, Map.of("Content-Type", List.of(JSON)));
  }

  private HttpRequest patch(ObjectNode target, Map<String, List<String>> ownHeaders) {
    String address = entitySet + keySegment(target);
    ObjectNode body = withoutAnnotations(target);
    body.remove(primaryKey);
    return serviceRoot.request("PATCH", address, calls.headers(ownHeaders), bytes(body));
  }

  /**
   * {@code (<id>)} from the primary key property, else the key part of {@code "@odata.id":"contacts(…)"}, which may
   * be an alternate key such as {@code contacts(emailaddress1='x@y.z')}; the emulator decides whether that key exists.
   */
  private String keySegment(ObjectNode target) {
    JsonNode id = target.get(primaryKey);
    if (id != null) {
      if (!id.isTextual() || id.asText().isBlank()) {
        throw new InvalidBulkRequestException("The '" + primaryKey + "' of an item of 'Targets' must be a GUID string.");
      }
      return "(" + PathEncoding.encodeIllegal(id.asText()) + ")";
    }
    JsonNode odataId = target.get("@odata.id");
    if (odataId == null || !odataId.isTextual()) {
      throw new InvalidBulkRequestException(
          "Each item of 'Targets' must contain its primary key '" + primaryKey + "' or an '@odata.id'.");
    }
    String address = serviceRoot.serviceRelative(odataId.asText());
    address = address.startsWith("/") ? address.substring(1) : address;
    if (!address.startsWith(entitySet + "(") || !address.endsWith(")")) {
      throw new InvalidBulkRequestException(
          "The '@odata.id' '" + odataId.asText() + "' of an item of 'Targets' does not address a record of '"
              + entitySet + "'.");
    }
    return PathEncoding.encodeIllegal(address.substring(entitySet.length()));
  }

  private static ObjectNode withoutAnnotations(ObjectNode target) {
    ObjectNode body = target.deepCopy();
    body.remove("@odata.type");
    body.remove("@odata.id");
    return body;
  }

  private static byte[] bytes(ObjectNode body) {
    try {
      return Json.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise a parsed JSON body. Indicates a bug.", e);
    }
  }
}
