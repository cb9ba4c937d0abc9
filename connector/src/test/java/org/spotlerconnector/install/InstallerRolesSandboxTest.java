package org.spotlerconnector.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseSettings;
import org.spotlerconnector.dataverse.ODataQuery;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;

/** {@link Installer}'s dry run, status labels and role privileges against a fresh sandbox each time. */
class InstallerRolesSandboxTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private Sandbox sandbox;
  private DataverseClient dataverse;

  @BeforeEach
  void start() throws IOException {
    sandbox = Sandbox.start(SandboxOptions.forTests());
    SandboxOptions o = sandbox.options();
    dataverse = DataverseClient.create(
        DataverseSettings.builder(URI.create(sandbox.dataverseUrl()), o.tenant(), o.clientId(), o.clientSecret())
            .tokenEndpoint(URI.create(sandbox.tokenUrl()))
            .build());
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  @DisplayName("a dry run changes nothing and lists exactly what install then does: status labels and role "
      + "privileges among it")
  void the_dry_run_lists_every_step_install_takes() {
    Installer installer = new Installer(dataverse, InstallSettings.defaults());

    List<Created> plan = installer.plan();
    boolean onlyRead = sandbox.dataverseServer().requestLog().entries().stream()
        .allMatch(request -> request.method().equals("GET"));
    List<Created> done = installer.install();

    assertThat(onlyRead).isTrue();
    assertThat(plan).isEqualTo(done);
    assertThat(plan).contains(
        new Created("status label", "spot_spotlerjob 1 Active -> Queued"),
        new Created("status label", "spot_spotlerjob 2 Inactive -> Completed"),
        new Created("role privilege", "Spotler User prvCreatespot_SpotlerJob (Basic)"),
        new Created("role privilege", "Spotler Service prvReadUser (Global)"));
  }

  @Test
  @DisplayName("a role that exists adds only what it lacks, deepening a shallower privilege, in one "
      + "AddPrivilegesRole call per role")
  void adds_only_the_missing_privileges() {
    String role = dataverse.create("roles", JSON.objectNode().put("name", "Spotler User"));
    grant(role, "prvAppendToContact", "Basic");
    grant(role, "prvAppendToLead", "Global");
    long before = sandbox.dataverseServer().requestLog().lastSequence();

    List<Created> created = new Installer(dataverse, InstallSettings.defaults()).install();

    assertThat(created).doesNotContain(new Created("security role", "Spotler User"))
        .contains(new Created("role privilege", "Spotler User prvAppendToContact (Global)"))
        .doesNotContain(new Created("role privilege", "Spotler User prvAppendToLead (Global)"));
    assertThat(sandbox.dataverseServer().requestLog().since(before).stream()
        .filter(request -> request.path().endsWith("/Microsoft.Dynamics.CRM.AddPrivilegesRole")).toList())
        .hasSize(2);
    JsonNode held = dataverse.get("RetrieveRolePrivilegesRole(RoleId=" + role + ")").path("RolePrivileges");
    assertThat(held).hasSize(ConnectorTables.roles("spot").get(0).privileges().size());
    assertThat(depth(held, "prvAppendToContact")).isEqualTo("Global");
    assertThat(new Installer(dataverse, InstallSettings.defaults()).install()).isEmpty();
  }

  private void grant(String role, String privilege, String depth) {
    String privilegeId = dataverse.query(ODataQuery.of("privileges").select("privilegeid")
        .filter("name eq '" + privilege + "'"), 10).next().items().get(0).path("privilegeid").asText();
    ObjectNode parameters = JSON.objectNode();
    parameters.putArray("Privileges").addObject().put("PrivilegeId", privilegeId).put("Depth", depth);
    dataverse.invoke("roles(" + role + ")/Microsoft.Dynamics.CRM.AddPrivilegesRole", parameters);
  }

  private static String depth(JsonNode held, String privilege) {
    for (JsonNode grant : held) {
      if (grant.path("PrivilegeName").asText().equals(privilege)) {
        return grant.path("Depth").asText();
      }
    }
    throw new AssertionError("the role does not hold " + privilege);
  }
}
