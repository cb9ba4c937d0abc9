package org.spotlerconnector.sync.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.dataverse.BadRequestException;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.http.FaultRule;

/**
 * The inbound sync stops in the middle of a window of Spotler's changes feed, after some pages were merged, and starts
 * again: it goes on from the last page done, reads the overlap again, and nothing happens twice.
 */
class InboundRestartIntegrationTest {
  /** Pages of two contacts, and an overlap short enough that a window holds only what the test changed. */
  private static final String SMALL_WINDOWS = """
      pageSize: 2
      overlap: 2s
      """;

  @TempDir Path dir;
  private Sandbox sandbox;
  private TwoWayFixture fixture;

  @BeforeEach
  void start() throws Exception {
    sandbox = Sandbox.start(SandboxOptions.forTests().withData(31, 2, 10, 0, 0));
    fixture = new TwoWayFixture(sandbox, dir, SMALL_WINDOWS);
    fixture.syncBothWays();
    Thread.sleep(3_000);
    fixture.inboundOnly(); // from now on a window starts after the initial load's changes
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
    sandbox.close();
  }

  @Test
  void a_restart_after_a_failure_in_the_middle_of_a_window_reads_the_overlap_again_without_double_effects() {
    List<String> contacts = fixture.syncedContactIds();
    String first = contacts.get(0);
    String second = contacts.get(1);
    String conflicting = contacts.get(2);
    String account = fixture.accountIds().get(0);
    // The feed lists them in this order: [first, second], [conflicting, account]
    fixture.editSpotler(first, Map.of("firstName", "Een"));
    fixture.editSpotler(second, Map.of("firstName", "Twee"));
    fixture.editRow("contacts", conflicting, Map.of("firstname", "Drie"));
    fixture.editSpotler(conflicting, Map.of("firstName", "Three"));
    fixture.editSpotler(account, Map.of("numberOfOrders", 4));
    // Reading the account's row fails: the second page stops half-way, after its contact was merged
    sandbox.dataverseServer().faults().add(FaultRule.status(400).onMethod("GET").onPath("/accounts").times(1));
    long mark = fixture.dataverseLog().lastSequence();
    long feedMark = fixture.spotlerLog().lastSequence();

    assertThatThrownBy(fixture::inboundOnly).isInstanceOf(BadRequestException.class);
    Instant savedAfterFirstPage = fixture.inbound().position().orElseThrow();
    assertThat(savedAfterFirstPage).as("saved after the first page: up to its last contact's change")
        .isEqualTo(fixture.spotler(second).lastChanged());
    assertThat(fixture.row("contacts", first).get("firstname").asText()).isEqualTo("Een");
    assertThat(fixture.row("accounts", account).get("numberofemployees").asInt()).isNotEqualTo(4);

    fixture.restart();
    fixture.inboundOnly();

    assertThat(fixture.inbound().position().orElseThrow()).isAfter(savedAfterFirstPage);
    assertThat(fixture.row("contacts", second).get("firstname").asText()).isEqualTo("Twee");
    assertThat(fixture.row("contacts", conflicting).get("firstname").asText()).isEqualTo("Drie");
    assertThat(fixture.spotlerText(conflicting, "firstName")).isEqualTo("Drie");
    assertThat(fixture.row("accounts", account).get("numberofemployees").asInt()).isEqualTo(4);
    assertThat(fixture.conflicts()).as("the conflict merged before the failure is not recorded again").hasSize(1);
    assertThat(patches(mark)).as("each row written once, although the overlap was read twice")
        .containsExactlyInAnyOrder(first, second, account);
    List<Instant> windowStarts = feedWindowStarts(feedMark);
    assertThat(windowStarts).hasSize(2);
    assertThat(windowStarts.get(1)).as("the second run reads again from before where the first one stopped")
        .isBefore(savedAfterFirstPage);
  }

  /** The ids in the paths of the updates Dataverse took. */
  private List<String> patches(long since) {
    return fixture.dataverseWrites(since).stream()
        .filter(w -> w.method().equals("PATCH") && w.status() == 204)
        .map(w -> w.path().replaceAll(".*\\(([^)]*)\\).*", "$1"))
        .toList();
  }

  /** The {@code fromDate} of each window read: the first page of each asks for {@code after=0}. */
  private List<Instant> feedWindowStarts(long since) {
    return fixture.spotlerLog().since(since).stream()
        .filter(e -> e.path().endsWith("/contact/updates/list") && e.query().contains("after=0&"))
        .map(e -> e.query().replaceAll(".*fromDate=([^&]*).*", "$1"))
        .map(from -> OffsetDateTime.parse(URLDecoder.decode(from, StandardCharsets.UTF_8)).toInstant())
        .toList();
  }
}
