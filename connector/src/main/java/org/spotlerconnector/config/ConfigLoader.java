package org.spotlerconnector.config;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.spotlerconnector.mapping.FieldMapping;
import org.spotlerconnector.mapping.SourceLocation;

/**
 * Reads the connector's YAML configuration file into a {@link ConnectorConfig}.
 *
 * <p>Secrets stay out of the file through placeholders, in any value: {@code ${ENV_VAR}}, {@code ${ENV_VAR:-default}}
 * and {@code ${file:/run/secrets/name}} (the file's contents, for Docker and Kubernetes secrets; relative paths start
 * at the configuration file's directory); {@code $${} writes a literal {@code ${}.
 *
 * <p>A file that cannot be used stops start-up with one {@link ConfigException} listing every problem, each with file,
 * line, column, the setting and what to do, e.g. {@code connector.yml:3:1: dataverse.url: missing; set it to your
 * environment URL, e.g. https://contoso.crm4.dynamics.com}. Unknown settings are problems too, with the closest known
 * name. Secret values never appear in a problem or in the configuration's {@code toString}.
 *
 * <p>Whether the mapping's fields and columns exist is checked later, against the live schemas, by {@link
 * org.spotlerconnector.mapping.MappingValidator}.
 */
public final class ConfigLoader {
  static final String CONNECTION = "connection";
  static final String DATAVERSE = "dataverse";
  static final String SPOTLER = "spotler";
  static final String STORE = "store";
  static final String SYNC = "sync";
  static final String MAPPING = "mapping";
  static final String JOBS = "jobs";
  static final String WEB = "web";
  private static final Set<String> ROOT_KEYS = Set.of(CONNECTION, DATAVERSE, SPOTLER, STORE, SYNC, JOBS, WEB, MAPPING);

  private final Function<String, String> environment;

  /**
   * @param environment looks up environment variables for placeholders; returns {@code null} for an unset one
   */
  public ConfigLoader(Function<String, String> environment) {
    this.environment = environment;
  }

  public static ConfigLoader fromSystemEnvironment() {
    return new ConfigLoader(System::getenv);
  }

  /**
   * @throws ConfigException listing every problem in the file (or that it cannot be read)
   */
  public ConnectorConfig load(Path file) {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  SourceLocation.startOf(file.toString()),
                  "",
                  "cannot read the configuration file (" + e.getClass().getSimpleName()
                      + "); check the path and that the connector may read it")));
    }
    Path directory = file.toAbsolutePath().getParent();
    return parse(file.toString(), content, directory == null ? Path.of("") : directory);
  }

  /**
   * Reads configuration text; relative {@code ${file:...}} paths start at the working directory.
   *
   * @param fileName how problems name the source, e.g. {@code connector.yml}
   * @throws ConfigException listing every problem
   */
  public ConnectorConfig load(String fileName, String content) {
    return parse(fileName, content, Path.of(""));
  }

  private ConnectorConfig parse(String fileName, String content, Path directory) {
    Problems problems = new Problems();
    Optional<YamlNode> root = new YamlTreeReader(fileName, problems).read(content);
    if (root.isEmpty()) {
      problems.throwIfAny();
    }
    Section config =
        Section.root(
            root,
            fileName,
            "the file must be a section with the settings " + String.join(", ", ROOT_KEYS.stream().sorted().toList()),
            problems,
            new Placeholders(environment, directory));
    config.allowOnly(ROOT_KEYS);
    ConnectionConfig connection = connection(config.section(CONNECTION));
    Optional<DataverseConfig> dataverse = dataverse(config.section(DATAVERSE));
    Optional<SpotlerConfig> spotler = spotler(config.section(SPOTLER));
    StoreConfig store = store(config.section(STORE));
    SyncConfig sync = sync(config.section(SYNC));
    JobsConfig jobs = jobs(config.section(JOBS));
    WebConfig web = web(config.section(WEB));
    List<FieldMapping> mapping = mapping(config);
    problems.throwIfAny();
    return new ConnectorConfig(
        connection, dataverse.orElseThrow(), spotler.orElseThrow(), store, sync, jobs, web, mapping);
  }

  private static ConnectionConfig connection(Section section) {
    section.allowOnly(Set.of("id"));
    return new ConnectionConfig(section.optional("id", ConnectionConfig.DEFAULT_ID, ConfigValues::connectionId));
  }

  private static Optional<DataverseConfig> dataverse(Section section) {
    section.allowOnly(
        Set.of("url", "tenant", "clientId", "clientSecret", "authority", "tokenUrl", "pageSize", "budget"));
    Optional<URI> url =
        section.required(
            "url",
            ConfigValues::httpUrl,
            "set it to your environment URL, e.g. https://contoso.crm4.dynamics.com");
    int before = section.problems().count();
    Optional<String> tenant = section.text("tenant");
    Optional<URI> authority = section.optional("authority", ConfigValues::httpsUrl);
    Optional<URI> tokenUrl = section.optional("tokenUrl", ConfigValues::httpUrl);
    if (tenant.isEmpty() && authority.isEmpty() && tokenUrl.isEmpty() && section.problems().count() == before) {
      section.problems().add(
          section.locationOf("tenant"),
          section.pathOf("tenant"),
          "missing; set it to your Entra ID tenant id or domain, e.g. contoso.onmicrosoft.com");
    }
    Optional<String> clientId =
        section.required(
            "clientId", ConfigValues::text, "set it to the application (client) id of the app registration");
    Optional<Secret> clientSecret =
        section.requiredSecret(
            "clientSecret",
            "set it to the app registration's client secret, e.g. ${DATAVERSE_CLIENT_SECRET} or"
                + " ${file:/run/secrets/dataverse-client-secret}");
    int pageSize =
        section.optional(
            "pageSize",
            DataverseConfig.DEFAULT_PAGE_SIZE,
            ConfigValues.wholeNumber(1, DataverseConfig.MAX_PAGE_SIZE));
    DataverseBudget budget = budget(section.section("budget"));
    if (url.isEmpty() || clientId.isEmpty() || clientSecret.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new DataverseConfig(
            url.get(), tenant, clientId.get(), clientSecret.get(), authority, tokenUrl, pageSize, budget));
  }

  private static DataverseBudget budget(Section section) {
    section.allowOnly(
        Set.of("requestsPerWindow", "executionTimePerWindow", "window", "maxConcurrentRequests"));
    return new DataverseBudget(
        section.optional(
            "requestsPerWindow",
            DataverseBudget.DEFAULT_REQUESTS_PER_WINDOW,
            ConfigValues.wholeNumber(1, Integer.MAX_VALUE)),
        section.optional(
            "executionTimePerWindow",
            DataverseBudget.DEFAULT_EXECUTION_TIME_PER_WINDOW,
            ConfigValues::positiveDuration),
        section.optional("window", DataverseBudget.DEFAULT_WINDOW, ConfigValues::positiveDuration),
        section.optional(
            "maxConcurrentRequests",
            DataverseBudget.DEFAULT_MAX_CONCURRENT_REQUESTS,
            ConfigValues.wholeNumber(1, Integer.MAX_VALUE)));
  }

  private static Optional<SpotlerConfig> spotler(Section section) {
    section.allowOnly(Set.of("baseUrl", "consumerKey", "consumerSecret", "requestsPerSecond", "timeZone"));
    URI baseUrl =
        section.optional("baseUrl", URI.create(SpotlerConfig.DEFAULT_BASE_URL), ConfigValues::httpUrl);
    Optional<String> consumerKey =
        section.required(
            "consumerKey",
            ConfigValues::text,
            "set it to the REST API consumer key from Spotler Mail+ (Settings, API), e.g. ${SPOTLER_CONSUMER_KEY}");
    Optional<Secret> consumerSecret =
        section.requiredSecret(
            "consumerSecret",
            "set it to the REST API consumer secret from Spotler Mail+, e.g. ${SPOTLER_CONSUMER_SECRET}");
    double requestsPerSecond =
        section.optional(
            "requestsPerSecond", SpotlerConfig.DEFAULT_REQUESTS_PER_SECOND, ConfigValues::positiveNumber);
    ZoneId timeZone = section.optional("timeZone", SpotlerConfig.DEFAULT_TIME_ZONE, ConfigValues::zone);
    if (consumerKey.isEmpty() || consumerSecret.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SpotlerConfig(baseUrl, consumerKey.get(), consumerSecret.get(), requestsPerSecond, timeZone));
  }

  private static StoreConfig store(Section section) {
    section.allowOnly(Set.of("url", "user", "password"));
    return new StoreConfig(
        section.optionalSensitive("url", StoreConfig.DEFAULT_URL, ConfigValues::jdbcUrl),
        section.text("user").map(String::strip),
        section.optionalSecret("password"));
  }

  private static SyncConfig sync(Section section) {
    section.allowOnly(Set.of("outbound", "inbound", "permissions", "lists"));
    return new SyncConfig(outbound(section.section("outbound")), InboundSyncReader.read(section.section("inbound")),
        permissions(section.section("permissions")), lists(section.section("lists")));
  }

  private static ListsSyncConfig lists(Section section) {
    section.allowOnly(Set.of("refreshEvery", "onRemove"));
    return new ListsSyncConfig(
        section.optional("refreshEvery", ListsSyncConfig.DEFAULT_REFRESH_EVERY, ConfigLoader::intervalOrOff),
        section.optional("onRemove", AudienceRemoval.DEFAULT, AudienceRemoval::parse));
  }

  private static PermissionsSyncConfig permissions(Section section) {
    section.allowOnly(Set.of("refreshEvery"));
    return new PermissionsSyncConfig(section.optional(
        "refreshEvery", PermissionsSyncConfig.DEFAULT_REFRESH_EVERY, ConfigLoader::intervalOrOff));
  }

  private static OutboundSyncConfig outbound(Section section) {
    section.allowOnly(Set.of("tables", "pollInterval", "batchSize", "onInactive", "onDelete", "onDoNotEmail", "onChange"));
    Section tables = section.section("tables");
    tables.allowOnly(Set.of("contact", "lead", "account"));
    Duration pollInterval =
        section.optional("pollInterval", OutboundSyncConfig.DEFAULT_POLL_INTERVAL, ConfigValues::positiveDuration);
    return new OutboundSyncConfig(
        new OutboundTables(
            tables.optional("contact", true, ConfigValues::bool),
            tables.optional("lead", true, ConfigValues::bool),
            tables.optional("account", true, ConfigValues::bool)),
        pollInterval,
        section.optional(
            "batchSize",
            OutboundSyncConfig.DEFAULT_BATCH_SIZE,
            ConfigValues.wholeNumber(1, OutboundSyncConfig.MAX_BATCH_SIZE)),
        section.optional("onInactive", RemovalAction.DEFAULT, RemovalAction::parse),
        section.optional("onDelete", RemovalAction.DEFAULT, RemovalAction::parse),
        section.optional("onDoNotEmail", RemovalAction.DEFAULT, RemovalAction::parse),
        section.optional("onChange", OnChange.DEFAULT, OnChange::parse));
  }

  private static JobsConfig jobs(Section section) {
    section.allowOnly(Set.of(
        "enabled", "prefix", "optionValuePrefix", "pollInterval", "threads", "maxAttempts", "refreshAutomationsEvery"));
    return new JobsConfig(
        section.optional("enabled", true, ConfigValues::bool),
        section.optional("prefix", JobsConfig.DEFAULT_PREFIX, ConfigLoader::customisationPrefix),
        section.optional("optionValuePrefix", JobsConfig.DEFAULT_OPTION_VALUE_PREFIX, ConfigValues.wholeNumber(10_000, 99_999)),
        section.optional("pollInterval", JobsConfig.DEFAULT_POLL_INTERVAL, ConfigValues::positiveDuration),
        section.optional("threads", JobsConfig.DEFAULT_THREADS, ConfigValues.wholeNumber(1, 32)),
        section.optional("maxAttempts", JobsConfig.DEFAULT_MAX_ATTEMPTS, ConfigValues.wholeNumber(1, 20)),
        section.optional(
            "refreshAutomationsEvery", JobsConfig.DEFAULT_REFRESH_AUTOMATIONS_EVERY, ConfigLoader::intervalOrOff));
  }

  /** A positive duration, or {@code off} (or {@code 0}) for never: {@link Duration#ZERO}. */
  private static Duration intervalOrOff(String text) {
    String value = text.strip();
    if (value.equalsIgnoreCase("off") || value.equals("0")) {
      return Duration.ZERO;
    }
    try {
      return ConfigValues.positiveDuration(value);
    } catch (IllegalArgumentException invalid) {
      throw new IllegalArgumentException(invalid.getMessage() + ", or off");
    }
  }

  private static WebConfig web(Section section) {
    section.allowOnly(Set.of("enabled", "host", "port", "webhookKey"));
    boolean enabled = section.optional("enabled", false, ConfigValues::bool);
    String host = section.optional("host", WebConfig.DEFAULT_HOST, ConfigValues::text);
    int port = section.optional("port", WebConfig.DEFAULT_PORT, ConfigValues.wholeNumber(1, 65_535));
    Optional<Secret> webhookKey = enabled
        ? section.requiredSecret("webhookKey",
            "set it to a long random key that Dataverse sends with each webhook, e.g. ${SPOTLER_WEBHOOK_KEY}")
        : section.optionalSecret("webhookKey");
    // A missing key is a problem already; the whole list is thrown before this half-read section is used.
    return new WebConfig(enabled && webhookKey.isPresent(), host, port, webhookKey);
  }

  private static String customisationPrefix(String text) {
    String prefix = text.strip();
    if (!prefix.matches("[a-z][a-z0-9]{1,7}")) {
      throw new IllegalArgumentException("write 2 to 8 lower-case letters or digits, starting with a letter, e.g. spot");
    }
    return prefix;
  }

  private static List<FieldMapping> mapping(Section config) {
    return config
        .list(MAPPING)
        .map(
            list -> {
              if (list.items().isEmpty()) {
                config.problems().add(
                    list.location(),
                    MAPPING,
                    "empty; add mapping rows, or leave mapping out to use the default mapping");
              }
              return MappingRowsReader.read(config, MAPPING, list);
            })
        .orElseGet(DefaultMapping::rows);
  }
}
