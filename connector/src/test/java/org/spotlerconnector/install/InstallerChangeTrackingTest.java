package org.spotlerconnector.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseSettings;
import org.spotlerconnector.dataverse.ODataQuery;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;

/**
 * {@link Installer} over real HTTP on a Dataverse where the Spotler Permission table exists without change tracking,
 * as an earlier version or a person may have made it: install turns change tracking on, which the outbound sync needs
 * to see a permission ticked in Dynamics 365.
 */
class InstallerChangeTrackingTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String PERMISSION = "spot_spotlerpermission";

  private Sandbox sandbox;
  private DataverseClient dataverse;

  @BeforeEach
  void start() throws Exception {
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
  void turns_change_tracking_on_for_a_table_that_exists_without_it() {
    InstallSettings settings = InstallSettings.defaults();
    createPermissionTableWithoutChangeTracking(settings);
    assertThat(changeTracked()).isFalse();

    List<Created> created = new Installer(dataverse, settings).install();

    assertThat(created).contains(new Created("change tracking", PERMISSION))
        .doesNotContain(new Created("table", PERMISSION));
    assertThat(changeTracked()).isTrue();
    assertThat(dataverse.trackChanges(ODataQuery.of("spot_spotlerpermissions").select("spot_spotlerpermissionid"))
        .next().deltaLink()).isPresent();
    assertThat(new Installer(dataverse, settings).install()).isEmpty();
  }

  private boolean changeTracked() {
    return dataverse.get("EntityDefinitions(LogicalName='" + PERMISSION + "')?$select=ChangeTrackingEnabled")
        .path("ChangeTrackingEnabled").asBoolean();
  }

  /** The publisher, the solution and the bare table, as install makes them but with change tracking off. */
  private void createPermissionTableWithoutChangeTracking(InstallSettings settings) {
    String publisher = dataverse.create("publishers", JSON.objectNode()
        .put("uniquename", settings.publisherUniqueName())
        .put("friendlyname", "Spotler Connector")
        .put("customizationprefix", settings.prefix())
        .put("customizationoptionvalueprefix", settings.optionValuePrefix()));
    dataverse.create("solutions", JSON.objectNode()
        .put("uniquename", settings.solutionUniqueName())
        .put("friendlyname", "Spotler Connector")
        .put("version", "1.0.0.0")
        .put("publisherid@odata.bind", "/publishers(" + publisher + ")"));
    TableSpec permission = ConnectorTables.definitions(settings.prefix(), settings.optionValuePrefix()).stream()
        .filter(table -> table.logicalName().equals(PERMISSION)).findFirst().orElseThrow();
    ObjectNode definition = MetadataBodies.table(permission).put("ChangeTrackingEnabled", false);
    dataverse.create("EntityDefinitions", definition, Map.of("MSCRM.SolutionUniqueName", settings.solutionUniqueName()));
  }
}
