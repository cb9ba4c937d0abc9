package org.spotlerconnector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.SandboxConfig;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import picocli.CommandLine;

/** The command line against the sandbox: what an administrator types and reads. */
class ConnectorMainTest {
  @TempDir Path dir;
  private Sandbox sandbox;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    sandbox = Sandbox.start(SandboxOptions.forTests().withData(5, 5, 30, 10, 0));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void sync_loads_everything_and_says_it_caught_up() throws Exception {
    int exit = run("sync", "--config", config(null).toString(), "--timeout", "60s");

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Caught up: 0 waiting, 0 parked");
    assertThat(sandbox.mailplus().contactCount()).isPositive();
  }

  @Test
  void check_validates_the_mapping_against_both_live_schemas() throws Exception {
    int exit = run("check", "--config", config(null).toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("are valid");
  }

  @Test
  void a_bad_configuration_stops_with_every_problem_and_its_line_and_no_stack_trace() throws Exception {
    Path file = dir.resolve("bad.yml");
    Files.writeString(file, """
        dataverse:
          url: not a url
          clientId: x
        spotler:
          consumerKey: k
          consumerSecret: s
        colour: blue
        """);

    int exit = run("sync", "--config", file.toString());

    assertThat(exit).isEqualTo(ConnectorMain.EXIT_CONFIG);
    assertThat(err.toString()).contains("bad.yml:2:").contains("bad.yml:7:").contains("colour")
        .doesNotContain("at org.spotlerconnector");
  }

  @Test
  void a_mapping_that_does_not_fit_the_schemas_names_the_line_of_every_problem() throws Exception {
    Path file = config("""
        mapping:
          - spotler: email
            contact: emailaddres1
          - spotler: shoeSize
            contact: firstname
        """);

    int exit = run("check", "--config", file.toString());

    assertThat(exit).isEqualTo(ConnectorMain.EXIT_CONFIG);
    assertThat(err.toString()).contains("emailaddres1").contains("emailaddress1").contains("shoeSize");
  }

  @Test
  void status_lists_parked_records_with_the_reason_and_retry_parked_queues_them_again() throws Exception {
    String bad = sandbox.dataverse().table("contacts").rows().stream()
        .filter(r -> r.get("statecode").asInt() == 0 && !r.path("donotemail").asBoolean())
        .findFirst().orElseThrow().get("contactid").asText();
    sandbox.dataverse().table("contacts").update(UUID.fromString(bad),
        JsonNodeFactory.instance.objectNode().put("emailaddress1", "not-an-email"));
    Path file = config(null);
    run("sync", "--config", file.toString(), "--timeout", "60s");

    run("status", "--config", file.toString());
    assertThat(out.toString()).contains("1 parked").contains("parked contact " + bad).contains("PROPERTY_INVALID")
        .contains("initial load done");

    run("retry-parked", "--config", file.toString());
    assertThat(out.toString()).contains("1 parked records are queued again.");
  }

  private int run(String... args) {
    CommandLine cli = ConnectorMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path config(String mapping) throws Exception {
    return SandboxConfig.write(sandbox, dir, "cli", mapping);
  }

}
