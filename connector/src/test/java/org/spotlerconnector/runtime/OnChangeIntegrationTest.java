package org.spotlerconnector.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.SandboxConfig;
import org.spotlerconnector.config.ConfigException;
import org.spotlerconnector.config.ConfigLoader;
import org.spotlerconnector.config.ConnectorConfig;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.Lookups;
import org.spotlerconnector.dataverse.ODataQuery;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.install.InstallSettings;
import org.spotlerconnector.install.Installer;
import org.spotlerconnector.jobs.JobOperation;
import org.spotlerconnector.jobs.JobSchema;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sync.SyncListener;

/**
 * {@code sync.outbound.onChange}: a change syncs straight away (the default, covered by the sync tests), becomes a
 * Sync Contact job as the incumbent's workflows make it, or sets off nothing until someone creates such a job.
 */
class OnChangeIntegrationTest {
  private static final JobSchema SCHEMA = JobSchema.defaults();

  @TempDir Path dir;
  private Sandbox sandbox;
  private DataverseClient dataverse;

  @BeforeEach
  void start() throws IOException {
    sandbox = Sandbox.start(SandboxOptions.forTests().withData(5, 3, 12, 0, 0));
    dataverse = DataverseClient.create(Connector.dataverseSettings(config("sync").dataverse()));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  @DisplayName("onChange: job — a change after the initial load creates a Sync Contact job, which syncs the record")
  void a_change_becomes_a_sync_contact_job() {
    new Installer(dataverse, InstallSettings.defaults()).install();
    try (Connector connector = Connector.open(config("job"), SyncListener.NONE, Clock.systemUTC())) {
      assertThat(connector.outbound().runUntilCaughtUp(Duration.ofSeconds(30))).isTrue();
      List<String> synced = contactIds().stream().filter(id -> sandbox.mailplus().contact(id).isPresent()).toList();
      assertThat(synced).as("the initial load is sent directly").hasSizeGreaterThan(2);
      assertThat(jobs()).as("not as one job per record").isEmpty();
      String changed = synced.get(0);
      String deactivated = synced.get(1);

      dataverse.update("contacts", RecordKey.id(changed), row().put("firstname", "Wilhelmina"));
      dataverse.update("contacts", RecordKey.id(deactivated), row().put("statecode", 1).put("statuscode", 2));
      connector.start();

      awaitTrue(() -> jobs().stream().anyMatch(job -> "OK".equals(job.path(SCHEMA.column("resultcode")).asText())));
      List<ObjectNode> jobs = jobs();
      assertThat(jobs).as("one job, for the changed contact; a deactivation is no job").hasSize(1);
      ObjectNode job = jobs.get(0);
      assertThat(job.path(SCHEMA.lookupValue("customer")).asText()).isEqualTo(changed);
      assertThat(job.path(SCHEMA.column("operation")).asInt()).isEqualTo(SCHEMA.operationValue(JobOperation.SYNC_CONTACT));
      assertThat(sandbox.mailplus().contact(changed).orElseThrow().properties()).containsEntry("firstName", "Wilhelmina");
      awaitTrue(() -> !sandbox.mailplus().contact(deactivated).orElseThrow().properties().containsKey("email"));
    }
  }

  @Test
  @DisplayName("onChange: none — nothing syncs on its own; a Sync Contact job syncs its record")
  void nothing_syncs_until_a_job_asks() {
    new Installer(dataverse, InstallSettings.defaults()).install();
    try (Connector connector = Connector.open(config("none"), SyncListener.NONE, Clock.systemUTC())) {
      assertThat(connector.outbound().runUntilCaughtUp(Duration.ofSeconds(10))).isTrue();
      assertThat(sandbox.mailplus().contacts()).isEmpty();
      String contact = contactIds().get(2);
      ObjectNode job = row().put(SCHEMA.column("operation"), SCHEMA.operationValue(JobOperation.SYNC_CONTACT));
      dataverse.create(SCHEMA.jobEntitySet(),
          Lookups.bind(job, SCHEMA.column("customer_contact"), "contacts", RecordKey.id(contact)));

      connector.start();

      awaitTrue(() -> sandbox.mailplus().contact(contact).isPresent());
      assertThat(sandbox.mailplus().contacts()).hasSize(1);
    }
  }

  @Test
  @DisplayName("onChange: job without the job table installed stops start-up with a message that says what to do")
  void job_mode_needs_the_job_table() {
    assertThatThrownBy(() -> Connector.open(config("job"), SyncListener.NONE, Clock.systemUTC()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sync.outbound.onChange")
        .hasMessageContaining("install");
  }

  private ConnectorConfig config(String onChange) {
    String yaml = SandboxConfig.yaml(sandbox, "on-change", dir.resolve("store-" + onChange + ".db")) + """
        sync:
          outbound:
            pollInterval: 200ms
            onChange: %s
        jobs:
          pollInterval: 200ms
          refreshAutomationsEvery: off
        """.formatted(onChange);
    return ConfigLoader.fromSystemEnvironment().load("test.yml", yaml);
  }

  private List<String> contactIds() {
    return sandbox.dataverse().table("contacts").rows().stream().map(row -> row.get("contactid").asText()).toList();
  }

  private List<ObjectNode> jobs() {
    List<ObjectNode> rows = new java.util.ArrayList<>();
    dataverse.query(ODataQuery.of(SCHEMA.jobEntitySet())).forEachPage(rows::addAll);
    return rows;
  }

  private static ObjectNode row() {
    return JsonNodeFactory.instance.objectNode();
  }

  private static void awaitTrue(BooleanSupplier condition) {
    Instant deadline = Instant.now().plusSeconds(20);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waited 20 s").isBefore(deadline);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
