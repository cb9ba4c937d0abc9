package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.sandbox.entra.AccessTokens;
import org.spotlerconnector.sandbox.http.Emulator;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The Dataverse Web API ({@code /api/data/v9.2/}) of one environment, in memory, following the documented behaviour in
 * dataverse-api.md: bearer tokens from the Entra ID emulator, queries with paging, single-row operations with
 * optimistic concurrency, change tracking, {@code $batch}, bulk messages and service protection limits; custom tables,
 * columns, relationships and keys created through the metadata Web API; publishers, solutions, environment variables
 * and security roles; and webhooks sent for registered steps (see {@link #webhookDeliveries()}). With the marketing
 * list tables (an environment with Dynamics 365 Sales), also {@code lists}, {@code listmembers} and the list actions
 * (see {@link #marketingLists()}); FetchXML queries work on every table.
 *
 * <p>The environment URL (the token audience and the base of every URL in answers) can be fixed with
 * {@link #environmentUrl(String)}; until then it is taken from each request's {@code Host} header, which suits a
 * server started on a free port.
 *
 * <p>Thread-safe: any number of clients and in-process callers may use it at once.
 */
public final class DataverseEmulator implements Emulator {
  private static final Logger LOG = LoggerFactory.getLogger(DataverseEmulator.class);
  private static final String DEFAULT_AUTHORIZATION_URI = "https://login.microsoftonline.com/common/oauth2/authorize";
  private static final UUID SYSTEM_USER_ID = UUID.fromString("a2c4e6f8-0b1d-4f3a-8c5e-7a9b1c3d5e7f");
  private static final Map<Integer, String> FAULT_MESSAGES =
      Map.of(
          400, "Bad Request",
          401, "The access token is invalid or has expired.",
          403, "Principal user is missing privilege.",
          404, "Resource not found.",
          500, "An unexpected error occurred.",
          502, "Bad Gateway.",
          503, "The service is temporarily unavailable. Please try again later.",
          504, "The request timed out.");

  private final DataverseStore store;
  private final Records records;
  private final ServiceProtection protection;
  private final BearerAuthentication authentication;
  private final DataverseApi api;
  private final SystemRows systemRows;
  private final WebhookDeliveries webhookDeliveries = new WebhookDeliveries();
  private final WebhookSender webhookSender;
  private final Inspection inspection = new Inspection(this);
  private final MarketingLists marketingLists;
  private volatile String environmentUrl;
  private volatile String authorizationUri = DEFAULT_AUTHORIZATION_URI;
  private volatile Duration changeTrackingRetention = ChangeTracking.DEFAULT_RETENTION;

  /**
   * An environment with the marketing list tables, whose URL is taken from each request's {@code Host} header until
   * one is set.
   */
  public DataverseEmulator(AccessTokens tokens) {
    this(tokens, null, true);
  }

  /**
   * @param environmentUrl e.g. {@code http://127.0.0.1:7402}; the audience tokens must carry. May be null.
   * @param marketingLists whether the environment has the marketing list tables; Power Apps without Dynamics 365
   *     Sales has none (dataverse-api.md §4.1: "Added by the Marketing Solution")
   */
  public DataverseEmulator(AccessTokens tokens, String environmentUrl, boolean marketingLists) {
    List<TableDefinition> tables = new ArrayList<>(BuiltInTables.all());
    tables.addAll(SystemTables.all());
    if (marketingLists) {
      tables.addAll(MarketingListTables.all());
    }
    this.store = new DataverseStore(tokens.clock(), tables);
    this.records = new Records(store);
    this.webhookSender = new WebhookSender(tokens.clock(), webhookDeliveries, new AsyncJobs(store, records));
    SystemTableRules systemRules = new SystemTableRules(store, SystemRows.ROOT_BUSINESS_UNIT);
    if (marketingLists) {
      records.rules(RowRules.all(systemRules, new MarketingListRules(store)));
      records.cascade(new MarketingListCascade(store, records));
    } else {
      records.rules(systemRules);
    }
    this.marketingLists = marketingLists ? new MarketingLists(store, records, SYSTEM_USER_ID) : null;
    records.listener(new WebhookSteps(store, webhookSender, this::organizationDomain));
    this.protection = new ServiceProtection(tokens.clock());
    this.authentication = new BearerAuthentication(tokens);
    this.api =
        new DataverseApi(
            store, records, () -> changeTrackingRetention, this::inProcessContext, protection::count, this::addTable);
    // privileges are named after the tables' schema names, which the metadata API knows
    this.systemRows = new SystemRows(store, records, SYSTEM_USER_ID, api.metadata()::schemaName);
    environmentUrl(environmentUrl);
    createSystemUser();
    systemRows.seed();
  }

  @Override
  public String name() {
    return "dataverse";
  }

  /** Fixes the environment URL, e.g. once the server knows its port; null goes back to the Host header. */
  public DataverseEmulator environmentUrl(String url) {
    this.environmentUrl = url == null ? null : stripTrailingSlashes(url);
    return this;
  }

  /** The {@code authorization_uri} announced in the 401 challenge, e.g. the Entra ID emulator's authorize URL. */
  public DataverseEmulator authorizationUri(String uri) {
    this.authorizationUri = Objects.requireNonNull(uri, "uri");
    return this;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    String environment = environmentUrl(request);
    try {
      String clientId = authentication.authenticate(request, environment, authorizationUri);
      try (ServiceProtection.Admission admission = protection.admit(clientId)) {
        CallContext context =
            new CallContext(environment + DataverseApi.SERVICE_PATH, applicationUser(clientId), clientId);
        return api.handle(request, context)
            .header("x-ms-ratelimit-burst-remaining-xrm-requests", String.valueOf(admission.remainingRequests()))
            .header("x-ms-ratelimit-time-remaining-xrm-requests", String.valueOf(admission.remainingMillis()));
      }
    } catch (DataverseException e) {
      if (e.status() == 429) {
        LOG.atDebug().addKeyValue("code", e.code()).log("request refused by service protection");
      }
      return ODataResponses.error(e);
    }
  }

  @Override
  public Optional<HttpResponse> inspect(HttpRequest request) {
    return inspection.handle(request);
  }

  /** An injected fault in Dataverse's error format; a 429 carries the request count error of the service limits. */
  @Override
  public HttpResponse faultResponse(int status, Integer retryAfterSeconds) {
    HttpResponse response =
        status == 429
            ? ODataResponses.error(429, ServiceProtection.REQUESTS_EXCEEDED, protection.requestLimitMessage())
            : ODataResponses.error(
                status, DataverseException.UNEXPECTED, FAULT_MESSAGES.getOrDefault(status, "The request failed."));
    if (retryAfterSeconds != null) {
      response.header("Retry-After", String.valueOf(retryAfterSeconds));
    }
    return response;
  }

  @Override
  public HttpResponse errorResponse(Throwable error) {
    LOG.atError().setCause(error).log("request failed unexpectedly");
    return ODataResponses.error(500, DataverseException.UNEXPECTED, "An unexpected error occurred.");
  }

  /** One table by entity set name, e.g. {@code contacts}. */
  public DataverseTable table(String entitySet) {
    return findTable(entitySet)
        .orElseThrow(() -> new IllegalArgumentException("no table with entity set " + entitySet));
  }

  public Optional<DataverseTable> findTable(String entitySet) {
    return store.byEntitySet(entitySet).map(t -> new DataverseTable(store, records, t, SYSTEM_USER_ID));
  }

  /** Whether the environment has the marketing list tables. */
  public boolean hasMarketingLists() {
    return marketingLists != null;
  }

  /**
   * Marketing lists in-process.
   *
   * @throws IllegalStateException when the environment has no marketing list tables
   */
  public MarketingLists marketingLists() {
    if (marketingLists == null) {
      throw new IllegalStateException("this environment has no marketing lists (Dynamics 365 Sales is not installed)");
    }
    return marketingLists;
  }

  /** The definitions of all tables, built-in and added. */
  public List<TableDefinition> definitions() {
    return store.tables().stream().map(TableStore::definition).toList();
  }

  /** Adds a table, or replaces the definition of the table with the same logical name, keeping its rows. */
  public void addTable(TableDefinition definition) {
    store.addTable(definition);
    systemRows.addTableRows(definition);
  }

  public ServiceProtectionLimits limits() {
    return protection.limits();
  }

  public void limits(ServiceProtectionLimits limits) {
    protection.limits(Objects.requireNonNull(limits, "limits"));
  }

  /** How many requests of a client are being handled right now. */
  public int inFlight(String clientId) {
    return protection.inFlight(clientId);
  }

  /** How long a delta token stays valid (Dataverse's ExpireChangeTrackingInDays; 7 days by default). */
  public Duration changeTrackingRetention() {
    return changeTrackingRetention;
  }

  public void changeTrackingRetention(Duration retention) {
    if (retention == null || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive");
    }
    this.changeTrackingRetention = retention;
  }

  /**
   * The webhooks sent for registered steps, oldest first (the most recent 10,000), with their status: pending,
   * delivered or failed. Failed asynchronous runs are also system jobs ({@code asyncoperations}, statuscode 31).
   */
  public List<WebhookDelivery> webhookDeliveries() {
    return webhookDeliveries.all();
  }

  /** Forgets the finished webhook deliveries; pending ones stay until they finish. */
  public void clearWebhookDeliveries() {
    webhookDeliveries.clear();
  }

  /**
   * Waits until no webhook is being sent; false when the timeout passed first.
   *
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public boolean awaitWebhooks(Duration timeout) throws InterruptedException {
    return webhookDeliveries.awaitIdle(timeout);
  }

  /** How long a webhook endpoint has to answer (60 seconds, as documented, unless changed). */
  public Duration webhookTimeout() {
    return webhookSender.timeout();
  }

  /** Changes how long a webhook endpoint has to answer, e.g. to test timeouts quickly. */
  public DataverseEmulator webhookTimeout(Duration timeout) {
    webhookSender.timeout(timeout);
    return this;
  }

  /**
   * Runs work as one transaction: while it runs no one else reads or writes, and if it throws every row change made
   * inside is undone.
   */
  public <T> T atomically(Callable<T> work) throws Exception {
    return store.atomically(work);
  }

  /**
   * Deletes all rows of all tables (tables added at run time stay) and puts back the rows every environment starts
   * with, forgets service protection usage and finished webhook deliveries, and restores the default limits,
   * retention and webhook timeout. Delta tokens issued before are refused as expired.
   */
  public void reset() {
    store.clear();
    protection.reset();
    changeTrackingRetention = ChangeTracking.DEFAULT_RETENTION;
    webhookSender.timeout(WebhookSender.DEFAULT_TIMEOUT);
    webhookDeliveries.clear();
    createSystemUser();
    systemRows.seed();
  }

  private String environmentUrl(HttpRequest request) {
    String fixed = environmentUrl;
    return fixed != null ? fixed : "http://" + request.header("Host").orElse("127.0.0.1");
  }

  /** The {@code x-ms-dynamics-organization} header of webhooks: the host name of the environment URL. */
  private String organizationDomain() {
    String fixed = environmentUrl;
    return fixed == null ? "127.0.0.1" : URI.create(fixed).getHost();
  }

  private CallContext inProcessContext() {
    String fixed = environmentUrl;
    String environment = fixed == null ? "http://127.0.0.1" : fixed;
    return new CallContext(environment + DataverseApi.SERVICE_PATH, SYSTEM_USER_ID, null);
  }

  /** The application user of a client id (one per client, as Dataverse requires), created on its first call. */
  private UUID applicationUser(String clientId) {
    UUID id = UUID.nameUUIDFromBytes(("application user " + clientId).getBytes(StandardCharsets.UTF_8));
    TableStore users = systemUsers();
    if (store.read(() -> users.get(id)) == null) {
      ObjectNode user = Json.object();
      user.put("firstname", "#");
      user.put("lastname", clientId.length() > 64 ? clientId.substring(0, 64) : clientId);
      user.put("accessmode", 4);
      ColumnValues.parseGuid(clientId).ifPresent(app -> user.put("applicationid", app.toString()));
      createUserIfMissing(users, id, user);
    }
    return id;
  }

  private void createSystemUser() {
    ObjectNode user = Json.object();
    user.put("firstname", "SYSTEM");
    user.put("accessmode", 4);
    createUserIfMissing(systemUsers(), SYSTEM_USER_ID, user);
  }

  private void createUserIfMissing(TableStore users, UUID id, ObjectNode user) {
    store.transaction(
        () ->
            users.get(id) != null
                ? null
                : records.create(users, id, PayloadReader.readStoredForm(users.definition(), user), SYSTEM_USER_ID));
  }

  private TableStore systemUsers() {
    return store.byLogicalName("systemuser").orElseThrow();
  }

  private static String stripTrailingSlashes(String url) {
    String trimmed = url.trim();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }
}
