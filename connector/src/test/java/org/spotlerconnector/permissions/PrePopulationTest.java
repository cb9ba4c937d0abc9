package org.spotlerconnector.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spotlerconnector.permissions.PermissionsFixture.ENABLED_VARIABLE;
import static org.spotlerconnector.permissions.PermissionsFixture.LIST_VARIABLE;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.sandbox.http.FaultRule;
import org.spotlerconnector.sandbox.http.RequestLog;

/**
 * Pre-population over real HTTP: a contact, lead or account created in Dynamics 365 gets a Spotler Permission row per
 * permission named in {@code spot_permissions}, enabled as {@code spot_permissions_enabled_by_default} says, before
 * its first send; {@code ;} switches it off; existing records and new subscribers are not pre-populated.
 */
class PrePopulationTest {
  /** The sandbox account's permissions: 1 Nieuwsbrief, 2 Aanbiedingen, 4 Evenementen, 8 Webinars. */
  private static final long NEWSLETTER = 1;
  private static final long OFFERS = 2;
  private static final long EVENTS = 4;

  @TempDir Path dir;
  private PermissionsFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new PermissionsFixture(dir, 4, 2, "");
    fixture.setVariable(LIST_VARIABLE, "Nieuwsbrief;evenementen;Podcasts;");
    fixture.setVariable(ENABLED_VARIABLE, "Evenementen");
    fixture.connect();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void records_that_existed_before_the_initial_load_are_not_pre_populated() {
    assertThat(fixture.table(PermissionsFixture.PERMISSIONS).rows()).isEmpty();
    assertThat(fixture.spotler(fixture.contactId(0)).properties()).doesNotContainKey("permissions");
  }

  @Test
  void a_new_contact_gets_the_listed_permissions_matched_by_description_and_its_first_send_carries_them() {
    long spotlerMark = fixture.spotlerLog().lastSequence();

    String contact = fixture.createRow("contacts", Map.of(
        "firstname", "Nova", "lastname", "Nieuw", "emailaddress1", "nova@example.org"));
    fixture.outbound();

    assertThat(fixture.permissionStates(contact))
        .as("Podcasts is not a Spotler permission; names match without case")
        .containsExactlyInAnyOrderEntriesOf(Map.of(NEWSLETTER, false, EVENTS, true));
    assertThat(fixture.permissionRows(contact).get(EVENTS).get("spot_name").asText()).isEqualTo("Evenementen");
    List<RequestLog.Entry> sends = fixture.spotlerWrites(spotlerMark).stream()
        .filter(write -> write.body().contains(contact)).toList();
    assertThat(sends).singleElement().satisfies(send -> assertThat(send.body()).contains("\"permissions\""));
    assertThat(fixture.spotler(contact).enabledBits("permissions")).containsExactly(EVENTS);

    long afterFirstSend = fixture.spotlerLog().lastSequence();
    fixture.syncBothWays();
    assertThat(fixture.spotlerWrites(afterFirstSend)).as("the rows' own changes send nothing again").isEmpty();
  }

  @Test
  void a_new_lead_and_a_new_account_are_pre_populated_through_their_own_lookups() {
    String lead = fixture.createRow("leads", Map.of("lastname", "Lead", "emailaddress1", "lead@example.org"));
    String account = fixture.createRow("accounts", Map.of("name", "Acme", "emailaddress1", "acme@example.org"));

    fixture.outbound();

    assertThat(fixture.permissionRows(lead)).hasSize(2)
        .allSatisfy((bit, row) -> assertThat(row.path("_spot_lead_value").asText()).isEqualTo(lead));
    assertThat(fixture.permissionRows(account)).hasSize(2)
        .allSatisfy((bit, row) -> assertThat(row.path("_spot_customer_value").asText()).isEqualTo(account));
    assertThat(fixture.spotler(lead).enabledBits("permissions")).containsExactly(EVENTS);
    assertThat(fixture.spotler(account).enabledBits("permissions")).containsExactly(EVENTS);
  }

  @Test
  void all_listed_permissions_start_enabled_with_all() {
    fixture.setVariable(ENABLED_VARIABLE, "[All]");

    String contact = fixture.createRow("contacts", Map.of("lastname", "Alles", "emailaddress1", "all@example.org"));
    fixture.outbound();

    assertThat(fixture.permissionStates(contact))
        .containsExactlyInAnyOrderEntriesOf(Map.of(NEWSLETTER, true, EVENTS, true));
    assertThat(fixture.spotler(contact).enabledBits("permissions")).containsExactlyInAnyOrder(NEWSLETTER, EVENTS);
  }

  @Test
  void a_semicolon_switches_pre_population_off() {
    fixture.setVariable(LIST_VARIABLE, ";");

    String contact = fixture.createRow("contacts", Map.of("lastname", "Niets", "emailaddress1", "none@example.org"));
    fixture.outbound();

    assertThat(fixture.permissionRows(contact)).isEmpty();
    assertThat(fixture.spotler(contact).properties()).containsKey("lastName").doesNotContainKey("permissions");
  }

  @Test
  void a_refused_pre_population_does_not_hold_up_the_sync() {
    fixture.sandbox.dataverseServer().faults().add(FaultRule.status(403).onMethod("POST")
        .onPath("spot_spotlerpermissions/Microsoft.Dynamics.CRM.CreateMultiple$"));

    String contact = fixture.createRow("contacts", Map.of("lastname", "Geweigerd", "emailaddress1", "no@example.org"));
    fixture.outbound();

    assertThat(fixture.permissionRows(contact)).isEmpty();
    assertThat(fixture.spotler(contact).properties()).containsEntry("lastName", "Geweigerd");
  }

  @Test
  void a_new_subscriber_gets_its_permissions_from_spotler_not_from_the_defaults() {
    String encryptedId = fixture.sandbox.mailplus().signUp(Map.of(
        "email", "subscriber@example.org", "lastName", "Aanmelder",
        "permissions", List.of(Map.of("bit", OFFERS, "enabled", true)))).encryptedId();

    fixture.syncBothWays(); // creates the lead and links it
    fixture.syncBothWays(); // the contact, read again, is merged with its lead

    String lead = fixture.sandbox.mailplus().contactByEncryptedId(encryptedId).orElseThrow().externalId();
    assertThat(fixture.table("leads").rows())
        .anySatisfy(row -> assertThat(row.get("leadid").asText()).isEqualTo(lead));
    assertThat(fixture.permissionStates(lead)).containsExactlyInAnyOrderEntriesOf(Map.of(OFFERS, true));
  }
}
