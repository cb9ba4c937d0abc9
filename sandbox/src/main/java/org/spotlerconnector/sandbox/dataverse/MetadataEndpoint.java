package org.spotlerconnector.sandbox.dataverse;

import java.util.List;
import org.spotlerconnector.sandbox.dataverse.metadata.MetadataApi;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;

/**
 * The HTTP side of the metadata Web API (create-update-entity-definitions-using-web-api.md,
 * create-update-entity-relationships-using-web-api.md, dataverse-api.md §8): {@code EntityDefinitions} (GET; POST of
 * a table, {@code /Attributes} or {@code /Keys}; PUT of a table or column, as PATCH is not supported),
 * {@code RelationshipDefinitions} (GET; POST of a one-to-many relationship) and the actions
 * {@code CreateCustomerRelationships}, {@code InsertStatusValue}, {@code InsertOptionValue},
 * {@code UpdateOptionValue}, {@code PublishXml} and {@code PublishAllXml}. Creates answer 204 with
 * {@code OData-EntityId}; the solution comes from the {@code MSCRM.SolutionUniqueName} header.
 */
final class MetadataEndpoint {
  private static final String SOLUTION_HEADER = "MSCRM.SolutionUniqueName";
  private static final String ENTITY_ID = "OData-EntityId";

  private final MetadataApi metadata;

  MetadataEndpoint(MetadataApi metadata) {
    this.metadata = metadata;
  }

  MetadataApi metadata() {
    return metadata;
  }

  HttpResponse entityDefinitions(ResourcePath resource, HttpRequest request, CallContext context) {
    String key = resource.keyText();
    List<String> rest = resource.rest();
    String root = context.serviceRoot();
    switch (request.method()) {
      case "GET" -> {
        return metadata.entityDefinitions(key, rest, request.queryParameters(), root)
            .map(body -> ODataResponses.json(200, body))
            .orElseGet(() -> ODataResponses.empty(204));
      }
      case "POST" -> {
        if (key == null && rest.isEmpty()) {
          return created(metadata.createEntity(request.bodyJson(), solution(request), root));
        }
        if (key != null && rest.equals(List.of("Attributes"))) {
          return created(metadata.createAttribute(key, request.bodyJson(), solution(request), root));
        }
        if (key != null && rest.equals(List.of("Keys"))) {
          return created(metadata.createKey(key, request.bodyJson(), solution(request), root));
        }
        throw DataverseException.methodNotAllowed(request.method());
      }
      case "PUT" -> {
        if (key != null && rest.isEmpty()) {
          metadata.updateEntity(key, request.bodyJson());
          return ODataResponses.empty(204);
        }
        ResourcePath attribute = rest.size() == 1 ? ResourcePath.parse(rest.get(0)) : null;
        if (key != null && attribute != null && attribute.name().equals("Attributes") && attribute.keyText() != null) {
          metadata.updateAttribute(key, attribute.keyText(), request.bodyJson());
          return ODataResponses.empty(204);
        }
        throw DataverseException.methodNotAllowed(request.method());
      }
      case "DELETE" -> throw definitionsNotDeletable();
      default -> throw DataverseException.methodNotAllowed(request.method());
    }
  }

  HttpResponse relationshipDefinitions(ResourcePath resource, HttpRequest request, CallContext context) {
    String root = context.serviceRoot();
    switch (request.method()) {
      case "GET" -> {
        return metadata.relationshipDefinitions(resource.keyText(), resource.rest(), request.queryParameters(), root)
            .map(body -> ODataResponses.json(200, body))
            .orElseGet(() -> ODataResponses.empty(204));
      }
      case "POST" -> {
        if (resource.keyText() != null || !resource.rest().isEmpty()) {
          throw DataverseException.methodNotAllowed(request.method());
        }
        return created(metadata.createRelationship(request.bodyJson(), solution(request), root));
      }
      case "DELETE" -> throw definitionsNotDeletable();
      default -> throw DataverseException.methodNotAllowed(request.method());
    }
  }

  /** An unbound metadata action; the caller has checked that it is a POST to the action's name. */
  HttpResponse action(String name, HttpRequest request, CallContext context) {
    String root = context.serviceRoot();
    return switch (name) {
      case "CreateCustomerRelationships" ->
          ODataResponses.json(200, metadata.createCustomerRelationships(request.bodyJson(), solution(request), root));
      case "InsertStatusValue" ->
          ODataResponses.json(200, metadata.insertStatusValue(request.bodyJson(), solution(request), root));
      case "InsertOptionValue" ->
          ODataResponses.json(200, metadata.insertOptionValue(request.bodyJson(), solution(request), root));
      case "UpdateOptionValue" -> {
        metadata.updateOptionValue(request.bodyJson(), solution(request));
        yield ODataResponses.empty(204);
      }
      // Publishing makes customizations visible in the apps; definitions here take effect when they are saved.
      case "PublishXml", "PublishAllXml" -> ODataResponses.empty(204);
      default -> throw DataverseException.resourceNotFound(name);
    };
  }

  private static HttpResponse created(String entityId) {
    return ODataResponses.empty(204).header(ENTITY_ID, entityId);
  }

  /** Dataverse deletes definitions; the emulated environment keeps them (the emulator's own answer). */
  private static DataverseException definitionsNotDeletable() {
    return new DataverseException(
        405,
        DataverseException.ODATA_QUERY,
        "The requested resource does not support http method 'DELETE' in this emulated environment, which does not"
            + " delete definitions.");
  }

  private static String solution(HttpRequest request) {
    return request.header(SOLUTION_HEADER).orElse(null);
  }
}
