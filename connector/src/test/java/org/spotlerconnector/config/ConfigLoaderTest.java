package org.spotlerconnector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.mapping.ColumnExpression.RelatedColumn;
import org.spotlerconnector.mapping.Direction;
import org.spotlerconnector.mapping.FieldMapping;
import org.spotlerconnector.mapping.SourceLocation;

class ConfigLoaderTest {
  private static final String SECRET = "s3cr3t-Value";
  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          "DV_CLIENT_SECRET", SECRET,
          "SPOTLER_KEY", "key-123",
          "SPOTLER_SECRET", SECRET + "-spotler",
          "PG_PASSWORD", SECRET + "-pg");

  private static final String MINIMAL =
      """
      dataverse:
        url: https://contoso.crm4.dynamics.com/
        tenant: contoso.onmicrosoft.com
        clientId: 11111111-2222-3333-4444-555555555555
        clientSecret: ${DV_CLIENT_SECRET}
      spotler:
        consumerKey: ${SPOTLER_KEY}
        consumerSecret: ${SPOTLER_SECRET}
      """;

  private final ConfigLoader loader = new ConfigLoader(ENVIRONMENT::get);

  private ConnectorConfig load(String yaml) {
    return loader.load("connector.yml", yaml);
  }

  private List<String> problems(String yaml) {
    try {
      load(yaml);
    } catch (ConfigException e) {
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
    throw new AssertionError("expected the configuration to be refused");
  }

  @Test
  void reads_a_minimal_file_filling_placeholders_from_the_environment() {
    ConnectorConfig config = load(MINIMAL);

    DataverseConfig dataverse = config.dataverse();
    assertThat(dataverse.url()).isEqualTo(URI.create("https://contoso.crm4.dynamics.com"));
    assertThat(dataverse.tenant()).contains("contoso.onmicrosoft.com");
    assertThat(dataverse.clientSecret().reveal()).isEqualTo(SECRET);
    assertThat(dataverse.effectiveAuthority())
        .isEqualTo(URI.create("https://login.microsoftonline.com/contoso.onmicrosoft.com"));
    assertThat(dataverse.scope()).isEqualTo("https://contoso.crm4.dynamics.com/.default");
    assertThat(config.spotler().consumerKey()).isEqualTo("key-123");
    assertThat(config.spotler().consumerSecret().reveal()).isEqualTo(SECRET + "-spotler");
  }

  @Test
  void applies_the_documented_defaults() {
    ConnectorConfig config = load(MINIMAL);

    assertThat(config.connection()).isEqualTo(ConnectionConfig.DEFAULT);
    assertThat(config.dataverse().pageSize()).isEqualTo(DataverseConfig.DEFAULT_PAGE_SIZE);
    assertThat(config.dataverse().budget()).isEqualTo(DataverseBudget.DEFAULT);
    assertThat(config.dataverse().authority()).isEmpty();
    assertThat(config.dataverse().tokenUrl()).isEmpty();
    assertThat(config.spotler().baseUrl()).isEqualTo(URI.create(SpotlerConfig.DEFAULT_BASE_URL));
    assertThat(config.spotler().requestsPerSecond()).isEqualTo(SpotlerConfig.DEFAULT_REQUESTS_PER_SECOND);
    assertThat(config.spotler().timeZone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
    assertThat(config.store()).isEqualTo(StoreConfig.DEFAULT);
    assertThat(config.sync()).isEqualTo(SyncConfig.DEFAULT);
    assertThat(config.sync().outbound().pollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.sync().outbound().onDelete()).isEqualTo(RemovalAction.ANONYMIZE);
    assertThat(config.mapping()).isEqualTo(DefaultMapping.rows());
  }

  @Test
  void reads_every_setting() {
    ConnectorConfig config =
        load(
            """
            connection:
              id: contoso-prod
            dataverse:
              url: https://contoso.crm4.dynamics.com
              clientId: app
              clientSecret: ${DV_CLIENT_SECRET}
              tokenUrl: http://127.0.0.1:8081/token
              pageSize: 500
              budget:
                requestsPerWindow: 3000
                executionTimePerWindow: 10m
                window: PT5M
                maxConcurrentRequests: 8
            spotler:
              baseUrl: http://127.0.0.1:8082/integrationservice
              consumerKey: key
              consumerSecret: ${SPOTLER_SECRET}
              requestsPerSecond: 2.5
              timeZone: UTC
            store:
              url: jdbc:postgresql://db/connector
              user: connector
              password: ${PG_PASSWORD}
            sync:
              outbound:
                tables: {contact: true, lead: false, account: false}
                pollInterval: 1m30s
                batchSize: 50
                onInactive: ignore
                onDelete: clear-permissions
                onDoNotEmail: anonymize
            mapping:
              - spotler: organisation
                contact: parentcustomerid_account.name
                direction: <->
                filter: statecode=0
            """);

    assertThat(config.connection().id()).isEqualTo("contoso-prod");
    assertThat(config.dataverse().tenant()).isEmpty();
    assertThat(config.dataverse().tokenUrl()).contains(URI.create("http://127.0.0.1:8081/token"));
    assertThat(config.dataverse().pageSize()).isEqualTo(500);
    assertThat(config.dataverse().budget())
        .isEqualTo(new DataverseBudget(3000, Duration.ofMinutes(10), Duration.ofMinutes(5), 8));
    assertThat(config.spotler().requestsPerSecond()).isEqualTo(2.5);
    assertThat(config.spotler().timeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(config.store().postgres()).isTrue();
    assertThat(config.store().user()).contains("connector");
    assertThat(config.store().password().map(Secret::reveal)).contains(SECRET + "-pg");
    OutboundSyncConfig outbound = config.sync().outbound();
    assertThat(outbound.tables()).isEqualTo(new OutboundTables(true, false, false));
    assertThat(outbound.pollInterval()).isEqualTo(Duration.ofSeconds(90));
    assertThat(outbound.batchSize()).isEqualTo(50);
    assertThat(List.of(outbound.onInactive(), outbound.onDelete(), outbound.onDoNotEmail()))
        .containsExactly(RemovalAction.IGNORE, RemovalAction.CLEAR_PERMISSIONS, RemovalAction.ANONYMIZE);
    FieldMapping row = config.mapping().get(0);
    assertThat(row.spotlerField()).isEqualTo("organisation");
    assertThat(row.contactColumn()).contains(new RelatedColumn("parentcustomerid_account", "name"));
    assertThat(row.direction()).isEqualTo(Direction.BOTH);
    assertThat(row.filter().orElseThrow().text()).isEqualTo("statecode=0");
    assertThat(row.location()).isEqualTo(new SourceLocation("connector.yml", 33, 5));
  }

  @Test
  void uses_the_default_of_a_placeholder_when_the_variable_is_unset_or_empty() {
    ConfigLoader withEmpty = new ConfigLoader(Map.of("EMPTY", "")::get);
    String yaml = MINIMAL.replace("clientSecret: ${DV_CLIENT_SECRET}", "clientSecret: ${EMPTY:-fallback}")
        .replace("consumerKey: ${SPOTLER_KEY}", "consumerKey: ${UNSET_KEY:-key-${EMPTY:-x}}")
        .replace("consumerSecret: ${SPOTLER_SECRET}", "consumerSecret: literal");

    ConnectorConfig config = withEmpty.load("connector.yml", yaml);

    assertThat(config.dataverse().clientSecret().reveal()).isEqualTo("fallback");
    assertThat(config.spotler().consumerKey()).startsWith("key-");
  }

  @Test
  void keeps_dollar_values_and_escaped_placeholders_as_written() {
    ConnectorConfig config =
        load(
            MINIMAL
                + """
                mapping:
                  - spotler: customerType
                    contact: $CustomerType
                  - spotler: taal
                    contact: $value:$${NOT_A_VARIABLE}
                """);

    assertThat(config.mapping().get(0).contactColumn().orElseThrow().text()).isEqualTo("$CustomerType");
    assertThat(config.mapping().get(1).contactColumn().orElseThrow().text()).isEqualTo("$value:${NOT_A_VARIABLE}");
  }

  @Test
  void reads_secrets_from_files_relative_to_the_configuration_file(@TempDir Path directory) throws Exception {
    Files.writeString(directory.resolve("dataverse-secret"), SECRET + "\n");
    Path file = directory.resolve("connector.yml");
    Files.writeString(file, MINIMAL.replace("${DV_CLIENT_SECRET}", "${file:dataverse-secret}"));

    assertThat(loader.load(file).dataverse().clientSecret().reveal()).isEqualTo(SECRET);
  }

  @Test
  void lists_every_problem_with_file_line_column_and_what_to_fix() {
    List<String> problems =
        problems(
            """
            dataverse:
              tenant: contoso.onmicrosoft.com
              clientId: app
              clientSecret: ${MISSING_SECRET}
              pagesize: 100
            spotler:
              consumerKey: key
              consumerSecret: secret
              requestsPerSecond: fast
            sync:
              outbound:
                pollInterval: 5 seconds
                batchSize: 500
                onDelete: remove
            mapping:
              - spotler: organisation
                contact: parentcustomerid_account.primarycontactid.fullname
                direction: =>
            """);

    assertThat(problems)
        .containsExactly(
            "connector.yml:1:1: dataverse.url: missing; set it to your environment URL,"
                + " e.g. https://contoso.crm4.dynamics.com",
            "connector.yml:4:17: dataverse.clientSecret: environment variable MISSING_SECRET is not set;"
                + " set it, or give a default with ${MISSING_SECRET:-value}",
            "connector.yml:5:3: dataverse.pagesize: unknown setting; did you mean 'pageSize'?;"
                + " known here: authority, budget, clientId, clientSecret, pageSize, tenant, tokenUrl, url",
            "connector.yml:9:22: spotler.requestsPerSecond: 'fast' is not valid; write a number above 0, e.g. 5 or 0.5",
            "connector.yml:12:19: sync.outbound.pollInterval: '5 seconds' is not valid;"
                + " write a duration such as 500ms, 5s, 2m, 1h, 1m30s or PT5S",
            "connector.yml:13:16: sync.outbound.batchSize: '500' is not valid; write a whole number from 1 to 100",
            "connector.yml:14:15: sync.outbound.onDelete: 'remove' is not valid;"
                + " use one of anonymize, clear-permissions, ignore",
            "connector.yml:17:14: mapping[0].contact: 'parentcustomerid_account.primarycontactid.fullname' goes"
                + " 2 levels deep; related columns may be one level deep only (navigationProperty.column,"
                + " e.g. parentcustomerid_account.name)",
            "connector.yml:18:16: mapping[0].direction: unknown direction '=>'; write -> (to Spotler),"
                + " <- (to Dataverse) or <-> (both ways)");
  }

  @Test
  void reports_a_missing_section_at_the_start_of_the_file() {
    assertThat(problems("spotler:\n  consumerKey: k\n  consumerSecret: s\n"))
        .containsExactly(
            "connector.yml:1:1: dataverse.url: missing; set it to your environment URL,"
                + " e.g. https://contoso.crm4.dynamics.com",
            "connector.yml:1:1: dataverse.tenant: missing; set it to your Entra ID tenant id or domain,"
                + " e.g. contoso.onmicrosoft.com",
            "connector.yml:1:1: dataverse.clientId: missing; set it to the application (client) id of the app"
                + " registration",
            "connector.yml:1:1: dataverse.clientSecret: missing; set it to the app registration's client secret,"
                + " e.g. ${DATAVERSE_CLIENT_SECRET} or ${file:/run/secrets/dataverse-client-secret}");
  }

  @Test
  void suggests_the_closest_name_for_unknown_settings_at_every_level() {
    List<String> problems =
        problems(
            MINIMAL
                + """
                sotre:
                  url: jdbc:sqlite:x.db
                sync:
                  outbound:
                    tables: {contacts: true}
                mapping:
                  - spotler: email
                    contactt: emailaddress1
                """);

    assertThat(problems)
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).startsWith("connector.yml:9:1: sotre: unknown setting; did you mean 'store'?"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "connector.yml:13:14: sync.outbound.tables.contacts: unknown setting;"
                            + " did you mean 'contact'?"))
        .anySatisfy(
            p -> assertThat(p).startsWith("connector.yml:16:5: mapping[0].contactt: unknown setting; did you mean"
                + " 'contact'?"));
  }

  @Test
  void never_shows_secret_values_in_problems_or_in_the_configuration() {
    String yaml =
        MINIMAL.replace("clientId: 11111111-2222-3333-4444-555555555555", "clientId: app")
            + """
            store:
              url: jdbc:postgresql://db/connector?user=c&password=%s
              password: ${PG_PASSWORD}
            """
                .formatted(SECRET);

    ConnectorConfig config = load(yaml);
    assertThat(config.toString()).doesNotContain(SECRET).contains("****");

    String broken = yaml.replace("jdbc:postgresql", "jdbc:oracle") + "unknown: 1\n";
    assertThatThrownBy(() -> load(broken))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("store.url: the value is not valid")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void reports_yaml_syntax_errors_with_their_position_but_without_the_line() {
    assertThatThrownBy(() -> load("dataverse:\n  clientSecret: @" + SECRET + "\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("connector.yml:2:17: not valid YAML")
        .hasMessageContaining("a value starting with @ must be quoted")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void explains_tab_indentation() {
    assertThatThrownBy(() -> load("dataverse:\n\turl: https://x.crm4.dynamics.com\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("connector.yml:2:1: not valid YAML")
        .hasMessageContaining("indent with spaces, not tabs");
  }

  @Test
  void starts_its_message_with_the_number_of_problems() {
    assertThatThrownBy(() -> load(""))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("The configuration has 6 problems:\n  connector.yml:1:1: dataverse.url: missing");
  }

  @Test
  void rejects_a_setting_written_twice() {
    assertThat(problems(MINIMAL + "connection:\n  id: a\n  id: b\n"))
        .containsExactly("connector.yml:11:3: connection.id: set twice (first at line 10); keep one");
  }

  @Test
  void rejects_an_empty_mapping_and_values_of_the_wrong_shape() {
    assertThat(problems(MINIMAL + "mapping: []\nstore: jdbc:sqlite:x.db\nconnection:\n  id: [a]\n"))
        .containsExactly(
            "connector.yml:9:10: mapping: empty; add mapping rows, or leave mapping out to use the default mapping",
            "connector.yml:10:8: store: found a single value; expected a section of settings",
            "connector.yml:12:7: connection.id: found a list; expected a single value");
  }

  @Test
  void refuses_a_file_that_cannot_be_read(@TempDir Path directory) {
    Path missing = directory.resolve("missing.yml");
    assertThatThrownBy(() -> loader.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot read the configuration file");
  }

  @Test
  void accepts_an_authority_or_token_url_instead_of_a_tenant() {
    String withAuthority =
        MINIMAL.replace("tenant: contoso.onmicrosoft.com", "authority: https://login.example.com/contoso");

    assertThat(load(withAuthority).dataverse().effectiveAuthority())
        .isEqualTo(URI.create("https://login.example.com/contoso"));
    assertThat(load(withAuthority).dataverse().tenant()).isEqualTo(Optional.empty());
  }
}
