package org.spotlerconnector.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseSettings;
import org.spotlerconnector.dataverse.ODataQuery;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;

/**
 * {@link Installer} and the marketing list table, which the connector does not own (dataverse-api.md §4.1, §8): the
 * sync flag column on {@code list} and the job's Marketing List lookup, or neither where the environment has no lists.
 */
class InstallerMarketingListSandboxTest {

  @Test
  @DisplayName("with marketing lists: the sync flag is a column of list, and a job points at a list")
  void adds_the_sync_flag_and_the_job_lookup() throws IOException {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests())) {
      DataverseClient dataverse = client(sandbox);

      List<Created> created = new Installer(dataverse, InstallSettings.defaults()).install();

      assertThat(created).contains(new Created("column", "list.spot_synctospotler"),
          new Created("lookup", "spot_spotlerjob.spot_marketinglist -> [list]"),
          new Created("column", "spot_spotlerjob.spot_audience"));
      String list = dataverse.create("lists", JsonNodeFactory.instance.objectNode()
          .put("listname", "VIP").put("createdfromcode", 2).put("spot_synctospotler", true));
      assertThat(dataverse.query(ODataQuery.of("lists").select("listid").filter("spot_synctospotler eq true"))
          .next().items()).extracting(row -> row.path("listid").asText()).containsExactly(list);
      String job = dataverse.create("spot_spotlerjobs", JsonNodeFactory.instance.objectNode()
          .put("spot_operation", 100_000_010).put("spot_marketinglist@odata.bind", "/lists(" + list + ")"));
      assertThat(dataverse.retrieve("spot_spotlerjobs", RecordKey.id(job), "_spot_marketinglist_value")
          .orElseThrow().path("_spot_marketinglist_value").asText()).isEqualTo(list);
      assertThat(new Installer(dataverse, InstallSettings.defaults()).install()).isEmpty();
    }
  }

  @Test
  @DisplayName("without marketing lists (Power Apps): the column and the lookup are skipped, the rest is installed,"
      + " and a second run creates nothing")
  void skips_what_needs_the_list_table() throws IOException {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests().withMarketingLists(false))) {
      DataverseClient dataverse = client(sandbox);

      List<Created> created = new Installer(dataverse, InstallSettings.defaults()).install();

      assertThat(created).extracting(Created::name)
          .noneMatch(name -> name.contains("synctospotler") || name.contains("marketinglist"))
          .contains("spot_spotlerjob.spot_audience");
      List<String> jobColumns = dataverse.get("EntityDefinitions(LogicalName='spot_spotlerjob')/Attributes"
          + "?$select=LogicalName").path("value").findValuesAsText("LogicalName");
      assertThat(jobColumns).contains("spot_audience", "spot_tag").doesNotContain("spot_marketinglist");
      assertThat(new Installer(dataverse, InstallSettings.defaults()).install()).isEmpty();
    }
  }

  private static DataverseClient client(Sandbox sandbox) {
    SandboxOptions o = sandbox.options();
    return DataverseClient.create(
        DataverseSettings.builder(URI.create(sandbox.dataverseUrl()), o.tenant(), o.clientId(), o.clientSecret())
            .tokenEndpoint(URI.create(sandbox.tokenUrl()))
            .build());
  }
}
