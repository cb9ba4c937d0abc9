package org.spotlerconnector.sandbox.dataverse.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/**
 * A small stand-in for the Dataverse emulator: an in-memory store of a few tables with create, update, upsert, delete,
 * single-column PUT, single-valued {@code $ref} and retrieve, and an undo log for {@link #atomically}.
 */
final class FakeDataverse implements OperationExecutor {
  static final String SERVICE_PATH = "/api/data/v9.2";
  private static final Map<String, String> PRIMARY_KEYS =
      Map.of("contacts", "contactid", "accounts", "accountid", "tasks", "activityid", "leads", "leadid");
  private static final Pattern ADDRESS =
      Pattern.compile("/api/data/v9\\.2/(\\w+)(?:\\(([^)]*)\\))?(?:/(\\w+))?(/\\$ref)?");

  private volatile String serviceRoot;
  private final ReentrantLock lock = new ReentrantLock();
  private Map<String, Map<String, ObjectNode>> tables = emptyTables();
  private final List<HttpRequest> received = new ArrayList<>();

  FakeDataverse() {
    serveAt("https://org.crm4.dynamics.com");
  }

  /** The origin (scheme, host and port) the service root lives at, known only once a server has started. */
  void serveAt(String origin) {
    this.serviceRoot = origin + SERVICE_PATH;
  }

  @Override
  public String serviceRoot() {
    return serviceRoot;
  }

  @Override
  public <T> T atomically(Callable<T> work) throws Exception {
    lock.lock();
    try {
      Map<String, Map<String, ObjectNode>> before = copy(tables);
      try {
        return work.call();
      } catch (Exception | Error e) {
        tables = before;
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public HttpResponse execute(HttpRequest request) {
    lock.lock();
    try {
      received.add(request);
      return route(request);
    } catch (HttpRequest.MalformedJsonException e) {
      return error(400, e.getMessage());
    } finally {
      lock.unlock();
    }
  }

  List<HttpRequest> received() {
    return received;
  }

  Map<String, ObjectNode> table(String entitySet) {
    lock.lock();
    try {
      return new LinkedHashMap<>(tables.get(entitySet));
    } finally {
      lock.unlock();
    }
  }

  String seed(String entitySet, ObjectNode row) {
    String id = UUID.randomUUID().toString();
    row.put(PRIMARY_KEYS.get(entitySet), id);
    tables.get(entitySet).put(id, row);
    return id;
  }

  private HttpResponse route(HttpRequest request) {
    Matcher address = ADDRESS.matcher(request.path());
    if (!address.matches() || !tables.containsKey(address.group(1))) {
      return error(404, "Resource not found for the segment '" + request.path() + "'.");
    }
    String set = address.group(1);
    String key = address.group(2);
    String property = address.group(3);
    boolean reference = address.group(4) != null;
    return switch (request.method()) {
      case "POST" -> key == null ? create(set, (ObjectNode) request.bodyJson()) : error(405, "Method not allowed.");
      case "PATCH" -> key == null ? error(405, "Method not allowed.") : patch(set, key, request);
      case "PUT" -> key == null || property == null ? error(405, "Method not allowed.")
          : reference ? setReference(set, key, property, request) : setColumn(set, key, property, request);
      case "DELETE" -> delete(set, key);
      case "GET" -> key == null ? list(set) : retrieve(set, key);
      default -> error(405, "Method not allowed.");
    };
  }

  private HttpResponse create(String set, ObjectNode body) {
    if (body.path("subject").asText().length() > 200) {
      return error(400, "A validation error occurred.  The length of the 'subject' attribute exceeded 200.");
    }
    if (body.path("lastname").asText().equals("FAIL")) {
      return error(400, "A validation error occurred.");
    }
    String pk = PRIMARY_KEYS.get(set);
    String id = body.hasNonNull(pk) ? body.get(pk).asText() : UUID.randomUUID().toString();
    if (tables.get(set).containsKey(id)) {
      return error(412, "A record with matching key values already exists.");
    }
    body.put(pk, id);
    tables.get(set).put(id, body);
    return entityAnswer(set, id);
  }

  private HttpResponse patch(String set, String key, HttpRequest request) {
    ObjectNode body = (ObjectNode) request.bodyJson();
    String id = findId(set, key);
    boolean updateOnly = request.header("If-Match").filter("*"::equals).isPresent();
    if (id == null && updateOnly) {
      return notFound(set, key);
    }
    if (body.path("lastname").asText().equals("FAIL")) {
      return error(400, "A validation error occurred.");
    }
    if (id == null) {
      id = isGuid(key) ? key : UUID.randomUUID().toString();
      ObjectNode row = Json.object();
      row.put(PRIMARY_KEYS.get(set), id);
      alternateKey(key).ifPresent(k -> row.put(k[0], k[1]));
      tables.get(set).put(id, row);
    }
    tables.get(set).get(id).setAll(body);
    return entityAnswer(set, id);
  }

  private HttpResponse setColumn(String set, String key, String column, HttpRequest request) {
    String id = findId(set, key);
    if (id == null) {
      return notFound(set, key);
    }
    tables.get(set).get(id).set(column, request.bodyJson().get("value"));
    return HttpResponse.empty(204).header("OData-Version", "4.0");
  }

  private HttpResponse setReference(String set, String key, String navigation, HttpRequest request) {
    String id = findId(set, key);
    if (id == null) {
      return notFound(set, key);
    }
    tables.get(set).get(id).put("_" + navigation + "_value", request.bodyJson().path("@odata.id").asText());
    return HttpResponse.empty(204).header("OData-Version", "4.0");
  }

  private HttpResponse delete(String set, String key) {
    String id = key == null ? null : findId(set, key);
    if (id == null) {
      return notFound(set, key);
    }
    tables.get(set).remove(id);
    return HttpResponse.empty(204).header("OData-Version", "4.0");
  }

  private HttpResponse retrieve(String set, String key) {
    String id = findId(set, key);
    return id == null ? notFound(set, key) : json(tables.get(set).get(id));
  }

  private HttpResponse list(String set) {
    ObjectNode page = Json.object();
    page.put("@odata.context", serviceRoot + "/$metadata#" + set);
    tables.get(set).values().forEach(page.putArray("value")::add);
    return json(page);
  }

  /** A GUID or a one-column alternate key such as {@code emailaddress1='x'}. */
  private String findId(String set, String key) {
    if (isGuid(key)) {
      return tables.get(set).containsKey(key) ? key : null;
    }
    return alternateKey(key)
        .flatMap(k -> tables.get(set).entrySet().stream()
            .filter(e -> e.getValue().path(k[0]).asText().equals(k[1]))
            .map(Map.Entry::getKey)
            .findFirst())
        .orElse(null);
  }

  private static java.util.Optional<String[]> alternateKey(String key) {
    Matcher m = Pattern.compile("(\\w+)='(.*)'").matcher(key);
    return m.matches() ? java.util.Optional.of(new String[] {m.group(1), m.group(2)}) : java.util.Optional.empty();
  }

  private static boolean isGuid(String key) {
    return key.matches("[0-9a-fA-F-]{36}");
  }

  private HttpResponse entityAnswer(String set, String id) {
    return HttpResponse.empty(204)
        .header("OData-Version", "4.0")
        .header("OData-EntityId", serviceRoot + "/" + set + "(" + id + ")");
  }

  private HttpResponse notFound(String set, String key) {
    return error(404, set + " With Id = " + key + " Does Not Exist");
  }

  private static HttpResponse json(JsonNode body) {
    return HttpResponse.json(200, body, "application/json; odata.metadata=minimal").header("OData-Version", "4.0");
  }

  private static HttpResponse error(int status, String message) {
    ObjectNode error = Json.object();
    error.putObject("error").put("code", "0x80044331").put("message", message);
    return HttpResponse.json(status, error, "application/json; odata.metadata=minimal").header("OData-Version", "4.0");
  }

  private static Map<String, Map<String, ObjectNode>> emptyTables() {
    Map<String, Map<String, ObjectNode>> tables = new LinkedHashMap<>();
    PRIMARY_KEYS.keySet().forEach(set -> tables.put(set, new LinkedHashMap<>()));
    return tables;
  }

  private static Map<String, Map<String, ObjectNode>> copy(Map<String, Map<String, ObjectNode>> source) {
    Map<String, Map<String, ObjectNode>> copy = new LinkedHashMap<>();
    source.forEach((set, rows) -> {
      Map<String, ObjectNode> rowsCopy = new LinkedHashMap<>();
      rows.forEach((id, row) -> rowsCopy.put(id, row.deepCopy()));
      copy.put(set, rowsCopy);
    });
    return copy;
  }
}
