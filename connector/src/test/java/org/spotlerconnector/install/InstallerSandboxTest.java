package org.spotlerconnector.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseSettings;
import org.spotlerconnector.dataverse.ODataQuery;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;

/** {@link Installer} over real HTTP against the sandbox's Dataverse emulator (dataverse-api.md §8). */
class InstallerSandboxTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static Sandbox sandbox;
  private static DataverseClient dataverse;
  private static List<Created> firstInstall;

  @BeforeAll
  static void install() throws IOException {
    sandbox = Sandbox.start(SandboxOptions.forTests());
    SandboxOptions o = sandbox.options();
    dataverse = DataverseClient.create(
        DataverseSettings.builder(URI.create(sandbox.dataverseUrl()), o.tenant(), o.clientId(), o.clientSecret())
            .tokenEndpoint(URI.create(sandbox.tokenUrl()))
            .build());
    firstInstall = new Installer(dataverse, InstallSettings.defaults()).install();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void creates_every_table_with_its_columns_in_dependency_order() {
    List<TableSpec> tables = ConnectorTables.definitions("spot", 10_000);
    assertThat(firstInstall.get(0)).isEqualTo(new Created("publisher", "SpotlerConnectorPublisher"));
    assertThat(firstInstall.get(1)).isEqualTo(new Created("solution", "SpotlerConnector"));
    for (TableSpec table : tables) {
      assertThat(firstInstall).contains(new Created("table", table.logicalName()));
      JsonNode attributes =
          dataverse.get("EntityDefinitions(LogicalName='" + table.logicalName() + "')/Attributes?$select=LogicalName");
      List<String> names = attributes.path("value").findValuesAsText("LogicalName");
      assertThat(names).contains(table.primaryName().logicalName());
      table.columns().forEach(column -> assertThat(names).contains(column.logicalName()));
    }
    assertThat(firstInstall).extracting(Created::kind).containsSubsequence(
        "publisher", "solution", "table", "column", "lookup", "status reason", "alternate key",
        "environment variable", "security role", "role privilege");
  }

  @Test
  @DisplayName("UpdateOptionValue: the job's built-in status reasons read Queued and Completed through the metadata "
      + "API; the other tables keep Active and Inactive")
  void renames_the_built_in_job_status_reasons() {
    Map<Integer, String> job = statusLabels("spot_spotlerjob");
    Map<Integer, String> automation = statusLabels("spot_spotlerautomation");

    assertThat(firstInstall).contains(
        new Created("status label", "spot_spotlerjob 1 Active -> Queued"),
        new Created("status label", "spot_spotlerjob 2 Inactive -> Completed"));
    assertThat(job).containsEntry(1, "Queued").containsEntry(2, "Completed")
        .containsEntry(100_000_001, "In Progress").containsEntry(100_000_003, "Cancelled");
    assertThat(automation).containsExactlyInAnyOrderEntriesOf(Map.of(1, "Active", 2, "Inactive"));
  }

  @Test
  @DisplayName("each role holds exactly the declared privileges the environment has, at their depth, those of the "
      + "connector's own tables among them")
  void roles_hold_exactly_the_declared_privileges() {
    for (SecurityRole role : ConnectorTables.roles("spot")) {
      Set<String> available = new HashSet<>();
      dataverse.query(ODataQuery.of("privileges").select("name"), 5_000).forEachPage(page ->
          page.forEach(privilege -> available.add(privilege.path("name").asText())));
      Set<String> expected = role.privileges().stream().filter(p -> available.contains(p.name()))
          .map(RolePrivilege::toString).collect(Collectors.toSet());

      Set<String> held = new HashSet<>();
      dataverse.get("RetrieveRolePrivilegesRole(RoleId=" + roleId(role.name()) + ")").path("RolePrivileges")
          .forEach(p -> held.add(p.path("PrivilegeName").asText() + " (" + p.path("Depth").asText() + ")"));

      assertThat(held).as(role.name()).isEqualTo(expected);
      assertThat(held).as(role.name()).containsAll(role.privileges().stream()
          .filter(p -> p.table().startsWith("spot_")).map(RolePrivilege::toString).toList());
    }
    assertThat(sandbox.dataverseServer().requestLog().count(e -> e.path().endsWith("/Microsoft.Dynamics.CRM.AddPrivilegesRole")))
        .isEqualTo(2);
  }

  @Test
  @DisplayName("a Spotler Job can be created and read through the Web API with its lookups and status reasons")
  void a_job_round_trips_with_lookups_and_status_reasons() {
    String accountId = dataverse.create("accounts", JSON.objectNode().put("name", "Contoso"));
    String automationId = dataverse.create("spot_spotlerautomations", JSON.objectNode()
        .put("spot_name", "Welcome journey").put("spot_triggercode", "welcome").put("spot_kind", 1));
    ObjectNode job = JSON.objectNode()
        .put("spot_name", "Start Automation: Welcome journey")
        .put("spot_operation", 100_000_003)
        .put("spot_customer_account@odata.bind", "/accounts(" + accountId + ")")
        .put("spot_automation@odata.bind", "/spot_spotlerautomations(" + automationId + ")");
    String jobId = dataverse.create("spot_spotlerjobs", job);

    dataverse.update("spot_spotlerjobs", RecordKey.id(jobId),
        JSON.objectNode().put("statecode", 0).put("statuscode", 100_000_001));

    ObjectNode read = dataverse.query(ODataQuery.of("spot_spotlerjobs")
            .select("spot_name", "spot_operation", "_spot_customer_value", "_spot_automation_value", "statuscode")
            .filter("spot_spotlerjobid eq " + jobId), 10)
        .next().items().get(0);
    assertThat(read.path("_spot_customer_value").asText()).isEqualTo(accountId);
    assertThat(read.path("_spot_automation_value").asText()).isEqualTo(automationId);
    assertThat(read.path("spot_operation").asInt()).isEqualTo(100_000_003);
    assertThat(read.path("statuscode").asInt()).isEqualTo(100_000_001);

    dataverse.update("spot_spotlerjobs", RecordKey.id(jobId),
        JSON.objectNode().put("statecode", 1).put("statuscode", 100_000_003));
    assertThat(dataverse.retrieve("spot_spotlerjobs", RecordKey.id(jobId), "statecode", "statuscode").orElseThrow()
        .path("statuscode").asInt()).isEqualTo(100_000_003);
  }

  @Test
  @DisplayName("the automation's trigger code is an alternate key (dataverse-api.md §2.6)")
  void automations_are_addressable_by_trigger_code() {
    dataverse.upsert("spot_spotlerautomations", RecordKey.alternate("spot_triggercode", "T-1"),
        JSON.objectNode().put("spot_name", "Trigger one"));
    assertThat(dataverse.retrieve("spot_spotlerautomations", RecordKey.alternate("spot_triggercode", "T-1"),
        "spot_name").orElseThrow().path("spot_name").asText()).isEqualTo("Trigger one");
  }

  @Test
  @DisplayName("§8: the new metadata is published with PublishXml")
  void publishes_what_it_created() {
    assertThat(sandbox.dataverseServer().requestLog().count(e -> e.path().endsWith("/PublishXml"))).isEqualTo(1);
  }

  @Test
  void a_second_install_creates_nothing_and_only_reads() {
    Installer installer = new Installer(dataverse, InstallSettings.defaults());
    long before = sandbox.dataverseServer().requestLog().lastSequence();

    assertThat(installer.plan()).isEmpty();
    assertThat(installer.install()).isEmpty();
    assertThat(sandbox.dataverseServer().requestLog().since(before))
        .allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));
  }

  private static Map<Integer, String> statusLabels(String table) {
    Map<Integer, String> labels = new HashMap<>();
    dataverse.get("EntityDefinitions(LogicalName='" + table + "')/Attributes(LogicalName='statuscode')"
            + "/Microsoft.Dynamics.CRM.StatusAttributeMetadata?$select=LogicalName&$expand=OptionSet($select=Options)")
        .path("OptionSet").path("Options").forEach(option -> labels.put(option.path("Value").asInt(),
            option.path("Label").path("UserLocalizedLabel").path("Label").asText()));
    return labels;
  }

  private static String roleId(String name) {
    return dataverse.query(ODataQuery.of("roles").select("roleid").filter("name eq '" + name + "'"), 10)
        .next().items().get(0).path("roleid").asText();
  }

  @Test
  void refuses_a_publisher_with_another_prefix() {
    Installer other = new Installer(dataverse, new InstallSettings("acme", 10_000, "SpotlerConnector"));

    assertThatThrownBy(other::plan).isInstanceOf(InstallConflictException.class)
        .hasMessageContaining("has the prefix spot");
  }

  @Test
  void environment_variables_and_roles_exist() {
    for (EnvironmentVariable variable : ConnectorTables.environmentVariables("spot")) {
      assertThat(dataverse.query(ODataQuery.of("environmentvariabledefinitions")
          .filter("schemaname eq '" + variable.schemaName() + "'"), 10).next().items()).hasSize(1);
    }
    for (SecurityRole role : ConnectorTables.roles("spot")) {
      assertThat(dataverse.query(ODataQuery.of("roles").filter("name eq '" + role.name() + "'"), 10)
          .next().items()).hasSize(1);
    }
  }
}
