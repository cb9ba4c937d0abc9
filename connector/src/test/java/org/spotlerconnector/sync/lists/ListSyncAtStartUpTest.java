package org.spotlerconnector.sync.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.ConnectorProcess;
import org.spotlerconnector.SandboxConfig;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseSettings;
import org.spotlerconnector.install.InstallSettings;
import org.spotlerconnector.install.Installer;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;

/**
 * The connector's {@code run} command, in a JVM of its own, and its marketing lists: the scheduled refresh syncs a
 * list marked for sync without any job, and an edition without lists is said once at start-up, with no stack trace,
 * after which the schedule stops asking.
 */
class ListSyncAtStartUpTest {
  private static final SandboxOptions DATA = SandboxOptions.forTests().withData(3, 5, 40, 10, 0);
  private static final String OFF = "marketing list sync is off";
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  @Timeout(180)
  @DisplayName("sync.lists.refreshEvery: the refresh at start-up makes the audience of a list marked for sync")
  void the_schedule_syncs_a_marked_list() throws Exception {
    try (Sandbox sandbox = Sandbox.start(DATA)) {
      install(sandbox);
      String list = sandbox.dataverse().table("lists").rows().stream()
          .filter(row -> row.path("listname").asText().startsWith("Newsletter"))
          .map(row -> row.path("listid").asText()).findFirst().orElseThrow();
      sandbox.dataverse().table("lists").update(UUID.fromString(list),
          JsonNodeFactory.instance.objectNode().put(ListSyncFixture.FLAG, true));

      try (ConnectorProcess connector = run(sandbox, "1h")) {
        await(connector, () -> audienceHoldsEveryMemberInSpotler(sandbox, list));
      }

      assertThat(sandbox.mailplus().audiences().audience(list)).isPresent();
    }
  }

  @Test
  @Timeout(180)
  @DisplayName("a Dataverse without marketing lists: one warning at start-up naming the reason, no stack trace, and"
      + " no more list requests")
  void no_marketing_lists_is_said_once() throws Exception {
    try (Sandbox sandbox = Sandbox.start(DATA.withMarketingLists(false))) {
      install(sandbox);
      long mark = sandbox.dataverseServer().requestLog().lastSequence();
      String output;
      try (ConnectorProcess connector = run(sandbox, "200ms")) {
        await(connector, () -> connector.output().contains(OFF));
        Thread.sleep(1_500);
        output = connector.output();
      }

      assertThat(occurrences(output, OFF)).isEqualTo(1);
      assertThat(output).contains("no marketing lists").doesNotContain("\tat ").doesNotContain("Exception");
      assertThat(sandbox.dataverseServer().requestLog().since(mark).stream()
          .filter(e -> e.path().contains("EntityDefinitions(LogicalName='list')"))).hasSize(1);
    }
  }

  @Test
  @Timeout(180)
  @DisplayName("a Spotler product without audiences: one warning at start-up naming the products that have them")
  void no_audiences_is_said_once() throws Exception {
    try (Sandbox sandbox = Sandbox.start(DATA.withSpotlerAudiences(false))) {
      install(sandbox);
      String output;
      try (ConnectorProcess connector = run(sandbox, "200ms")) {
        await(connector, () -> connector.output().contains(OFF));
        Thread.sleep(1_500);
        output = connector.output();
      }

      assertThat(occurrences(output, OFF)).isEqualTo(1);
      assertThat(output).contains("Automation and eCommerce").doesNotContain("\tat ").doesNotContain("Exception");
      assertThat(sandbox.mailplusServer().requestLog().count(e -> e.path().contains("/audience"))).isEqualTo(1);
    }
  }

  private ConnectorProcess run(Sandbox sandbox, String refreshEvery) throws IOException {
    Path config = SandboxConfig.write(sandbox, dir, "startup", """
        sync:
          outbound:
            pollInterval: 1s
          inbound:
            enabled: false
          lists:
            refreshEvery: %s
        """.formatted(refreshEvery));
    return ConnectorProcess.run(config, dir.resolve("connector.log"));
  }

  private static void install(Sandbox sandbox) {
    SandboxOptions o = sandbox.options();
    new Installer(DataverseClient.create(
        DataverseSettings.builder(URI.create(sandbox.dataverseUrl()), o.tenant(), o.clientId(), o.clientSecret())
            .tokenEndpoint(URI.create(sandbox.tokenUrl()))
            .build()), InstallSettings.defaults()).install();
  }

  private static boolean audienceHoldsEveryMemberInSpotler(Sandbox sandbox, String list) {
    if (sandbox.mailplus().audiences().audience(list).isEmpty()) {
      return false;
    }
    Set<String> expected = new HashSet<>();
    sandbox.dataverse().marketingLists().members(UUID.fromString(list)).stream().map(UUID::toString)
        .filter(id -> sandbox.mailplus().contact(id).isPresent()).forEach(expected::add);
    return !expected.isEmpty() && new HashSet<>(sandbox.mailplus().audiences().contacts(list)).equals(expected);
  }

  private static void await(ConnectorProcess connector, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline || !connector.isAlive()) {
        throw new AssertionError("not reached; the connector printed:\n" + connector.output());
      }
      Thread.sleep(100);
    }
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
