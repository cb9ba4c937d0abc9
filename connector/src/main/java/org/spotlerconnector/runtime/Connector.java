package org.spotlerconnector.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.config.ConfigException;
import org.spotlerconnector.config.ConfigProblem;
import org.spotlerconnector.config.ConnectorConfig;
import org.spotlerconnector.config.DataverseBudget;
import org.spotlerconnector.config.DataverseConfig;
import org.spotlerconnector.config.JobsConfig;
import org.spotlerconnector.config.OnChange;
import org.spotlerconnector.config.OutboundSyncConfig;
import org.spotlerconnector.config.SpotlerConfig;
import org.spotlerconnector.config.WebConfig;
import org.spotlerconnector.dataverse.BudgetSettings;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseSettings;
import org.spotlerconnector.jobs.AutomationRefreshSchedule;
import org.spotlerconnector.jobs.ContactPusher;
import org.spotlerconnector.jobs.JobRunner;
import org.spotlerconnector.jobs.JobSchema;
import org.spotlerconnector.jobs.JobTable;
import org.spotlerconnector.jobs.JobWorker;
import org.spotlerconnector.jobs.JobWorkerSettings;
import org.spotlerconnector.jobs.SyncContactJobs;
import org.spotlerconnector.mapping.OutboundMapper;
import org.spotlerconnector.mapping.SourceLocation;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.permissions.PermissionListRefresh;
import org.spotlerconnector.schema.DataverseSchemaReader;
import org.spotlerconnector.schema.MappingCheck;
import org.spotlerconnector.schema.SpotlerSchemaReader;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.MailPlusConfig;
import org.spotlerconnector.spotler.audience.SpotlerAudiences;
import org.spotlerconnector.spotler.automation.MailPlusAutomation;
import org.spotlerconnector.store.Store;
import org.spotlerconnector.sync.OutboundSync;
import org.spotlerconnector.sync.OutboundSyncSettings;
import org.spotlerconnector.sync.SyncListener;
import org.spotlerconnector.sync.SyncRequests;
import org.spotlerconnector.sync.TwoWayCheck;
import org.spotlerconnector.sync.inbound.InboundSync;
import org.spotlerconnector.sync.lists.ListRefreshSchedule;
import org.spotlerconnector.sync.lists.MarketingListSync;
import org.spotlerconnector.web.JobIntake;
import org.spotlerconnector.web.WebMetrics;
import org.spotlerconnector.web.WebServer;

/**
 * One connection at work: its two API clients, the local store and the sync flows, built from a validated
 * configuration. Opening it checks the mapping against both live schemas, so a bad mapping stops start-up with every
 * problem named before anything syncs.
 */
public final class Connector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Connector.class);
  /** The share of each published Dataverse limit the connector uses, leaving room for bursts and other callers. */
  private static final double BUDGET_SHARE = 0.9;
  /** Concurrent requests, well under the published 52, so that one connector never trips the limit. */
  private static final int MAX_CONCURRENCY = 32;

  private final ConnectorConfig config;
  private final DataverseClient dataverse;
  private final MailPlusClient spotler;
  private final Store store;
  private final OutboundSync outbound;
  private final Optional<InboundSync> inbound;
  private final Optional<JobWorker> jobs;
  private final Optional<AutomationRefreshSchedule> automationRefresh;
  private final Optional<PermissionListRefresh> permissionListRefresh;
  private final MarketingListSync marketingLists;
  private final Optional<ListRefreshSchedule> listRefresh;
  private final Optional<WebServer> web;

  private Connector(ConnectorConfig config, SyncListener listener, Clock clock) {
    this.config = config;
    this.dataverse = DataverseClient.create(dataverseSettings(config.dataverse()));
    this.spotler = MailPlusClient.create(spotlerConfig(config.spotler()));
    MappingCheck.Checked checked =
        new MappingCheck(new DataverseSchemaReader(dataverse), new SpotlerSchemaReader(spotler), config.spotler().timeZone())
            .checkKeepingSchemas(config.mapping());
    OutboundMapper mapper = checked.outbound();
    this.store = StoreOpener.open(config.store(), clock);
    Optional<InboundSide> inboundSide;
    Optional<PermissionSide> permissionSide;
    try {
      permissionSide = PermissionSide.of(config, dataverse, spotler);
      inboundSide = InboundSide.of(
          config, checked, dataverse, spotler, store, permissionSide.map(PermissionSide::permissions), clock);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    this.inbound = inboundSide.map(InboundSide::sync);
    this.permissionListRefresh = permissionSide.flatMap(PermissionSide::refresh);
    TwoWayCheck twoWay = inboundSide.map(InboundSide::twoWayCheck).orElse(TwoWayCheck.NONE);
    this.outbound = new OutboundSync(outboundSettings(config), dataverse, spotler, store, mapper, listener,
        syncRequests(), twoWay, permissionSide.map(PermissionSide::permissions), clock);
    ListSide lists = ListSide.of(config, dataverse, SpotlerAudiences.of(spotler), store, outbound, clock);
    this.marketingLists = lists.sync();
    this.listRefresh = lists.refresh();
    this.jobs = jobWorker(config.jobs(), clock);
    if (config.sync().outbound().onChange() == OnChange.JOB && jobs.isEmpty()) {
      store.close();
      throw new ConfigException(List.of(new ConfigProblem(SourceLocation.startOf("configuration"),
          "sync.outbound.onChange", "'job' needs Spotler Jobs: set jobs.enabled: true and run install first")));
    }
    this.automationRefresh = jobs.isPresent() && config.jobs().refreshesAutomations()
        ? Optional.of(automationRefresh(config.jobs()))
        : Optional.empty();
    this.web = webServer(config.web());
  }

  /** Where changed records go as Sync Contact jobs, when {@code sync.outbound.onChange} is {@code job}. */
  private SyncRequests syncRequests() {
    if (config.sync().outbound().onChange() != OnChange.JOB) {
      return SyncRequests.NONE;
    }
    return new SyncContactJobs(dataverse, new JobSchema(config.jobs().prefix(), config.jobs().optionValuePrefix()));
  }

  /** The web server, when switched on; Dataverse's webhooks nudge the job worker through it. */
  private Optional<WebServer> webServer(WebConfig settings) {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    String jobTable = new JobSchema(config.jobs().prefix(), config.jobs().optionValuePrefix()).column("spotlerjob");
    Optional<JobIntake> intake = jobs.map(worker -> worker::nudge);
    return Optional.of(new WebServer(
        new WebServer.Settings(settings.host(), settings.port(), settings.webhookKey().orElseThrow().reveal(),
            config.connection().id(), jobTable, intake),
        new WebMetrics()));
  }

  /** The job worker, or empty when jobs are switched off or their table is not installed (said in the log). */
  private Optional<JobWorker> jobWorker(JobsConfig settings, Clock clock) {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    JobSchema schema = new JobSchema(settings.prefix(), settings.optionValuePrefix());
    String jobTable = schema.column("spotlerjob");
    if (!new DataverseSchemaReader(dataverse).exists(jobTable)) {
      LOG.atWarn().addKeyValue("table", jobTable)
          .log("Spotler Jobs are off: the job table is not installed; run the install command, or set jobs.enabled: false");
      return Optional.empty();
    }
    JobRunner runner = new JobRunner(dataverse, MailPlusAutomation.of(spotler), SpotlerAudiences.of(spotler),
        marketingLists, schema, ContactPusher.through(outbound));
    JobWorkerSettings workerSettings = JobWorkerSettings.defaults()
        .withPollInterval(settings.pollInterval())
        .withThreads(settings.threads());
    workerSettings = workerSettings.withRetries(
        settings.maxAttempts(), workerSettings.firstRetry(), workerSettings.maxRetry());
    return Optional.of(new JobWorker(new JobTable(dataverse, schema), runner, workerSettings, clock));
  }

  /** Refreshes the automation table on {@code jobs.refreshAutomationsEvery}; a failed refresh is retried sooner. */
  private AutomationRefreshSchedule automationRefresh(JobsConfig settings) {
    return new AutomationRefreshSchedule(dataverse, MailPlusAutomation.of(spotler),
        new JobSchema(settings.prefix(), settings.optionValuePrefix()), settings.refreshAutomationsEvery(),
        JobWorkerSettings.defaults().firstRetry());
  }

  /**
   * Connects to both services, validates the mapping against their schemas and opens the store.
   *
   * @throws org.spotlerconnector.mapping.MappingException when the mapping does not fit the schemas (every problem listed)
   */
  public static Connector open(ConnectorConfig config, SyncListener listener, Clock clock) {
    return new Connector(config, listener, clock);
  }

  public ConnectorConfig config() {
    return config;
  }

  public DataverseClient dataverse() {
    return dataverse;
  }

  public MailPlusClient spotler() {
    return spotler;
  }

  public Store store() {
    return store;
  }

  public OutboundSync outbound() {
    return outbound;
  }

  /**
   * The inbound sync, when {@code sync.inbound.enabled} is on and the mapping has a row mapped {@code <-} or {@code
   * <->}.
   */
  public Optional<InboundSync> inbound() {
    return inbound;
  }

  /**
   * The refresh of the {@code <p>_permissions} environment variable from Spotler, when permissions are synced and
   * {@code sync.permissions.refreshEvery} is not off.
   */
  public Optional<PermissionListRefresh> permissionListRefresh() {
    return permissionListRefresh;
  }

  /** The marketing lists' sync to Spotler audiences. */
  public MarketingListSync marketingLists() {
    return marketingLists;
  }

  /** The Spotler Jobs worker, when jobs run on this connector. */
  public Optional<JobWorker> jobs() {
    return jobs;
  }

  /**
   * Starts the sync flows, the job worker and the scheduled refreshes of the automations, the permission list and the
   * marketing lists in the background.
   */
  public void start() {
    outbound.start();
    inbound.ifPresent(InboundSync::start);
    jobs.ifPresent(JobWorker::start);
    automationRefresh.ifPresent(AutomationRefreshSchedule::start);
    permissionListRefresh.ifPresent(PermissionListRefresh::start);
    listRefresh.ifPresent(ListRefreshSchedule::start);
    web.ifPresent(WebServer::start);
    LOG.atInfo().addKeyValue("connection", config.connection().id()).log("connector started");
  }

  @Override
  public void close() {
    web.ifPresent(WebServer::close);
    permissionListRefresh.ifPresent(PermissionListRefresh::close);
    listRefresh.ifPresent(ListRefreshSchedule::close);
    automationRefresh.ifPresent(AutomationRefreshSchedule::close);
    jobs.ifPresent(JobWorker::close);
    inbound.ifPresent(InboundSync::close);
    outbound.close();
    store.close();
  }

  /** The Dataverse client settings a configuration gives, with the connector's share of the service limits. */
  public static DataverseSettings dataverseSettings(DataverseConfig dv) {
    DataverseSettings.Builder builder = DataverseSettings.builder(
            dv.url(), tenantOf(dv), dv.clientId(), dv.clientSecret().reveal())
        .pageSize(dv.pageSize())
        .budget(budget(dv.budget()));
    dv.tokenUrl().ifPresent(builder::tokenEndpoint);
    dv.authority().ifPresent(authority -> builder.authorityHost(authority.resolve("/")));
    return builder.build();
  }

  private static String tenantOf(DataverseConfig dv) {
    if (dv.tenant().isPresent()) {
      return dv.tenant().get();
    }
    if (dv.authority().isPresent()) {
      String path = dv.authority().get().getPath().replaceAll("^/+|/+$", "");
      return path.isEmpty() ? "organizations" : path;
    }
    return "organizations"; // only a token URL is set: the tenant is part of it and never used on its own
  }

  static BudgetSettings budget(DataverseBudget limits) {
    return new BudgetSettings(
        Math.max(1, (int) (limits.requestsPerWindow() * BUDGET_SHARE)),
        limits.window(),
        Math.max(1, Math.min(MAX_CONCURRENCY, (int) (limits.maxConcurrentRequests() * BUDGET_SHARE))),
        Duration.ofMillis((long) (limits.executionTimePerWindow().toMillis() * BUDGET_SHARE)));
  }

  /** The Mail+ client settings a configuration gives. */
  public static MailPlusConfig spotlerConfig(SpotlerConfig sp) {
    return MailPlusConfig.builder(sp.consumerKey(), sp.consumerSecret().reveal())
        .baseUrl(sp.baseUrl())
        .requestsPerSecond(sp.requestsPerSecond())
        .build();
  }

  static OutboundSyncSettings outboundSettings(ConnectorConfig config) {
    OutboundSyncConfig outbound = config.sync().outbound();
    Set<SourceTable> tables = EnumSet.noneOf(SourceTable.class);
    for (SourceTable table : SourceTable.values()) {
      if (outbound.tables().enabled(table)) {
        tables.add(table);
      }
    }
    return OutboundSyncSettings.defaults(config.connection().id())
        .withTables(tables)
        .withPollInterval(outbound.pollInterval())
        .withContactsPerCall(outbound.batchSize())
        .withRemovals(outbound.onInactive(), outbound.onDelete(), outbound.onDoNotEmail())
        .withOnChange(outbound.onChange());
  }

}
