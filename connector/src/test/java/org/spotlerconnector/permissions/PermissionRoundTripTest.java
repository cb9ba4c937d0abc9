package org.spotlerconnector.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.sandbox.http.Json;
import org.spotlerconnector.sandbox.http.RequestLog;
import org.spotlerconnector.sandbox.mailplus.PropertyDefinition;
import org.spotlerconnector.sandbox.mailplus.SetPropertyEntry;

/**
 * Permissions both ways over real HTTP: an unsubscribe or subscribe in Spotler reaches the Spotler Permission rows, a
 * permission ticked in Dynamics 365 reaches Spotler, always matched by bit, and neither side writes again afterwards.
 */
class PermissionRoundTripTest {
  /** The sandbox account's permissions: 1 Nieuwsbrief, 2 Aanbiedingen, 4 Evenementen, 8 Webinars. */
  private static final long NEWSLETTER = 1;
  private static final long OFFERS = 2;
  private static final long EVENTS = 4;

  @TempDir Path dir;
  private PermissionsFixture fixture;
  private String contact;
  private String offersRow;

  @BeforeEach
  void start() throws Exception {
    fixture = new PermissionsFixture(dir, 6, 0, "").connect();
    contact = fixture.contactId(0);
    fixture.addPermission(contact, NEWSLETTER, "Nieuwsbrief", true);
    offersRow = fixture.addPermission(contact, OFFERS, "Aanbiedingen", false);
    fixture.syncBothWays();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void rows_added_in_dynamics_reach_spotler_through_the_permission_table_changes() {
    assertThat(fixture.spotler(contact).enabledBits("permissions")).containsExactly(NEWSLETTER);
  }

  @Test
  void an_unsubscribe_in_spotler_reaches_the_permission_row_and_nothing_echoes() {
    fixture.sandbox.mailplus().setPermission(contact, NEWSLETTER, false);
    long dataverseMark = fixture.dataverseLog().lastSequence();
    long spotlerMark = fixture.spotlerLog().lastSequence();

    fixture.syncBothWays();

    assertThat(fixture.permissionStates(contact))
        .containsExactlyInAnyOrderEntriesOf(Map.of(NEWSLETTER, false, OFFERS, false));
    assertThat(fixture.dataverseWrites(dataverseMark)).as("one bulk update of the row").singleElement()
        .satisfies(write -> assertThat(write.path()).endsWith("UpdateMultiple"));
    assertThat(fixture.spotlerWrites(spotlerMark)).isEmpty();
    assertNoWritesAfterTwoMoreRounds();
  }

  @Test
  void a_subscribe_in_spotler_creates_the_missing_row_named_as_in_spotler() {
    fixture.sandbox.mailplus().setPermission(contact, EVENTS, true);

    fixture.syncBothWays();

    assertThat(fixture.permissionStates(contact))
        .containsExactlyInAnyOrderEntriesOf(Map.of(NEWSLETTER, true, OFFERS, false, EVENTS, true));
    assertThat(fixture.permissionRows(contact).get(EVENTS).get("spot_name").asText()).isEqualTo("Evenementen");
    assertThat(fixture.spotler(contact).enabledBits("permissions")).containsExactlyInAnyOrder(NEWSLETTER, EVENTS);
    assertNoWritesAfterTwoMoreRounds();
  }

  @Test
  void a_permission_ticked_in_dynamics_reaches_spotler_as_that_bit_alone() {
    long spotlerMark = fixture.spotlerLog().lastSequence();

    fixture.tick(offersRow, true);
    fixture.syncBothWays();

    assertThat(fixture.spotler(contact).enabledBits("permissions")).containsExactlyInAnyOrder(NEWSLETTER, OFFERS);
    assertThat(fixture.spotlerWrites(spotlerMark)).singleElement()
        .satisfies(write -> assertThat(sentPermissions(write, contact)).as(write.body())
            .hasToString("[{\"bit\":2,\"enabled\":true}]"));
    assertNoWritesAfterTwoMoreRounds();
  }

  @Test
  void an_unsubscribe_in_spotler_and_a_tick_in_dynamics_at_the_same_time_both_survive() {
    fixture.sandbox.mailplus().setPermission(contact, NEWSLETTER, false);
    fixture.tick(offersRow, true);

    fixture.syncBothWays();

    assertThat(fixture.permissionStates(contact))
        .containsExactlyInAnyOrderEntriesOf(Map.of(NEWSLETTER, false, OFFERS, true));
    assertThat(fixture.spotler(contact).enabledBits("permissions")).containsExactly(OFFERS);
    assertThat(fixture.connector().store().conflicts().recent(PermissionsFixture.CONNECTION, 10)).isEmpty();
    assertNoWritesAfterTwoMoreRounds();
  }

  @Test
  void a_renamed_permission_is_still_matched_by_its_bit_both_ways() {
    renameInSpotler(OFFERS, "Speciale aanbiedingen");

    fixture.sandbox.mailplus().setPermission(contact, OFFERS, true);
    fixture.syncBothWays();
    assertThat(fixture.permissionStates(contact)).containsEntry(OFFERS, true).hasSize(2);
    assertThat(fixture.permissionRows(contact).get(OFFERS).get("spot_name").asText())
        .as("the row keeps its name; only its bit matters").isEqualTo("Aanbiedingen");

    fixture.tick(offersRow, false);
    fixture.syncBothWays();
    assertThat(fixture.spotler(contact).enabledBits("permissions")).containsExactly(NEWSLETTER);
  }

  @Test
  void the_same_bit_changed_on_both_sides_is_an_agreement_not_a_conflict() {
    long dataverseMark = fixture.dataverseLog().lastSequence();

    fixture.sandbox.mailplus().setPermission(contact, OFFERS, true);
    fixture.tick(offersRow, true);
    long afterTick = fixture.dataverseLog().lastSequence();
    long spotlerMark = fixture.spotlerLog().lastSequence();
    fixture.syncBothWays();

    assertThat(fixture.permissionStates(contact)).containsEntry(OFFERS, true);
    assertThat(fixture.spotler(contact).enabledBits("permissions")).containsExactlyInAnyOrder(NEWSLETTER, OFFERS);
    assertThat(fixture.connector().store().conflicts().recent(PermissionsFixture.CONNECTION, 10)).isEmpty();
    assertThat(fixture.dataverseWrites(afterTick)).isEmpty();
    assertThat(fixture.spotlerWrites(spotlerMark)).isEmpty();
    assertThat(fixture.dataverseWrites(dataverseMark)).isEmpty();
  }

  @Test
  void a_record_without_rows_never_clears_spotlers_permissions_and_takes_them_over() {
    String bare = fixture.contactId(1);
    fixture.sandbox.mailplus().setPermission(bare, EVENTS, true);
    fixture.editRow("contacts", bare, Map.of("lastname", "Zonder"));

    fixture.outbound();
    assertThat(fixture.spotler(bare).enabledBits("permissions")).containsExactly(EVENTS);
    assertThat(fixture.spotler(bare).properties()).containsEntry("lastName", "Zonder");

    fixture.inbound();
    assertThat(fixture.permissionStates(bare)).containsExactlyInAnyOrderEntriesOf(Map.of(EVENTS, true));
    assertNoWritesAfterTwoMoreRounds();
  }

  private void assertNoWritesAfterTwoMoreRounds() {
    long dataverseMark = fixture.dataverseLog().lastSequence();
    long spotlerMark = fixture.spotlerLog().lastSequence();
    fixture.syncBothWays();
    fixture.syncBothWays();
    assertThat(fixture.dataverseWrites(dataverseMark)).as("writes to Dataverse after the round trip").isEmpty();
    assertThat(fixture.spotlerWrites(spotlerMark)).as("writes to Spotler after the round trip").isEmpty();
  }

  private void renameInSpotler(long bit, String description) {
    List<PropertyDefinition> renamed = fixture.sandbox.mailplus().properties().stream()
        .map(property -> !property.name().equals("permissions") ? property : new PropertyDefinition(
            property.name(), property.description(), property.type(), property.entries().stream()
                .map(e -> e.bit() == bit ? new SetPropertyEntry(bit, description, e.rank()) : e).toList()))
        .toList();
    fixture.sandbox.mailplus().properties(renamed);
  }

  /** The permissions an upsert sent for one contact. */
  private static JsonNode sentPermissions(RequestLog.Entry write, String externalId) throws Exception {
    JsonNode body = Json.MAPPER.readTree(write.body());
    for (JsonNode contact : body.path("contacts")) {
      if (contact.path("externalId").asText().equals(externalId)) {
        return contact.path("properties").path("permissions");
      }
    }
    return body.path("contact").path("properties").path("permissions");
  }
}
