package org.spotlerconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.runtime.Connector;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.dataverse.DataverseTable;
import org.spotlerconnector.sandbox.http.FaultRule;
import org.spotlerconnector.sandbox.http.RequestLog;
import org.spotlerconnector.sandbox.mailplus.MailPlusContact;

/** The outbound contact sync against the sandbox over real HTTP: initial load, changes, removals, failures. */
class OutboundSyncTest {
  private static final Duration CATCH_UP = Duration.ofSeconds(60);

  @TempDir Path dir;
  private Sandbox sandbox;
  private Connector connector;

  @BeforeEach
  void start() throws Exception {
    sandbox = Sandbox.start(SandboxOptions.forTests().withData(11, 15, 120, 40, 0));
    connector = SyncTestEnvironment.connector(sandbox, dir.resolve("store.db"));
  }

  @AfterEach
  void stop() {
    if (connector != null) {
      connector.close();
    }
    sandbox.close();
  }

  @Test
  void the_initial_load_puts_every_active_emailable_record_in_spotler_with_its_mapped_values() {
    assertThat(connector.outbound().runUntilCaughtUp(CATCH_UP)).isTrue();

    List<ObjectNode> expected = syncable("contacts");
    expected.addAll(syncable("leads"));
    expected.addAll(syncable("accounts"));
    assertThat(sandbox.mailplus().contacts()).hasSize(expected.size());
    ObjectNode contact = syncable("contacts").stream().filter(c -> c.hasNonNull("_parentcustomerid_value")).findFirst().orElseThrow();
    MailPlusContact inSpotler = spotler(contact.get("contactid").asText());
    assertThat(text(inSpotler, "email")).isEqualTo(contact.get("emailaddress1").asText());
    assertThat(text(inSpotler, "lastName")).isEqualTo(contact.get("lastname").asText());
    assertThat(text(inSpotler, "customerType")).isEqualTo("contact");
    String accountName = sandbox.dataverse().table("accounts")
        .get(UUID.fromString(contact.get("_parentcustomerid_value").asText())).orElseThrow().get("name").asText();
    assertThat(text(inSpotler, "organisation")).isEqualTo(accountName);
    assertThat(connector.outbound().queue().total()).isZero();
  }

  @Test
  void inactive_and_do_not_email_records_are_not_sent() {
    connector.outbound().runUntilCaughtUp(CATCH_UP);

    for (ObjectNode row : sandbox.dataverse().table("contacts").rows()) {
      boolean syncable = row.get("statecode").asInt() == 0 && !row.path("donotemail").asBoolean();
      assertThat(sandbox.mailplus().contact(row.get("contactid").asText()).isPresent())
          .as("contact %s", row.get("contactid")).isEqualTo(syncable);
    }
  }

  @Test
  void a_change_reaches_spotler_and_an_unchanged_record_is_not_sent_again() {
    connector.outbound().runUntilCaughtUp(CATCH_UP);
    String id = syncable("contacts").get(0).get("contactid").asText();
    RequestLog spotlerLog = sandbox.mailplusServer().requestLog();

    long before = spotlerLog.lastSequence();
    connector.outbound().runUntilCaughtUp(CATCH_UP);
    assertThat(spotlerLog.since(before)).noneMatch(e -> e.path().endsWith("/contact/list"));

    update("contacts", id, Map.of("firstname", "Anna", "address1_city", "Zwolle"));
    connector.outbound().runUntilCaughtUp(CATCH_UP);

    assertThat(text(spotler(id), "firstName")).isEqualTo("Anna");
    assertThat(text(spotler(id), "city")).isEqualTo("Zwolle");
    assertThat(spotlerLog.since(before)).filteredOn(e -> e.path().endsWith("/contact/list")).hasSize(1)
        .allSatisfy(e -> assertThat(e.body()).contains(id).doesNotContain("\"externalId\":\"" + syncable("contacts").get(1).get("contactid").asText()));
  }

  @Test
  void changes_of_one_record_before_a_sync_are_coalesced_into_one_upsert_with_the_latest_values() {
    connector.outbound().runUntilCaughtUp(CATCH_UP);
    String id = syncable("contacts").get(0).get("contactid").asText();
    long before = sandbox.mailplusServer().requestLog().lastSequence();

    update("contacts", id, Map.of("firstname", "First"));
    update("contacts", id, Map.of("firstname", "Second"));
    update("contacts", id, Map.of("firstname", "Third"));
    connector.outbound().runUntilCaughtUp(CATCH_UP);

    assertThat(text(spotler(id), "firstName")).isEqualTo("Third");
    assertThat(sandbox.mailplusServer().requestLog().since(before))
        .filteredOn(e -> e.path().endsWith("/contact/list")).singleElement()
        .satisfies(e -> assertThat(e.body()).contains("Third").doesNotContain("Second"));
  }

  @Test
  void a_record_changed_back_to_its_synced_values_before_a_queued_change_was_sent_ends_with_the_synced_values() {
    connector.outbound().runUntilCaughtUp(CATCH_UP);
    String id = syncable("contacts").get(0).get("contactid").asText();
    String original = sandbox.dataverse().table("contacts").get(UUID.fromString(id)).orElseThrow().get("firstname").asText();
    long before = sandbox.mailplusServer().requestLog().lastSequence();

    update("contacts", id, Map.of("firstname", "Interim"));
    connector.outbound().readStep(); // queued, not yet sent
    update("contacts", id, Map.of("firstname", original));
    connector.outbound().readStep();
    connector.outbound().sendAll();

    assertThat(text(spotler(id), "firstName")).isEqualTo(original);
    assertThat(sandbox.mailplusServer().requestLog().since(before)).noneMatch(e -> e.body().contains("Interim"));
    assertThat(connector.outbound().queue().total()).isZero();
  }

  @Test
  void deactivating_or_deleting_a_record_anonymises_its_spotler_contact() {
    connector.outbound().runUntilCaughtUp(CATCH_UP);
    String deactivated = syncable("contacts").get(0).get("contactid").asText();
    String deleted = syncable("contacts").get(1).get("contactid").asText();

    update("contacts", deactivated, Map.of("statecode", 1, "statuscode", 2));
    sandbox.dataverse().table("contacts").delete(UUID.fromString(deleted));
    connector.outbound().runUntilCaughtUp(CATCH_UP);

    assertThat(spotler(deactivated).properties()).doesNotContainKeys("email", "firstName", "lastName");
    assertThat(spotler(deleted).properties()).doesNotContainKeys("email", "firstName", "lastName");
    assertThat(sandbox.mailplusServer().requestLog().entries())
        .filteredOn(e -> e.path().contains("/contact/anonymize/")).hasSize(2);
  }

  @Test
  void a_contact_spotler_rejects_is_parked_with_the_reason_while_the_rest_continue() {
    String bad = syncable("contacts").get(0).get("contactid").asText();
    update("contacts", bad, Map.of("emailaddress1", "not-an-email"));

    connector.outbound().runUntilCaughtUp(CATCH_UP);

    assertThat(sandbox.mailplus().contact(bad)).isEmpty();
    assertThat(sandbox.mailplus().contacts()).hasSize(syncable("contacts").size() - 1 + syncable("leads").size() + syncable("accounts").size());
    var parked = connector.store().outboundQueue().parked("test", 10);
    assertThat(parked).singleElement().satisfies(p -> {
      assertThat(p.recordId()).isEqualTo(bad);
      assertThat(p.lastError()).contains("PROPERTY_INVALID");
    });
  }

  @Test
  void spotler_and_dataverse_failures_are_retried_until_everything_arrives() {
    sandbox.mailplusServer().faults().add(FaultRule.status(503).onPath("/contact/list").times(2));
    sandbox.mailplusServer().faults().add(FaultRule.status(429).retryAfter(1).onPath("/contact/list").times(2));
    sandbox.mailplusServer().faults().add(FaultRule.of(FaultRule.Kind.DROP_CONNECTION).onPath("/contact/list").times(1));
    sandbox.dataverseServer().faults().add(FaultRule.status(429).retryAfter(1).onPath("/api/data").times(2));
    sandbox.dataverseServer().faults().add(FaultRule.status(502).onPath("/api/data").times(1));

    assertThat(connector.outbound().runUntilCaughtUp(CATCH_UP)).isTrue();

    assertThat(sandbox.mailplus().contacts()).hasSize(syncable("contacts").size() + syncable("leads").size() + syncable("accounts").size());
    assertThat(connector.outbound().queue().total()).isZero();
  }

  @Test
  void a_restart_goes_on_from_the_stored_delta_links_without_sending_everything_again() {
    connector.outbound().runUntilCaughtUp(CATCH_UP);
    connector.close();
    long before = sandbox.mailplusServer().requestLog().lastSequence();

    connector = SyncTestEnvironment.connector(sandbox, dir.resolve("store.db"));
    connector.outbound().runUntilCaughtUp(CATCH_UP);

    assertThat(sandbox.mailplusServer().requestLog().since(before)).noneMatch(e -> e.path().endsWith("/contact/list"));
  }

  private List<ObjectNode> syncable(String entitySet) {
    DataverseTable table = sandbox.dataverse().table(entitySet);
    List<ObjectNode> rows = new java.util.ArrayList<>();
    for (ObjectNode row : table.rows()) {
      if (row.get("statecode").asInt() == 0 && !row.path("donotemail").asBoolean()) {
        rows.add(row);
      }
    }
    return rows;
  }

  private void update(String entitySet, String id, Map<String, Object> values) {
    ObjectNode changes = JsonNodeFactory.instance.objectNode();
    values.forEach((k, v) -> changes.set(k, org.spotlerconnector.sandbox.http.Json.MAPPER.valueToTree(v)));
    sandbox.dataverse().table(entitySet).update(UUID.fromString(id), changes);
  }

  private MailPlusContact spotler(String externalId) {
    return sandbox.mailplus().contact(externalId).orElseThrow(() -> new AssertionError("not in Spotler: " + externalId));
  }

  private static String text(MailPlusContact contact, String property) {
    Object value = contact.properties().get(property);
    return value == null ? null : value.toString();
  }
}
