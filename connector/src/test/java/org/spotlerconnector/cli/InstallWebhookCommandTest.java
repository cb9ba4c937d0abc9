package org.spotlerconnector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.SandboxConfig;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseSettings;
import org.spotlerconnector.install.WebhookRegistration;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import picocli.CommandLine;

/** {@code install --webhook-url} against the sandbox (dataverse-api.md §7.1). */
class InstallWebhookCommandTest {
  private static final String URL = "https://connector.example.org/webhooks/dataverse";
  @TempDir Path dir;
  private Sandbox sandbox;
  private StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    sandbox = Sandbox.start(SandboxOptions.forTests());
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  @DisplayName("dataverse-api.md §7.1: a Webhook endpoint (contract 8, WebhookKey 4, Json 2) and an async PostOperation step")
  void registers_the_endpoint_and_the_create_step_once() throws Exception {
    Path config = config("web:\n  webhookKey: the-key-from-config\n");

    assertThat(run("install", "--config", config.toString(), "--webhook-url", URL)).as(err.toString()).isZero();
    assertThat(out.toString()).contains("created service endpoint " + WebhookRegistration.ENDPOINT_NAME)
        .contains("created step " + WebhookRegistration.STEP_NAME);

    JsonNode endpoint = only("serviceendpoints");
    assertThat(endpoint.path("url").asText()).isEqualTo(URL);
    assertThat(endpoint.path("contract").asInt()).isEqualTo(8);
    assertThat(endpoint.path("authtype").asInt()).isEqualTo(4);
    assertThat(endpoint.path("messageformat").asInt()).isEqualTo(2);
    JsonNode step = only("sdkmessageprocessingsteps");
    assertThat(step.path("stage").asInt()).isEqualTo(40);
    assertThat(step.path("mode").asInt()).isEqualTo(1);
    assertThat(step.path("_eventhandler_value").asText()).isEqualTo(endpoint.path("serviceendpointid").asText());

    out = new StringWriter();
    assertThat(run("install", "--config", config.toString(), "--webhook-url", URL)).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualToIgnoringNewLines("Everything is installed already; nothing was changed.");
    only("serviceendpoints");
    only("sdkmessageprocessingsteps");
  }

  @Test
  void needs_the_webhook_key_in_the_configuration() throws Exception {
    int exit = run("install", "--config", config("").toString(), "--webhook-url", URL);

    assertThat(exit).isEqualTo(ConnectorMain.EXIT_CONFIG);
    assertThat(err.toString()).contains("web.webhookKey");
    assertThat(sandbox.dataverse().findTable("spot_spotlerjobs")).isEmpty();
  }

  private JsonNode only(String entitySet) {
    SandboxOptions o = sandbox.options();
    DataverseClient dataverse = DataverseClient.create(
        DataverseSettings.builder(URI.create(sandbox.dataverseUrl()), o.tenant(), o.clientId(), o.clientSecret())
            .tokenEndpoint(URI.create(sandbox.tokenUrl()))
            .build());
    JsonNode rows = dataverse.get(entitySet).path("value");
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private int run(String... args) {
    CommandLine cli = ConnectorMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path config(String extra) throws Exception {
    return SandboxConfig.write(sandbox, dir, "cli", extra);
  }
}
