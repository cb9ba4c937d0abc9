package org.spotlerconnector.sync.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;

/**
 * The two-way contact sync against the sandbox over real HTTP: each direction, each conversion class, and no echo of
 * the connector's own writes.
 */
class TwoWaySyncIntegrationTest {
  @TempDir Path dir;
  private Sandbox sandbox;
  private TwoWayFixture fixture;

  @BeforeEach
  void start() throws Exception {
    sandbox = Sandbox.start(SandboxOptions.forTests().withData(17, 4, 12, 0, 0));
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
  @DisplayName("start-up reads each mapped table's definition once: the inbound side reuses the mapping check's reads")
  void start_up_reads_the_schemas_once() {
    fixture.close();
    long before = fixture.dataverseLog().lastSequence();
    long spotlerBefore = fixture.spotlerLog().lastSequence();

    fixture = new TwoWayFixture(sandbox, dir, "");

    assertThat(fixture.dataverseLog().since(before))
        .filteredOn(e -> e.path().endsWith("EntityDefinitions(LogicalName='contact')"))
        .hasSize(1);
    assertThat(fixture.spotlerLog().since(spotlerBefore))
        .filteredOn(e -> e.path().endsWith("/contact/properties/list"))
        .hasSize(1);
  }

  @Test
  void a_field_mapped_from_spotler_reaches_dynamics_and_a_field_mapped_to_spotler_does_not() {
    String id = fixture.syncedContactIds().get(0);
    String lastName = fixture.row("contacts", id).get("lastname").asText();

    fixture.editSpotler(id, Map.of("city", "Zwolle", "lastName", "Spotlerson"));
    fixture.syncBothWays();

    assertThat(fixture.row("contacts", id).get("address1_city").asText()).isEqualTo("Zwolle");
    assertThat(fixture.row("contacts", id).get("lastname").asText()).isEqualTo(lastName);
    assertThat(fixture.spotlerText(id, "lastName")).as("left until Dynamics 365 changes it").isEqualTo("Spotlerson");

    fixture.editRow("contacts", id, Map.of("lastname", "Dynamo"));
    fixture.syncBothWays();

    assertThat(fixture.spotlerText(id, "lastName")).isEqualTo("Dynamo");
  }

  @Test
  void a_two_way_field_flows_from_spotler_to_dynamics_and_from_dynamics_to_spotler() {
    String id = fixture.syncedContactIds().get(1);

    fixture.editSpotler(id, Map.of("firstName", "Sanne"));
    fixture.syncBothWays();
    assertThat(fixture.row("contacts", id).get("firstname").asText()).isEqualTo("Sanne");

    fixture.editRow("contacts", id, Map.of("firstname", "Saskia"));
    fixture.syncBothWays();
    assertThat(fixture.spotlerText(id, "firstName")).isEqualTo("Saskia");
    assertThat(fixture.conflicts()).isEmpty();
  }

  @Test
  void text_choice_by_label_date_and_numbers_convert_on_their_way_to_dynamics() {
    String contact = fixture.syncedContactIds().get(2);
    String account = fixture.accountIds().get(0);

    fixture.editSpotler(contact, Map.of("city", "Den Bosch", "taal", "email", "birthday", "1985-06-15"));
    fixture.editSpotler(account, Map.of("numberOfOrders", 42, "totalRevenue", "1234.50"));
    fixture.syncBothWays();

    assertThat(fixture.row("contacts", contact).get("address1_city").asText()).isEqualTo("Den Bosch");
    assertThat(fixture.row("contacts", contact).get("preferredcontactmethodcode").asInt())
        .as("the option labelled Email").isEqualTo(2);
    assertThat(fixture.row("contacts", contact).get("birthdate").asText()).isEqualTo("1985-06-15");
    assertThat(fixture.row("accounts", account).get("numberofemployees").asInt()).isEqualTo(42);
    assertThat(fixture.row("accounts", account).get("revenue").decimalValue()).isEqualByComparingTo("1234.5");
  }

  @Test
  void dates_and_numbers_mapped_both_ways_convert_on_their_way_to_spotler() {
    String contact = fixture.syncedContactIds().get(3);
    String account = fixture.accountIds().get(1);

    fixture.editRow("contacts", contact, Map.of("birthdate", "1979-12-31"));
    fixture.editRow("accounts", account, Map.of("numberofemployees", 7));
    fixture.syncBothWays();

    assertThat(fixture.spotlerText(contact, "birthday")).isEqualTo("1979-12-31");
    assertThat(fixture.spotler(account).properties().get("numberOfOrders")).isEqualTo(7L);
  }

  @Test
  void fields_mapped_from_spotler_are_never_sent_to_spotler() {
    String id = fixture.syncedContactIds().get(4);
    fixture.editSpotler(id, Map.of("taal", "Phone", "city", "Gouda"));
    fixture.syncBothWays();
    long mark = fixture.spotlerLog().lastSequence();

    fixture.editRow("contacts", id, Map.of(
        "preferredcontactmethodcode", 4, "address1_city", "Delft", "firstname", "Fenna"));
    fixture.syncBothWays();

    assertThat(fixture.spotlerText(id, "firstName")).isEqualTo("Fenna");
    assertThat(fixture.spotlerText(id, "taal")).isEqualTo("Phone");
    assertThat(fixture.spotlerText(id, "city")).isEqualTo("Gouda");
    assertThat(fixture.spotlerWrites(mark)).isNotEmpty()
        .allSatisfy(write -> assertThat(write.body()).doesNotContain("\"taal\"", "\"city\""));
  }

  @Test
  void after_a_round_trip_neither_flow_writes_again() {
    String fromSpotler = fixture.syncedContactIds().get(5);
    String fromDynamics = fixture.syncedContactIds().get(6);
    long dataverseMark = fixture.dataverseLog().lastSequence();
    long spotlerMark = fixture.spotlerLog().lastSequence();

    fixture.editSpotler(fromSpotler, Map.of("firstName", "Echo", "city", "Ede"));
    fixture.editRow("contacts", fromDynamics, Map.of("firstname", "Narcissus"));
    fixture.syncBothWays();

    assertThat(fixture.dataverseWrites(dataverseMark)).as("one update, of the row edited in Spotler").singleElement()
        .satisfies(write -> assertThat(write.method()).isEqualTo("PATCH"));
    assertThat(fixture.spotlerWrites(spotlerMark)).as("one upsert, of the row edited in Dynamics 365")
        .singleElement().satisfies(write -> assertThat(write.body()).contains(fromDynamics)
            .doesNotContain(fromSpotler));

    long dataverseAfter = fixture.dataverseLog().lastSequence();
    long spotlerAfter = fixture.spotlerLog().lastSequence();
    fixture.syncBothWays();
    fixture.syncBothWays();

    assertThat(fixture.dataverseWrites(dataverseAfter)).isEmpty();
    assertThat(fixture.spotlerWrites(spotlerAfter)).isEmpty();
    assertThat(fixture.row("contacts", fromSpotler).get("firstname").asText()).isEqualTo("Echo");
    assertThat(fixture.spotlerText(fromDynamics, "firstName")).isEqualTo("Narcissus");
  }

  @Test
  void a_send_of_a_one_way_field_leaves_the_two_way_fields_alone_and_reads_nothing_from_spotler() {
    String id = fixture.syncedContactIds().get(8);
    long mark = fixture.spotlerLog().lastSequence();

    fixture.editSpotler(id, Map.of("infix", "ter"));
    fixture.editRow("contacts", id, Map.of("lastname", "Horst"));
    fixture.outbound();

    assertThat(fixture.spotlerText(id, "lastName")).isEqualTo("Horst");
    assertThat(fixture.spotlerText(id, "infix")).isEqualTo("ter");
    assertThat(fixture.spotlerLog().since(mark)).noneMatch(e -> e.method().equals("GET") && e.path().endsWith(id));
    fixture.inboundOnly();
    assertThat(fixture.row("contacts", id).get("middlename").asText()).isEqualTo("ter");
  }

  @Test
  void a_send_of_a_changed_two_way_field_does_not_overwrite_another_one_edited_in_spotler() {
    String id = fixture.syncedContactIds().get(7);

    fixture.editSpotler(id, Map.of("infix", "ter"));
    fixture.editRow("contacts", id, Map.of("lastname", "Horst", "firstname", "Gijs"));
    fixture.outbound(); // the outbound flow first: it must not send the stale infix
    assertThat(fixture.spotlerText(id, "infix")).isEqualTo("ter");

    fixture.inboundOnly();

    assertThat(fixture.row("contacts", id).get("middlename").asText()).isEqualTo("ter");
    assertThat(fixture.spotlerText(id, "lastName")).isEqualTo("Horst");
    assertThat(fixture.spotlerText(id, "firstName")).isEqualTo("Gijs");
    assertThat(fixture.conflicts()).isEmpty();
  }
}
