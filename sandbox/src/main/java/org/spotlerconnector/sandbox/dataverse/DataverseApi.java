package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.spotlerconnector.sandbox.dataverse.batch.BatchProcessor;
import org.spotlerconnector.sandbox.dataverse.batch.BulkMessages;
import org.spotlerconnector.sandbox.dataverse.batch.OperationExecutor;
import org.spotlerconnector.sandbox.dataverse.metadata.MetadataApi;
import org.spotlerconnector.sandbox.dataverse.query.FetchXmlException;
import org.spotlerconnector.sandbox.dataverse.query.ODataQueryException;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Routes Web API requests under {@code /api/data/v9.2} to their handlers, once authentication and service protection
 * have let them through, and renders refusals as Dataverse error JSON. It is also the {@link OperationExecutor} that
 * {@code $batch} and the bulk messages run their inner requests with.
 *
 * <p>Service protection (dataverse-api.md §6) counts the {@code $batch} HTTP request itself as one request, like any
 * other, and each request inside it as one more, because batches do not bypass the limits. A bulk message
 * ({@code CreateMultiple}…) counts as one request however many targets it carries, as documented (§2.8); its targets
 * count only toward the daily entitlement limits, which are not enforced here.
 */
final class DataverseApi implements OperationExecutor {
  static final String SERVICE_PATH = "/api/data/v9.2";
  private static final String NAMESPACE = "Microsoft.Dynamics.CRM.";
  private static final Set<String> BULK_MESSAGES = Set.of("CreateMultiple", "UpdateMultiple", "UpsertMultiple");
  private static final String SOLUTION_HEADER = "MSCRM.SolutionUniqueName";
  private static final String ENTITY_ID = "OData-EntityId";
  static final UUID ORGANIZATION_ID = UUID.fromString("0b7c2e54-93a1-4f6d-8e25-7c4d1a2b3c4d");

  private final DataverseStore store;
  private final CollectionQuery collections;
  private final FetchXmlQuery fetchXml;
  private final MarketingListActions listActions;
  private final ChangeTracking changeTracking;
  private final EntityEndpoint entities;
  private final MetadataEndpoint definitions;
  private final RelatedRows relatedRows;
  private final EnvironmentVariables environmentVariables;
  private final RolePrivileges rolePrivileges;
  private final Supplier<CallContext> inProcessContext;
  private final Consumer<String> countBatchedRequest;
  private final ThreadLocal<Scope> scope = new ThreadLocal<>();

  /** The call being served on this thread: who calls, whether it is inside a $batch, and how deep inner calls nest. */
  private static final class Scope {
    final CallContext context;
    boolean inBatch;
    int depth;

    Scope(CallContext context) {
      this.context = context;
    }
  }

  /**
   * @param inProcessContext the context for inner calls made outside any HTTP request (the in-process user)
   * @param countBatchedRequest adds one request to a client's service protection count
   * @param defineTable adds or redefines a table with everything that comes with it, for the metadata Web API
   */
  DataverseApi(
      DataverseStore store,
      Records records,
      Supplier<Duration> changeTrackingRetention,
      Supplier<CallContext> inProcessContext,
      Consumer<String> countBatchedRequest,
      Consumer<TableDefinition> defineTable) {
    this.store = store;
    this.collections = new CollectionQuery(store);
    this.fetchXml = new FetchXmlQuery(store);
    this.listActions = new MarketingListActions(store, records, new ListMembership(store, records));
    this.changeTracking = new ChangeTracking(store, changeTrackingRetention);
    this.entities = new EntityEndpoint(store, records);
    this.definitions = new MetadataEndpoint(new MetadataApi(new StoreCatalog(store, defineTable)));
    this.relatedRows = new RelatedRows(store, records);
    this.environmentVariables = new EnvironmentVariables(store);
    this.rolePrivileges = new RolePrivileges(store, records);
    this.inProcessContext = inProcessContext;
    this.countBatchedRequest = countBatchedRequest;
  }

  MetadataApi metadata() {
    return definitions.metadata();
  }

  /** Serves one request that arrived over HTTP. */
  HttpResponse handle(HttpRequest request, CallContext context) {
    Scope previous = scope.get();
    scope.set(new Scope(context));
    try {
      return route(request, context);
    } finally {
      if (previous == null) {
        scope.remove();
      } else {
        scope.set(previous);
      }
    }
  }

  @Override
  public HttpResponse execute(HttpRequest request) {
    Scope current = scope.get();
    if (current == null) {
      return handle(request, inProcessContext.get());
    }
    current.depth++;
    try {
      if (current.inBatch && current.depth == 1 && current.context.clientId() != null) {
        countBatchedRequest.accept(current.context.clientId());
      }
      return route(request, current.context);
    } finally {
      current.depth--;
    }
  }

  @Override
  public <T> T atomically(Callable<T> work) throws Exception {
    return store.atomically(work);
  }

  @Override
  public String serviceRoot() {
    Scope current = scope.get();
    return (current == null ? inProcessContext.get() : current.context).serviceRoot();
  }

  private HttpResponse route(HttpRequest request, CallContext context) {
    try {
      return dispatch(request, context);
    } catch (DataverseException e) {
      return ODataResponses.error(e);
    } catch (ODataQueryException e) {
      return ODataResponses.error(400, e.code(), e.getMessage());
    } catch (FetchXmlException e) {
      return ODataResponses.error(400, e.code(), e.getMessage());
    } catch (HttpRequest.MalformedJsonException e) {
      return ODataResponses.error(400, DataverseException.PAYLOAD, e.getMessage());
    }
  }

  private HttpResponse dispatch(HttpRequest request, CallContext context) {
    String path = request.path();
    if (!path.equals(SERVICE_PATH) && !path.startsWith(SERVICE_PATH + "/")) {
      throw DataverseException.resourceNotFound(firstSegment(path));
    }
    String relative = path.substring(SERVICE_PATH.length());
    if (relative.isEmpty() || relative.equals("/")) {
      requireMethod(request, "GET");
      return serviceDocument(context);
    }
    ResourcePath resource = ResourcePath.parse(relative.substring(1));
    switch (resource.name()) {
      case "$batch" -> {
        requireMethod(request, "POST");
        return batch(request);
      }
      case "WhoAmI" -> {
        requireMethod(request, "GET");
        return whoAmI(context);
      }
      case "$metadata" -> {
        requireMethod(request, "GET");
        return MetadataDocument.of(store.tables());
      }
      case "EntityDefinitions" -> {
        return definitions.entityDefinitions(resource, request, context);
      }
      case "RelationshipDefinitions" -> {
        return definitions.relationshipDefinitions(resource, request, context);
      }
      case MarketingListActions.ADD_MEMBERS -> {
        if (store.byLogicalName(MarketingListTables.LIST).isEmpty()) {
          throw DataverseException.resourceNotFound(resource.name());
        }
        requireAction(request, resource);
        listActions.addListMembers(request.bodyJson(), context);
        return ODataResponses.empty(204);
      }
      case "CreateCustomerRelationships", "InsertStatusValue", "InsertOptionValue", "UpdateOptionValue", "PublishXml",
          "PublishAllXml" -> {
        requireAction(request, resource);
        return definitions.action(resource.name(), request, context);
      }
      case EnvironmentVariables.FUNCTION -> {
        requireMethod(request, "GET");
        if (!resource.rest().isEmpty()) {
          throw DataverseException.resourceNotFound(resource.rest().get(0));
        }
        return ODataResponses.json(
            200,
            environmentVariables.retrieveValue(resource.keyText(), QueryOptions.of(request).aliases(), context));
      }
      case RolePrivileges.RETRIEVE_PRIVILEGES -> {
        requireMethod(request, "GET");
        if (!resource.rest().isEmpty()) {
          throw DataverseException.resourceNotFound(resource.rest().get(0));
        }
        return ODataResponses.json(
            200, rolePrivileges.retrieve(resource.keyText(), QueryOptions.of(request).aliases(), context));
      }
      case "RetrieveTotalRecordCount" -> {
        requireMethod(request, "GET");
        if (!resource.rest().isEmpty()) {
          throw DataverseException.resourceNotFound(resource.rest().get(0));
        }
        ObjectNode counts =
            definitions.metadata()
                .retrieveTotalRecordCount(resource.keyText(), request.queryParameters(), context.serviceRoot());
        return ODataResponses.json(200, counts);
      }
      default -> {
        TableStore table =
            store.byEntitySet(resource.name()).orElseThrow(() -> DataverseException.resourceNotFound(resource.name()));
        return resource.keyText() == null
            ? collection(table, resource, request, context)
            : entity(table, resource, request, context);
      }
    }
  }

  private HttpResponse collection(TableStore table, ResourcePath resource, HttpRequest request, CallContext context) {
    if (resource.rest().isEmpty()) {
      switch (request.method()) {
        case "GET" -> {
          QueryOptions options = QueryOptions.of(request);
          Preferences preferences = Preferences.of(request);
          if (options.fetchXml() != null) {
            return fetchXml.get(table, request, options, preferences, context);
          }
          return options.deltatoken() != null
              ? changeTracking.delta(table, request, options, preferences, context)
              : collections.get(table, request, options, preferences, context);
        }
        case "POST" -> {
          SystemTableRules.requireMessageAllowed(RowChange.CREATE, table.definition());
          return entities.create(table, request, context);
        }
        default -> throw DataverseException.methodNotAllowed(request.method());
      }
    }
    String segment = resource.rest().get(0);
    if (resource.rest().size() == 1 && segment.equals("$count")) {
      requireMethod(request, "GET");
      QueryOptions options = QueryOptions.of(request);
      return options.deltatoken() != null
          ? changeTracking.countChanges(table, options)
          : collections.count(table, options);
    }
    if (resource.rest().size() == 1 && segment.startsWith(NAMESPACE)) {
      String message = segment.substring(NAMESPACE.length());
      if (!BULK_MESSAGES.contains(message)) {
        throw DataverseException.resourceNotFound(segment);
      }
      requireMethod(request, "POST");
      TableDefinition definition = table.definition();
      return new BulkMessages(this)
          .execute(
              message, definition.entitySetName(), definition.logicalName(), definition.primaryIdColumn(), request);
    }
    throw DataverseException.resourceNotFound(segment);
  }

  private HttpResponse entity(TableStore table, ResourcePath resource, HttpRequest request, CallContext context) {
    if (request.method().equals("GET")) {
      SystemTableRules.requireMessageAllowed(SystemTableRules.RETRIEVE, table.definition());
    }
    if (resource.rest().isEmpty()) {
      return switch (request.method()) {
        case "GET" -> entities.retrieve(table, resource.keyText(), request, context);
        case "PATCH" -> {
          SystemTableRules.requireMessageAllowed(RowChange.UPDATE, table.definition());
          yield entities.upsert(table, resource.keyText(), request, context);
        }
        case "DELETE" -> {
          SystemTableRules.requireMessageAllowed(RowChange.DELETE, table.definition());
          yield entities.delete(table, resource.keyText(), request, context);
        }
        default -> throw DataverseException.methodNotAllowed(request.method());
      };
    }
    if (resource.rest().size() == 1 && resource.rest().get(0).startsWith(NAMESPACE)) {
      return boundAction(table, resource, request, context);
    }
    if (resource.rest().size() == 1) {
      if (!request.method().equals("GET")) {
        SystemTableRules.requireMessageAllowed(RowChange.UPDATE, table.definition());
      } else {
        Optional<RelatedRows.Query> related =
            relatedRows.of(table, resource.keyText(), resource.rest().get(0), request);
        if (related.isPresent()) {
          RelatedRows.Query query = related.get();
          return collection(
              query.table(), ResourcePath.parse(query.table().definition().entitySetName()), query.request(), context);
        }
      }
      return entities.column(table, resource.keyText(), resource.rest().get(0), request, context);
    }
    throw DataverseException.resourceNotFound(resource.rest().get(resource.rest().size() - 1));
  }

  /** An unbound action: POST to its name, without a key or further segments. */
  private static void requireAction(HttpRequest request, ResourcePath resource) {
    requireMethod(request, "POST");
    if (resource.keyText() != null || !resource.rest().isEmpty()) {
      throw DataverseException.resourceNotFound(resource.name());
    }
  }

  /**
   * An action bound to one row: {@code roles(<id>)/Microsoft.Dynamics.CRM.AddPrivilegesRole},
   * {@code lists(<id>)/Microsoft.Dynamics.CRM.AddMemberList} or {@code …RemoveMemberList}.
   */
  private HttpResponse boundAction(TableStore table, ResourcePath resource, HttpRequest request, CallContext context) {
    String action = resource.rest().get(0).substring(NAMESPACE.length());
    if (MarketingListActions.isBound(action) && table.definition().logicalName().equals(MarketingListTables.LIST)) {
      requireMethod(request, "POST");
      ObjectNode response = listActions.bound(action, table, resource.keyText(), request.bodyJson(), context);
      return response == null ? ODataResponses.empty(204) : ODataResponses.json(200, response);
    }
    if (!action.equals(RolePrivileges.ADD_PRIVILEGES)
        || !table.definition().logicalName().equals(SystemTables.ROLE)) {
      throw DataverseException.resourceNotFound(resource.rest().get(0));
    }
    requireMethod(request, "POST");
    rolePrivileges.add(table, resource.keyText(), request.bodyJson(), context);
    return ODataResponses.empty(204);
  }

  /** dataverse-api.md §2.7: batches do not nest. */
  private HttpResponse batch(HttpRequest request) {
    Scope current = scope.get();
    if (current.inBatch) {
      throw DataverseException.badRequest(
          DataverseException.ODATA_QUERY, "A $batch request cannot contain another $batch request.");
    }
    current.inBatch = true;
    try {
      return new BatchProcessor(this).process(request);
    } finally {
      current.inBatch = false;
    }
  }

  /** dataverse-api.md §2.3: {@code {"@odata.context":"…/$metadata","value":[{"name","kind","url"}…]}}. */
  private HttpResponse serviceDocument(CallContext context) {
    ObjectNode body = Json.object();
    body.put("@odata.context", context.metadataUrl());
    ArrayNode value = body.putArray("value");
    for (TableStore table : store.tables()) {
      String set = table.definition().entitySetName();
      value.addObject().put("name", set).put("kind", "EntitySet").put("url", set);
    }
    return ODataResponses.json(200, body);
  }

  /** dataverse-api.md §2.1: {@code GET WhoAmI} → {@code BusinessUnitId}, {@code UserId}, {@code OrganizationId}. */
  private HttpResponse whoAmI(CallContext context) {
    ObjectNode body = Json.object();
    body.put("@odata.context", context.metadataUrl() + "#Microsoft.Dynamics.CRM.WhoAmIResponse");
    body.put("BusinessUnitId", SystemRows.ROOT_BUSINESS_UNIT.toString());
    body.put("UserId", context.userId().toString());
    body.put("OrganizationId", ORGANIZATION_ID.toString());
    return ODataResponses.json(200, body);
  }

  private static void requireMethod(HttpRequest request, String method) {
    if (!request.method().equals(method)) {
      throw DataverseException.methodNotAllowed(request.method());
    }
  }

  private static String firstSegment(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    int slash = trimmed.indexOf('/');
    return slash < 0 ? trimmed : trimmed.substring(0, slash);
  }
}
