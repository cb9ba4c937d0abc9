package org.spotlerconnector.sync.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.http.FaultRule;
import org.spotlerconnector.store.RecordedConflict;
import org.spotlerconnector.store.SyncConflict;

/**
 * Both sides change a two-way field before a sync: every conflict rule, whichever flow finds the conflict, a
 * Dataverse row that changes between the merge's read and its write (412), and the base of a written row stored
 * before the page's other writes are done.
 */
class TwoWayConflictIntegrationTest {
  @TempDir Path dir;
  private Sandbox sandbox;
  private TwoWayFixture fixture;

  @BeforeEach
  void start() throws Exception {
    sandbox = Sandbox.start(SandboxOptions.forTests().withData(23, 2, 12, 0, 0));
    fixture = new TwoWayFixture(sandbox, dir, "");
    fixture.syncBothWays();
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
    sandbox.close();
  }

  @Test
  void conflicts_found_by_the_inbound_flow_are_resolved_by_each_rule_and_recorded() throws Exception {
    Map<String, String> ids = editBothSides();

    fixture.inboundOnly();
    fixture.outbound();

    assertResolvedAndRecorded(ids);
  }

  @Test
  void conflicts_found_by_the_outbound_flow_are_resolved_by_each_rule_and_recorded() throws Exception {
    Map<String, String> ids = editBothSides();

    fixture.outbound();
    fixture.inboundOnly();

    assertResolvedAndRecorded(ids);
  }

  @Test
  void a_resolved_conflict_is_recorded_once_and_then_neither_side_is_written_again() throws Exception {
    Map<String, String> ids = editBothSides();
    fixture.syncBothWays();
    long dataverseMark = fixture.dataverseLog().lastSequence();
    long spotlerMark = fixture.spotlerLog().lastSequence();

    fixture.syncBothWays();
    fixture.syncBothWays();

    assertThat(fixture.conflicts()).hasSize(ids.size());
    assertThat(fixture.dataverseWrites(dataverseMark)).isEmpty();
    assertThat(fixture.spotlerWrites(spotlerMark)).isEmpty();
  }

  @Test
  void a_write_refused_because_the_row_changed_meanwhile_is_left_and_done_when_the_contact_is_read_again() {
    String id = fixture.syncedContactIds().get(6);
    String firstName = fixture.row("contacts", id).get("firstname").asText();
    sandbox.dataverseServer().faults().add(FaultRule.status(412).onMethod("PATCH").onPath("/contacts\\(").times(1));
    long mark = fixture.dataverseLog().lastSequence();

    fixture.editSpotler(id, Map.of("firstName", "Twelve"));
    fixture.inboundOnly();

    assertThat(fixture.row("contacts", id).get("firstname").asText()).isEqualTo(firstName);
    assertThat(fixture.dataverseWrites(mark)).singleElement().satisfies(w -> assertThat(w.status()).isEqualTo(412));
    assertThat(fixture.connector().store().syncedValues().get(TwoWayFixture.CONNECTION, "contact", id).orElseThrow()
        .values().get("firstName").asText()).as("the base stays until the write went through").isEqualTo(firstName);

    fixture.inboundOnly(); // the next window starts before this one ended, so it reads the contact again

    assertThat(fixture.row("contacts", id).get("firstname").asText()).isEqualTo("Twelve");
    assertThat(fixture.dataverseWrites(mark)).extracting(w -> w.status()).containsExactly(412, 204);
    assertThat(fixture.conflicts()).isEmpty();
  }

  @Test
  void a_written_row_has_its_base_stored_while_other_rows_of_the_page_are_still_being_written() throws Exception {
    String written = fixture.syncedContactIds().get(7);
    String slow = fixture.syncedContactIds().get(8);
    sandbox.dataverseServer().faults().add(
        FaultRule.of(FaultRule.Kind.DELAY).delay(3_000).onMethod("PATCH").onPath("/contacts\\(" + slow).times(1));
    fixture.editSpotler(written, Map.of("firstName", "Quick"));
    fixture.editSpotler(slow, Map.of("firstName", "Slow"));

    CompletableFuture<Void> inbound = CompletableFuture.runAsync(fixture::inboundOnly);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!"Quick".equals(baseFirstName(written)) && System.nanoTime() < deadline && !inbound.isDone()) {
      Thread.sleep(20);
    }

    assertThat(baseFirstName(written)).isEqualTo("Quick");
    assertThat(fixture.row("contacts", slow).get("firstname").asText())
        .as("the other row's write is still under way").isNotEqualTo("Slow");
    inbound.get(60, TimeUnit.SECONDS);
    assertThat(baseFirstName(slow)).isEqualTo("Slow");
    assertThat(fixture.row("contacts", slow).get("firstname").asText()).isEqualTo("Slow");
  }

  private String baseFirstName(String id) {
    return fixture.connector().store().syncedValues().get(TwoWayFixture.CONNECTION, "contact", id).orElseThrow()
        .values().path("firstName").asText();
  }

  /** One contact per rule, each changed on both sides; for "newest" once with Spotler last, once with Dynamics last. */
  private Map<String, String> editBothSides() throws InterruptedException {
    List<String> contacts = fixture.syncedContactIds();
    Map<String, String> ids = new HashMap<>();
    ids.put("dynamics", contacts.get(0));
    ids.put("spotler", contacts.get(1));
    ids.put("newest-spotler", contacts.get(2));
    ids.put("newest-dynamics", contacts.get(3));
    ids.put("non-blank", contacts.get(4));
    fixture.editRow("contacts", ids.get("dynamics"), Map.of("firstname", "Dirk"));
    fixture.editSpotler(ids.get("dynamics"), Map.of("firstName", "Sven"));
    fixture.editRow("contacts", ids.get("spotler"), Map.of("middlename", "van"));
    fixture.editSpotler(ids.get("spotler"), Map.of("infix", "de"));
    Map<String, Object> cleared = new HashMap<>();
    cleared.put("address1_line1", null);
    fixture.editRow("contacts", ids.get("non-blank"), cleared);
    fixture.editSpotler(ids.get("non-blank"), Map.of("street", "Dorpsstraat 1"));
    // modifiedon is kept to the second: a second apart, the order of the two changes is clear
    fixture.editRow("contacts", ids.get("newest-spotler"), Map.of("telephone1", "0101"));
    fixture.editSpotler(ids.get("newest-dynamics"), Map.of("phoneNumber", "0303"));
    Thread.sleep(1_100);
    fixture.editSpotler(ids.get("newest-spotler"), Map.of("phoneNumber", "0202"));
    fixture.editRow("contacts", ids.get("newest-dynamics"), Map.of("telephone1", "0404"));
    return ids;
  }

  private void assertResolvedAndRecorded(Map<String, String> ids) {
    assertBoth(ids.get("dynamics"), "firstname", "firstName", "Dirk");
    assertBoth(ids.get("spotler"), "middlename", "infix", "de");
    assertBoth(ids.get("newest-spotler"), "telephone1", "phoneNumber", "0202");
    assertBoth(ids.get("newest-dynamics"), "telephone1", "phoneNumber", "0404");
    assertBoth(ids.get("non-blank"), "address1_line1", "street", "Dorpsstraat 1");

    List<SyncConflict> conflicts = fixture.conflicts().stream().map(RecordedConflict::conflict).toList();
    assertThat(conflicts)
        .extracting(SyncConflict::recordId, SyncConflict::field, SyncConflict::winner, SyncConflict::rule)
        .containsExactlyInAnyOrder(
            tuple(ids.get("dynamics"), "firstName", "dynamics", "dynamics"),
            tuple(ids.get("spotler"), "infix", "spotler", "spotler"),
            tuple(ids.get("newest-spotler"), "phoneNumber", "spotler", "newest"),
            tuple(ids.get("newest-dynamics"), "phoneNumber", "dynamics", "newest"),
            tuple(ids.get("non-blank"), "street", "spotler", "non-blank"));
    SyncConflict dynamicsWins =
        conflicts.stream().filter(c -> c.recordId().equals(ids.get("dynamics"))).findFirst().orElseThrow();
    assertThat(dynamicsWins.dynamics().asText()).isEqualTo("Dirk");
    assertThat(dynamicsWins.spotler().asText()).isEqualTo("Sven");
    assertThat(dynamicsWins.base().asText()).isNotBlank().isNotIn("Dirk", "Sven");
    assertThat(dynamicsWins.tableName()).isEqualTo("contact");
  }

  private void assertBoth(String id, String column, String field, String value) {
    assertThat(fixture.row("contacts", id).path(column).asText()).as("%s in Dynamics 365", column).isEqualTo(value);
    assertThat(fixture.spotlerText(id, field)).as("%s in Spotler", field).isEqualTo(value);
  }
}
