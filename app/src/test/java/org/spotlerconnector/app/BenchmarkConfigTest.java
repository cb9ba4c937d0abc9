package org.spotlerconnector.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.config.ConfigLoader;
import org.spotlerconnector.config.ConnectorConfig;
import org.spotlerconnector.config.DefaultMapping;
import org.spotlerconnector.mapping.Direction;
import org.spotlerconnector.mapping.FieldMapping;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.dataverse.ServiceProtectionLimits;

/** The benchmarked connector's configuration, read by the connector's own configuration loader. */
class BenchmarkConfigTest {
  private static Sandbox sandbox;

  @BeforeAll
  static void start() throws IOException {
    sandbox = Sandbox.start(SandboxOptions.forTests());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void the_webhook_path_switches_the_web_server_on_with_the_benchmark_key_and_port() throws IOException {
    BenchmarkWebhook webhook = BenchmarkWebhook.onFreePort();

    ConnectorConfig config = load(settings(List.of(JobIntakePath.POLL, JobIntakePath.WEBHOOK)), Optional.of(webhook));

    assertThat(config.web().enabled()).isTrue();
    assertThat(config.web().host()).isEqualTo("127.0.0.1");
    assertThat(config.web().port()).isEqualTo(webhook.port());
    assertThat(config.web().webhookKey()).hasValueSatisfying(key -> assertThat(key.reveal()).isEqualTo(webhook.key()));
    assertThat(config.jobs().enabled()).isTrue();
  }

  @Test
  void polling_alone_leaves_the_web_server_off() {
    ConnectorConfig config = load(settings(List.of(JobIntakePath.POLL)), Optional.empty());

    assertThat(config.web().enabled()).isFalse();
    assertThat(config.jobs().enabled()).isTrue();
  }

  @Test
  void the_one_way_phases_read_no_spotler_changes() {
    ConnectorConfig config = load(settings(List.of(JobIntakePath.POLL)), Optional.empty());

    assertThat(config.sync().inbound().enabled()).isFalse();
    assertThat(config.mapping()).isEqualTo(DefaultMapping.rows());
  }

  @Test
  void the_inbound_phase_maps_a_few_contact_fields_both_ways_and_reads_spotlers_changes_on_the_same_store() {
    String yaml = BenchmarkConfig.twoWayYaml(sandbox, Path.of("connector.db"), settings(List.of(JobIntakePath.POLL)));
    ConnectorConfig config = new ConfigLoader(name -> null).load("benchmark-two-way.yml", yaml);

    assertThat(config.sync().inbound().enabled()).isTrue();
    assertThat(config.sync().inbound().pollInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.sync().inbound().overlap()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.jobs().enabled()).isFalse();
    assertThat(config.store().url()).endsWith("connector.db");
    assertThat(config.mapping()).filteredOn(row -> row.direction() == Direction.BOTH)
        .extracting(FieldMapping::spotlerField)
        .containsExactlyInAnyOrder("firstName", "lastName", "city", "phoneNumber", "permissions");
    assertThat(config.mapping()).extracting(FieldMapping::spotlerField)
        .containsExactlyElementsOf(DefaultMapping.rows().stream()
            .filter(row -> row.column(SourceTable.CONTACT).isPresent()).map(FieldMapping::spotlerField).toList());
    assertThat(config.mapping()).allSatisfy(row -> assertThat(row.column(SourceTable.CONTACT))
        .isEqualTo(DefaultMapping.rows().stream().filter(d -> d.spotlerField().equals(row.spotlerField()))
            .findFirst().orElseThrow().column(SourceTable.CONTACT)));
  }

  private static ConnectorConfig load(BenchmarkSettings settings, Optional<BenchmarkWebhook> webhook) {
    String yaml = BenchmarkConfig.yaml(sandbox, Path.of("connector.db"), settings, webhook);
    return new ConfigLoader(name -> null).load("benchmark.yml", yaml);
  }

  private static BenchmarkSettings settings(List<JobIntakePath> intake) {
    return new BenchmarkSettings(100, 5, 0, 0, 10, 20, 10, 5, intake, 50, 20, Duration.ofSeconds(10),
        Duration.ofSeconds(1),
        ServiceProtectionLimits.DEFAULTS, OptionalInt.empty(), 50, "512m", 1, Duration.ofMinutes(5), false);
  }
}
