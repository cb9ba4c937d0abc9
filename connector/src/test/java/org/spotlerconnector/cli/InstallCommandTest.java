package org.spotlerconnector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.SandboxConfig;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import picocli.CommandLine;

/** {@code install} against the sandbox: what an administrator types and reads. */
class InstallCommandTest {
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
  void dry_run_lists_what_would_be_created_and_changes_nothing() throws Exception {
    Path config = config();

    int exit = run("install", "--config", config.toString(), "--dry-run", "--prefix", "acme");

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("would create table acme_spotlerjob")
        .contains("would create lookup acme_spotlerjob.acme_customer")
        .contains("would create status label acme_spotlerjob 1 Active -> Queued")
        .contains("would create role privilege Spotler User prvReadacme_SpotlerJob (Global)")
        .contains("Would create");
    assertThat(sandbox.dataverse().findTable("acme_spotlerjobs")).isEmpty();
  }

  @Test
  void installs_once_and_then_says_nothing_changed() throws Exception {
    Path config = config();

    assertThat(run("install", "--config", config.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("created table spot_spotlerjob").contains("in solution SpotlerConnector.");

    out = new StringWriter();
    assertThat(run("install", "--config", config.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualToIgnoringNewLines("Everything is installed already; nothing was changed.");
  }

  @Test
  void a_publisher_with_another_prefix_stops_with_a_message_not_a_stack_trace() throws Exception {
    Path config = config();
    run("install", "--config", config.toString());

    int exit = run("install", "--config", config.toString(), "--prefix", "acme");

    assertThat(exit).isEqualTo(ConnectorMain.EXIT_CONFIG);
    assertThat(err.toString()).contains("has the prefix spot").doesNotContain("at org.spotlerconnector");
  }

  private int run(String... args) {
    CommandLine cli = ConnectorMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path config() throws Exception {
    return SandboxConfig.write(sandbox, dir, "cli", "");
  }
}
