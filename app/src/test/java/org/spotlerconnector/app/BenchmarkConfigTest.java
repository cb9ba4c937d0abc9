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

  private static ConnectorConfig load(BenchmarkSettings settings, Optional<BenchmarkWebhook> webhook) {
    String yaml = BenchmarkConfig.yaml(sandbox, Path.of("connector.db"), settings, webhook);
    return new ConfigLoader(name -> null).load("benchmark.yml", yaml);
  }

  private static BenchmarkSettings settings(List<JobIntakePath> intake) {
    return new BenchmarkSettings(100, 5, 0, 0, 10, 20, 10, 5, intake, Duration.ofSeconds(1),
        ServiceProtectionLimits.DEFAULTS, OptionalInt.empty(), 50, "512m", 1, Duration.ofMinutes(5), false);
  }
}
