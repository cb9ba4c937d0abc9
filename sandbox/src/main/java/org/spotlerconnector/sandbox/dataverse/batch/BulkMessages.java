package org.spotlerconnector.sandbox.dataverse.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Answers the bulk messages {@code POST <set>/Microsoft.Dynamics.CRM.CreateMultiple}, {@code …UpdateMultiple} and
 * {@code …UpsertMultiple} (dataverse-api.md §2.8). On a standard table a bulk message is one transaction: each item
 * runs as the single request it stands for, and the first failure undoes them all and is returned as the answer.
 *
 * <p>Thread-safe: it holds no state between calls.
 */
public final class BulkMessages {
  private static final Logger LOG = LoggerFactory.getLogger(BulkMessages.class);

  private final OperationExecutor executor;

  public BulkMessages(OperationExecutor executor) {
    this.executor = executor;
  }

  /**
   * @param message "CreateMultiple", "UpdateMultiple" or "UpsertMultiple"
   * @param entitySet e.g. "contacts"
   * @param logicalName e.g. "contact"
   * @param primaryKey e.g. "contactid"
   * @throws IllegalArgumentException for any other message name
   */
  public HttpResponse execute(
      String message, String entitySet, String logicalName, String primaryKey, HttpRequest request) {
    ServiceRoot serviceRoot = new ServiceRoot(executor.serviceRoot());
    InnerCalls calls = new InnerCalls(executor, request);
    BulkTargetRequests requests = new BulkTargetRequests(serviceRoot, calls, entitySet, primaryKey);
    Function<ObjectNode, HttpRequest> toRequest = requestBuilder(message, requests);
    List<HttpRequest> inner = new ArrayList<>();
    try {
      for (ObjectNode target : BulkTargets.read(message, request, entitySet, logicalName)) {
        inner.add(toRequest.apply(target));
      }
    } catch (InvalidBulkRequestException e) {
      return DataverseErrors.badRequest(e.getMessage());
    }
    try {
      HttpResponse answer =
          executor.atomically(() -> answer(message, serviceRoot, runAll(calls, inner), primaryKey));
      LOG.atDebug()
          .addKeyValue("message", message)
          .addKeyValue("entitySet", entitySet)
          .addKeyValue("targets", inner.size())
          .log("bulk message applied");
      return answer;
    } catch (Failed e) {
      return e.response;
    } catch (Exception e) {
      LOG.atError().setCause(e).addKeyValue("message", message).log("bulk message failed unexpectedly");
      return DataverseErrors.error(500, "An unexpected error occurred.");
    }
  }

  private static Function<ObjectNode, HttpRequest> requestBuilder(String message, BulkTargetRequests requests) {
    return switch (message) {
      case "CreateMultiple" -> requests::create;
      case "UpdateMultiple" -> requests::update;
      case "UpsertMultiple" -> requests::upsert;
      default -> throw new IllegalArgumentException("Not a bulk message: " + message);
    };
  }

  private static List<HttpResponse> runAll(InnerCalls calls, List<HttpRequest> inner) {
    List<HttpResponse> responses = new ArrayList<>();
    for (HttpRequest request : inner) {
      HttpResponse response = calls.execute(request);
      if (response.status() >= 400) {
        throw new Failed(response);
      }
      responses.add(response);
    }
    return responses;
  }

  /** Built inside the transaction, so that a create whose new id cannot be read rolls everything back too. */
  private static HttpResponse answer(
      String message, ServiceRoot serviceRoot, List<HttpResponse> responses, String primaryKey) {
    return message.equals("CreateMultiple")
        ? createMultipleResponse(serviceRoot, responses, primaryKey)
        : HttpResponse.empty(204).header("OData-Version", "4.0");
  }

  private static HttpResponse createMultipleResponse(
      ServiceRoot serviceRoot, List<HttpResponse> responses, String primaryKey) {
    ObjectNode body = Json.object();
    body.put("@odata.context", serviceRoot.url() + "/$metadata#Microsoft.Dynamics.CRM.CreateMultipleResponse");
    ArrayNode ids = body.putArray("Ids");
    responses.forEach(response -> ids.add(createdId(response, primaryKey)));
    return HttpResponse.json(200, body, DataverseErrors.JSON_CONTENT_TYPE).header("OData-Version", "4.0");
  }

  /** From {@code OData-EntityId: …/contacts(<id>)}, or from the body of a create answered with a representation. */
  private static String createdId(HttpResponse response, String primaryKey) {
    String entityId = response.firstHeader("OData-EntityId");
    if (entityId != null && entityId.endsWith(")") && entityId.lastIndexOf('(') >= 0) {
      return entityId.substring(entityId.lastIndexOf('(') + 1, entityId.length() - 1);
    }
    try {
      JsonNode id = Json.MAPPER.readTree(response.body()).path(primaryKey);
      if (id.isTextual()) {
        return id.asText();
      }
    } catch (IOException e) {
      // falls through to the failure below
    }
    throw new IllegalStateException("A create answered " + response.status() + " without naming the new record.");
  }

  /** Aborts the transaction with the answer of the item that failed. */
  private static final class Failed extends RuntimeException {
    private final transient HttpResponse response;

    Failed(HttpResponse response) {
      super("bulk message rolled back", null, false, false);
      this.response = response;
    }
  }
}
