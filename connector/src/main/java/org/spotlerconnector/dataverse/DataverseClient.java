package org.spotlerconnector.dataverse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.spotlerconnector.dataverse.auth.AccessTokenProvider;
import org.spotlerconnector.dataverse.auth.AccessTokenProviders;
import org.spotlerconnector.dataverse.batch.BatchOperationResponse;
import org.spotlerconnector.dataverse.batch.BatchRequest;
import org.spotlerconnector.dataverse.batch.BatchResponse;
import org.spotlerconnector.dataverse.batch.MultipartBatchParser;
import org.spotlerconnector.dataverse.batch.WrittenBatch;
import org.spotlerconnector.dataverse.batch.MultipartBatchWriter;

/**
 * The Dataverse Web API (OData v4.0, dataverse-api.md §2–§3) for one connection: queries streamed page by page,
 * change tracking, single-row writes, {@code $batch} and the bulk messages. Rows are plain JSON objects keyed by
 * column logical name.
 *
 * <p>Every call gets a bearer token, waits for the {@link RequestBudget}, and is retried on transient failures
 * honouring {@code Retry-After} (see {@link DataverseTransport}). Refusals surface as {@link DataverseException}
 * subtypes; transient failures that outlast the retries as {@link org.spotlerconnector.http.TransientHttpException}.
 * Thread-safe.
 */
public final class DataverseClient {
  private static final String BULK_TYPE_PREFIX = "Microsoft.Dynamics.CRM.";
  private static final String FORMATTED_VALUE = "OData.Community.Display.V1.FormattedValue";
  private static final String FETCH_XML_PAGING =
      "Microsoft.Dynamics.CRM.fetchxmlpagingcookie,Microsoft.Dynamics.CRM.morerecords";

  private final DataverseSettings settings;
  private final DataverseTransport transport;
  private final URI serviceRoot;
  private final ObjectMapper json = new ObjectMapper();

  private DataverseClient(DataverseSettings settings, DataverseTransport transport) {
    this.settings = settings;
    this.transport = transport;
    this.serviceRoot = settings.serviceRoot();
  }

  /** A client with its own HTTP client, token provider (chosen by {@link AccessTokenProviders}) and budget. */
  public static DataverseClient create(DataverseSettings settings) {
    return builder(settings).build();
  }

  public static Builder builder(DataverseSettings settings) {
    return new Builder(settings);
  }

  public DataverseSettings settings() {
    return settings;
  }

  // ---------------------------------------------------------------------------------------------------- queries

  /** The rows of a query in pages of {@link DataverseSettings#pageSize()}. */
  public ResultPages<ObjectNode> query(ODataQuery query) {
    return query(query, settings.pageSize());
  }

  /** The rows of a query in pages of {@code pageSize} ({@code Prefer: odata.maxpagesize}, at most 5,000). */
  public ResultPages<ObjectNode> query(ODataQuery query, int pageSize) {
    return query(query, pageSize, false);
  }

  /** One row by key, or empty when Dataverse answers 404. */
  public Optional<ObjectNode> retrieve(String entitySet, RecordKey key, String... columns) {
    String select = columns.length == 0 ? "" : "?$select=" + UriEncoding.queryValue(String.join(",", columns));
    try {
      JsonNode row = getJson(resolve(entityPath(entitySet, key) + select), null);
      if (row instanceof ObjectNode object) {
        return Optional.of(object);
      }
      throw new DataverseException(200, "", "a row was expected, not " + row.getNodeType(), "", null);
    } catch (NotFoundException missing) {
      return Optional.empty();
    }
  }

  /**
   * A GET of any URL relative to the service root: functions ({@code WhoAmI}), the service document ({@code ""}),
   * metadata ({@code EntityDefinitions(LogicalName='contact')}). The caller encodes the URL.
   */
  public JsonNode get(String relativeUrl) {
    return getJson(resolve(relativeUrl), null);
  }

  // ------------------------------------------------------------------------------------------- change tracking

  /**
   * The initial read of a change-tracked table ({@code Prefer: odata.track-changes}): every row, paged, with the delta
   * link on the last page (dataverse-api.md §3). Change tracking refuses {@code $filter}, {@code $orderby},
   * {@code $expand} and {@code $top}, so a query with them is rejected here.
   */
  public ResultPages<ObjectNode> trackChanges(ODataQuery query) {
    return trackChanges(query, false);
  }

  /**
   * As {@link #trackChanges(ODataQuery)}; with {@code formattedValues}, rows carry the
   * {@code OData.Community.Display.V1.FormattedValue} annotations (choice labels).
   */
  public ResultPages<ObjectNode> trackChanges(ODataQuery query, boolean formattedValues) {
    List<String> forbidden = query.optionsForbiddenWithChangeTracking();
    if (!forbidden.isEmpty()) {
      throw new IllegalArgumentException(
          String.join(", ", forbidden) + " cannot be used with change tracking; select columns only");
    }
    return continueTracking(query.toRelativeUrl(), formattedValues);
  }

  /**
   * Goes on with an initial change-tracking read from a page's {@link ResultPages#nextLink() next link}, e.g. after a
   * restart; a relative URL starts a new read.
   */
  public ResultPages<ObjectNode> continueTracking(String link, boolean formattedValues) {
    String prefer = prefer("odata.track-changes,odata.maxpagesize=" + settings.pageSize(), formattedValues);
    URI first = URI.create(link).isAbsolute() ? followLink(link) : resolve(link);
    return new ResultPages<>(first, uri -> getJson(uri, prefer), this::followLink, row -> row);
  }

  /**
   * What changed since a delta link: created and updated rows, then removals, with a new delta link on the last page.
   * Store the new delta link only after every page has been processed.
   *
   * @throws DeltaTokenExpiredException (while paging) when Dataverse refuses the delta link: do a full load instead
   */
  public ResultPages<RowChange> changesSince(String deltaLink) {
    return changesSince(deltaLink, false);
  }

  /** As {@link #changesSince(String)}, optionally with formatted values (see {@link #trackChanges(ODataQuery, boolean)}). */
  public ResultPages<RowChange> changesSince(String deltaLink, boolean formattedValues) {
    String prefer = prefer("odata.maxpagesize=" + settings.pageSize(), formattedValues);
    return new ResultPages<>(
        followLink(deltaLink), uri -> getDelta(uri, prefer), this::followLink, DataverseClient::change);
  }

  /** The rows of a query, optionally with formatted values (see {@link #trackChanges(ODataQuery, boolean)}). */
  public ResultPages<ObjectNode> query(ODataQuery query, int pageSize, boolean formattedValues) {
    String prefer = prefer("odata.maxpagesize=" + checkedPageSize(pageSize), formattedValues);
    return new ResultPages<>(resolve(query.toRelativeUrl()), uri -> getJson(uri, prefer), this::followLink, row -> row);
  }

  /**
   * One page of a FetchXML query, {@code <entitySet>?fetchXml=…} (dataverse-api.md §4.4), with the paging annotations
   * {@code @Microsoft.Dynamics.CRM.fetchxmlpagingcookie} and {@code @Microsoft.Dynamics.CRM.morerecords} when more rows
   * follow. The page number, size and paging cookie are part of the FetchXML, so the caller pages.
   */
  public JsonNode fetchXml(String entitySet, String fetchXml) {
    String url = ODataQuery.of(entitySet).toRelativeUrl() + "?fetchXml=" + UriEncoding.queryValue(fetchXml);
    return getJson(resolve(url), "odata.include-annotations=\"" + FETCH_XML_PAGING + "\"");
  }

  private static String prefer(String base, boolean formattedValues) {
    return formattedValues ? base + ",odata.include-annotations=\"" + FORMATTED_VALUE + "\"" : base;
  }

  // ------------------------------------------------------------------------------------------------ row writes

  /** Creates a row; returns its id from {@code OData-EntityId} (204, dataverse-api.md §2.6). Not retried blindly. */
  public String create(String entitySet, ObjectNode row) {
    return create(entitySet, row, Map.of());
  }

  /**
   * As {@link #create(String, ObjectNode)}, with extra request headers, e.g. {@code MSCRM.SolutionUniqueName} when
   * creating metadata ({@code EntityDefinitions}, {@code …/Attributes}, dataverse-api.md §8) or solution components.
   */
  public String create(String entitySet, ObjectNode row, Map<String, String> headers) {
    ApiResponse response =
        transport.execute(withHeaders(ApiRequest.withJson("POST", resolve(entitySet), bytes(row), false), headers));
    return response.header("OData-EntityId").flatMap(EntityIds::fromEntityUrl)
        .orElseThrow(() -> new DataverseException(response.status(), "",
            "create answered without an OData-EntityId header", response.requestId(), null));
  }

  /** Updates an existing row ({@code If-Match: *}); {@link NotFoundException} when there is none. */
  public void update(String entitySet, RecordKey key, ObjectNode changes) {
    transport.execute(patch(entitySet, key, changes, true).header("If-Match", "*"));
  }

  /**
   * Updates the row only if it is still at {@code etag} ({@code If-Match: W/"…"}), for optimistic concurrency such as
   * claiming a job. Not retried when the outcome is unknown: a repeated PATCH would fail on its own new ETag.
   *
   * @throws PreconditionFailedException when the row changed since the ETag was read (412)
   */
  public void updateIfMatch(String entitySet, RecordKey key, String etag, ObjectNode changes) {
    transport.execute(patch(entitySet, key, changes, false).header("If-Match", etag));
  }

  /**
   * As {@link #updateIfMatch}, returning the updated row with its new ETag in the same request ({@code Prefer:
   * return=representation} answers 200 with the row, dataverse-api.md §2.6), which saves a read after a claim.
   *
   * @throws PreconditionFailedException when the row changed since the ETag was read (412)
   */
  public ObjectNode updateIfMatchReturning(
      String entitySet, RecordKey key, String etag, ObjectNode changes, String... columns) {
    String select = columns.length == 0 ? "" : "?$select=" + UriEncoding.queryValue(String.join(",", columns));
    ApiRequest request = ApiRequest.withJson("PATCH", resolve(entityPath(entitySet, key) + select), bytes(changes), false)
        .header("If-Match", etag)
        .header("Prefer", "return=representation");
    JsonNode row = read(transport.execute(request).body());
    if (row instanceof ObjectNode object) {
      return object;
    }
    throw new DataverseException(200, "", "a row was expected, not " + row.getNodeType(), "", null);
  }

  /**
   * Creates or updates the row with this key (a PATCH without conditions is an upsert, §2.6). Returns the row id when
   * Dataverse sends {@code OData-EntityId}.
   */
  public Optional<String> upsert(String entitySet, RecordKey key, ObjectNode row) {
    ApiResponse response = transport.execute(patch(entitySet, key, row, true));
    return response.header("OData-EntityId").flatMap(EntityIds::fromEntityUrl);
  }

  /**
   * Replaces a whole definition ({@code PUT}), as the metadata Web API updates tables and columns (dataverse-api.md
   * §8: PATCH is not supported there), with extra headers such as {@code MSCRM.MergeLabels}. Repeatable.
   */
  public void replace(String relativeUrl, ObjectNode definition, Map<String, String> headers) {
    transport.execute(withHeaders(ApiRequest.withJson("PUT", resolve(relativeUrl), bytes(definition), true), headers));
  }

  /** Deletes a row; false when it did not exist (404), which also makes a repeated delete harmless. */
  public boolean delete(String entitySet, RecordKey key) {
    try {
      transport.execute(ApiRequest.delete(resolve(entityPath(entitySet, key))));
      return true;
    } catch (NotFoundException alreadyGone) {
      return false;
    }
  }

  /**
   * Invokes an action ({@code POST}), bound ({@code lists(<id>)/Microsoft.Dynamics.CRM.AddMemberList}) or unbound.
   * Returns the response body, or an empty object for 204. Treated as not repeatable.
   */
  public JsonNode invoke(String relativeUrl, ObjectNode parameters) {
    return invoke(relativeUrl, parameters, Map.of());
  }

  /** As {@link #invoke(String, ObjectNode)}, with extra request headers such as {@code MSCRM.SolutionUniqueName}. */
  public JsonNode invoke(String relativeUrl, ObjectNode parameters, Map<String, String> headers) {
    ApiResponse response = transport.execute(
        withHeaders(ApiRequest.withJson("POST", resolve(relativeUrl), bytes(parameters), false), headers));
    return response.body().length == 0 ? json.createObjectNode() : read(response.body());
  }

  // ----------------------------------------------------------------------------------------------- bulk writes

  /**
   * {@code CreateMultiple} in chunks of {@link DataverseSettings#bulkChunkSize()}; returns the new ids in target order.
   * {@code @odata.type} is added to each target from {@code logicalName} (e.g. {@code contact}).
   *
   * @throws BulkWriteException when a chunk after the first fails
   */
  public List<String> createMultiple(String entitySet, String logicalName, List<ObjectNode> targets) {
    List<String> ids = new ArrayList<>(targets.size());
    inChunks(targets, chunk -> {
      JsonNode answer = read(bulk(entitySet, "CreateMultiple", logicalName, chunk, false).body());
      answer.path("Ids").forEach(id -> ids.add(id.asText()));
      return null;
    });
    return ids;
  }

  /** {@code UpdateMultiple}: every target carries its primary key. */
  public void updateMultiple(String entitySet, String logicalName, List<ObjectNode> targets) {
    inChunks(targets, chunk -> bulk(entitySet, "UpdateMultiple", logicalName, chunk, true));
  }

  /**
   * {@code UpsertMultiple}: each target names its row by primary key column or by {@code "@odata.id"} with an
   * alternate key ({@link RecordKey#path}), without repeating the key columns in the body (§2.8).
   */
  public void upsertMultiple(String entitySet, String logicalName, List<ObjectNode> targets) {
    inChunks(targets, chunk -> bulk(entitySet, "UpsertMultiple", logicalName, chunk, true));
  }

  /**
   * Sends a {@code $batch}, split into batches of at most 1,000 requests (change sets stay whole). Every operation
   * counts against the request budget. Without {@code continueOnError}, batches after a failing one are not sent.
   */
  public BatchResponse batch(BatchRequest request) {
    List<BatchOperationResponse> responses = new ArrayList<>();
    List<BatchRequest> batches = request.split(DataverseSettings.MAX_BATCH_REQUESTS);
    for (int i = 0; i < batches.size(); i++) {
      List<BatchOperationResponse> answers = sendBatch(batches.get(i));
      responses.addAll(answers);
      boolean stopped = answers.stream().anyMatch(answer -> !answer.succeeded());
      if (stopped && !request.continueOnError()) {
        int unsent = batches.subList(i + 1, batches.size()).stream().mapToInt(BatchRequest::operationCount).sum();
        return new BatchResponse(responses, unsent);
      }
    }
    return new BatchResponse(responses, 0);
  }

  // --------------------------------------------------------------------------------------------------- helpers

  private List<BatchOperationResponse> sendBatch(BatchRequest batch) {
    WrittenBatch written = MultipartBatchWriter.write(batch, serviceRoot.getRawPath(), UUID.randomUUID().toString());
    ApiRequest request = ApiRequest.batch(
        resolve("$batch"), written.contentType(), written.body(), batch.operationCount(), batch.idempotent());
    if (batch.continueOnError()) {
      request = request.header("Prefer", "odata.continue-on-error");
    }
    ApiResponse response = transport.execute(request);
    String contentType = response.header("Content-Type").orElse("");
    return MultipartBatchParser.parse(contentType, response.body());
  }

  private ApiResponse bulk(
      String entitySet, String message, String logicalName, List<ObjectNode> chunk, boolean idempotent) {
    ObjectNode body = json.createObjectNode();
    ArrayNode array = body.putArray("Targets");
    for (ObjectNode target : chunk) {
      ObjectNode typed = array.addObject().put("@odata.type", BULK_TYPE_PREFIX + logicalName);
      typed.setAll(target);
    }
    URI uri = resolve(entitySet + "/" + BULK_TYPE_PREFIX + message);
    return transport.execute(ApiRequest.withJson("POST", uri, bytes(body), idempotent));
  }

  private void inChunks(List<ObjectNode> targets, Function<List<ObjectNode>, ?> write) {
    int size = settings.bulkChunkSize();
    for (int from = 0; from < targets.size(); from += size) {
      List<ObjectNode> chunk = targets.subList(from, Math.min(targets.size(), from + size));
      try {
        write.apply(chunk);
      } catch (RuntimeException e) {
        if (from == 0) {
          throw e;
        }
        throw new BulkWriteException(from, e);
      }
    }
  }

  private static ApiRequest withHeaders(ApiRequest request, Map<String, String> headers) {
    ApiRequest with = request;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      with = with.header(header.getKey(), header.getValue());
    }
    return with;
  }

  private ApiRequest patch(String entitySet, RecordKey key, ObjectNode body, boolean idempotent) {
    return ApiRequest.withJson("PATCH", resolve(entityPath(entitySet, key)), bytes(body), idempotent);
  }

  private JsonNode getJson(URI uri, String prefer) {
    ApiRequest request = ApiRequest.get(uri);
    return read(transport.execute(prefer == null ? request : request.header("Prefer", prefer)).body());
  }

  private JsonNode getDelta(URI uri, String prefer) {
    try {
      return getJson(uri, prefer);
    } catch (AccessDeniedException e) {
      throw e;
    } catch (DataverseException e) {
      if (e.status() >= 400 && e.status() < 500) {
        throw new DeltaTokenExpiredException(e);
      }
      throw e;
    }
  }

  private static RowChange change(ObjectNode entry) {
    String context = entry.path("@odata.context").asText("");
    if (context.endsWith("$deletedEntity")) {
      return new RowChange.Removed(entry.path("id").asText(), entry.path("reason").asText("deleted"));
    }
    return new RowChange.Upserted(entry);
  }

  private static String entityPath(String entitySet, RecordKey key) {
    return entitySet + UriEncoding.pathSegment(key.segment());
  }

  private URI resolve(String relativeUrl) {
    return serviceRoot.resolve(relativeUrl);
  }

  /**
   * A next or delta link, used unmodified, but only towards this environment: the bearer token goes with it.
   */
  private URI followLink(String link) {
    URI uri = URI.create(link);
    URI environment = settings.environmentUrl();
    boolean sameOrigin = Objects.equals(uri.getScheme(), environment.getScheme())
        && Objects.equals(uri.getHost(), environment.getHost())
        && uri.getPort() == environment.getPort();
    if (!sameOrigin) {
      throw new IllegalArgumentException("refusing to follow a link away from " + settings.environmentRoot());
    }
    return uri;
  }

  private static int checkedPageSize(int pageSize) {
    if (pageSize < 1 || pageSize > DataverseSettings.MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be between 1 and " + DataverseSettings.MAX_PAGE_SIZE);
    }
    return pageSize;
  }

  private byte[] bytes(JsonNode body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode read(byte[] body) {
    try {
      return body.length == 0 ? json.createObjectNode() : json.readTree(body);
    } catch (IOException e) {
      throw new DataverseException(200, "", "Dataverse answered with a body that is not JSON", "", e);
    }
  }

  /** Optional parts; the defaults come from the settings and the system clock. */
  public static final class Builder {
    private final DataverseSettings settings;
    private HttpClient httpClient;
    private AccessTokenProvider tokenProvider;
    private RequestBudget budget;
    private DataverseMetrics metrics = DataverseMetrics.NONE;
    private Clock clock = Clock.systemUTC();

    private Builder(DataverseSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    public Builder tokenProvider(AccessTokenProvider tokenProvider) {
      this.tokenProvider = tokenProvider;
      return this;
    }

    /** Share one budget between clients that use the same application user. */
    public Builder budget(RequestBudget budget) {
      this.budget = budget;
      return this;
    }

    public Builder metrics(DataverseMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public DataverseClient build() {
      HttpClient http = httpClient != null ? httpClient : defaultHttpClient();
      AccessTokenProvider tokens = tokenProvider != null
          ? tokenProvider
          : AccessTokenProviders.create(settings.clientCredentials(), http, clock, settings.requestTimeout());
      RequestBudget requestBudget = budget != null ? budget : new RequestBudget(settings.budget(), clock, metrics);
      DataverseTransport transport = new DataverseTransport(
          http, tokens, requestBudget, settings.retry(), settings.requestTimeout(), metrics, clock);
      return new DataverseClient(settings, transport);
    }

    /** HTTP/2 over TLS lets the concurrent requests share connections; plain http (the sandbox) stays on 1.1. */
    private HttpClient defaultHttpClient() {
      boolean tls = "https".equalsIgnoreCase(settings.environmentUrl().getScheme());
      return HttpClient.newBuilder()
          .connectTimeout(settings.connectTimeout())
          .version(tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
          .build();
    }
  }
}
