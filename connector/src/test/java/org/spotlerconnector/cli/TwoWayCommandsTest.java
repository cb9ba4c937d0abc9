package org.spotlerconnector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.SandboxConfig;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import picocli.CommandLine;

/** {@code sync} and {@code status} with a two-way mapping: Spotler's changes drained, conflicts shown, never values. */
class TwoWayCommandsTest {
  private static final String TWO_WAY = """
      sync:
        outbound:
          tables: {contact: true, lead: false, account: false}
        inbound:
          newSubscribers:
            createAs: ignore
      mapping:
        - spotler: email
          contact: emailaddress1
        - spotler: firstName
          contact: firstname
          direction: <->
        - spotler: city
          contact: address1_city
          direction: <-
      """;

  @TempDir Path dir;
  private Sandbox sandbox;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    sandbox = Sandbox.start(SandboxOptions.forTests().withData(3, 1, 6, 0, 0));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void sync_drains_spotlers_changes_and_status_shows_the_position_and_the_conflicts_without_values() throws Exception {
    Path config = SandboxConfig.write(sandbox, dir, "cli", TWO_WAY);
    assertThat(run("sync", "--config", config.toString(), "--timeout", "60s")).as(err.toString()).isZero();
    String id = sandbox.dataverse().table("contacts").rows().stream()
        .filter(r -> r.get("statecode").asInt() == 0 && !r.path("donotemail").asBoolean())
        .findFirst().orElseThrow().get("contactid").asText();

    sandbox.mailplus().editContact(id, Map.of("firstName", "Sven", "city", "Tiel"));
    sandbox.dataverse().table("contacts").update(UUID.fromString(id),
        JsonNodeFactory.instance.objectNode().put("firstname", "Dirk"));
    out.getBuffer().setLength(0);
    int exit = run("sync", "--config", config.toString(), "--timeout", "60s");

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Caught up").contains("Spotler changes read up to")
        .contains("two-way conflicts recorded: 1");
    assertThat(sandbox.dataverse().table("contacts").get(UUID.fromString(id)).orElseThrow()
        .get("address1_city").asText()).isEqualTo("Tiel");

    out.getBuffer().setLength(0);
    run("status", "--config", config.toString());

    assertThat(out.toString()).contains("Spotler changes: read up to ").contains("conflicts: 1 recorded:")
        .contains("contact " + id + " firstName: dynamics won (rule dynamics)")
        .doesNotContain("Sven").doesNotContain("Dirk");
  }

  private int run(String... args) {
    CommandLine cli = ConnectorMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
