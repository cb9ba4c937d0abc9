package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.Json;
import org.spotlerconnector.sandbox.seed.SeedData;

class DataverseInspectionTest extends DataverseHttpTest {

  @Test
  @DisplayName("Inspection: GET /_sandbox/tables lists the entity sets with row counts")
  void lists_tables() {
    create("contacts", "{\"lastname\":\"A\"}");

    JsonNode tables = inspect("GET", "/_sandbox/tables", null).json().path("tables");

    assertThat(tables.findValuesAsText("entitySet")).contains("contacts", "leads", "accounts", "systemusers");
    for (JsonNode table : tables) {
      if (table.path("entitySet").asText().equals("contacts")) {
        assertThat(table.path("rows").asInt()).isEqualTo(1);
        assertThat(table.path("changeTracking").asBoolean()).isTrue();
      }
    }
  }

  @Test
  @DisplayName("Inspection: POST /_sandbox/tables/{set} seeds rows (ids and versions filled in), GET lists them, DELETE removes one")
  void seeds_lists_and_deletes_rows() {
    Reply seeded = inspect("POST", "/_sandbox/tables/contacts", "[{\"lastname\":\"A\"},{\"lastname\":\"B\",\"gendercode\":2}]");

    assertThat(seeded.status()).isEqualTo(201);
    assertThat(seeded.json().path("ids")).hasSize(2);
    JsonNode rows = inspect("GET", "/_sandbox/tables/contacts", null).json().path("value");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).path("versionnumber").asLong()).isPositive();
    String id = seeded.json().path("ids").get(0).asText();
    assertThat(inspect("DELETE", "/_sandbox/tables/contacts/" + id, null).status()).isEqualTo(204);
    assertThat(inspect("DELETE", "/_sandbox/tables/contacts/" + id, null).status()).isEqualTo(404);
    assertThat(emulator.table("contacts").count()).isEqualTo(1);
  }

  @Test
  @DisplayName("Inspection: GET /_sandbox/lists/{id}/members answers a static list's members in the order added and"
      + " the rows a dynamic list's query selects; an unknown list is 404, a broken query 400")
  void reads_list_members() {
    UUID ann = create("contacts", "{\"lastname\":\"Ann\",\"address1_city\":\"Delft\"}");
    UUID bob = create("contacts", "{\"lastname\":\"Bob\",\"address1_city\":\"Gent\"}");
    MarketingLists lists = emulator.marketingLists();
    UUID chosen = lists.createStatic("Chosen", MarketingListTables.CONTACT);
    lists.addMembers(chosen, List.of(bob, ann));
    UUID delft = lists.createDynamic("Delft", MarketingListTables.CONTACT,
        "<fetch><entity name='contact'><filter><condition attribute='address1_city' operator='eq' value='Delft'/>"
            + "</filter></entity></fetch>");
    UUID broken = lists.createDynamic("Broken", MarketingListTables.CONTACT, "<fetch>");

    JsonNode chosenMembers = inspect("GET", "/_sandbox/lists/" + chosen + "/members", null).json();
    JsonNode delftMembers = inspect("GET", "/_sandbox/lists/" + delft + "/members", null).json();

    assertThat(chosenMembers.path("dynamic").asBoolean()).isFalse();
    assertThat(chosenMembers.path("members").toString()).isEqualTo("[\"" + bob + "\",\"" + ann + "\"]");
    assertThat(delftMembers.path("dynamic").asBoolean()).isTrue();
    assertThat(delftMembers.path("members").toString()).isEqualTo("[\"" + ann + "\"]");
    assertThat(inspect("GET", "/_sandbox/lists/" + UUID.randomUUID() + "/members", null).status()).isEqualTo(404);
    assertThat(inspect("GET", "/_sandbox/lists/" + broken + "/members", null).status()).isEqualTo(400);
  }

  @Test
  @DisplayName("Inspection: seeding is all or nothing, and invalid rows are refused in Dataverse's error format")
  void seeding_is_atomic() {
    Reply reply = inspect("POST", "/_sandbox/tables/contacts", "[{\"lastname\":\"A\"},{\"gendercode\":7}]");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("0x8004431a");
    assertThat(emulator.table("contacts").count()).isZero();
    assertThat(inspect("POST", "/_sandbox/tables/nosuchset", "[]").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("Inspection: POST /_sandbox/reset empties the tables and restores the default limits")
  void reset_empties_tables() {
    create("contacts", "{\"lastname\":\"A\"}");
    inspect("PUT", "/_sandbox/limits", "{\"requests\":5}");

    assertThat(inspect("POST", "/_sandbox/reset", null).status()).isEqualTo(204);

    assertThat(emulator.table("contacts").count()).isZero();
    assertThat(emulator.limits()).isEqualTo(ServiceProtectionLimits.DEFAULTS);
    assertThat(get("WhoAmI").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("Inspection: PUT /_sandbox/change-tracking sets how long delta tokens stay valid")
  void sets_change_tracking_retention() {
    assertThat(inspect("PUT", "/_sandbox/change-tracking", "{\"retentionSeconds\":60}").json().path("retentionSeconds").asLong())
        .isEqualTo(60);
    assertThat(emulator.changeTrackingRetention().toSeconds()).isEqualTo(60);
  }

  @Test
  @DisplayName("the shared seed data loads through the Java API, with lookups to accounts in stored form")
  void loads_the_seed_data() {
    SeedData seed = SeedData.generate(7, 20, 100, 30);

    emulator.table("accounts").insertAll(seed.accounts());
    emulator.table("contacts").insertAll(seed.contacts());
    emulator.table("leads").insertAll(seed.leads());

    assertThat(emulator.table("contacts").count()).isEqualTo(100);
    JsonNode withAccount =
        seed.contacts().stream().filter(c -> c.has("_parentcustomerid_value")).findFirst().map(c -> (JsonNode) c).orElseThrow();
    Reply row = call("GET", "contacts(" + withAccount.path("contactid").asText() + ")?$select=_parentcustomerid_value,fullname")
        .prefer("odata.include-annotations=\"*\"")
        .send();
    assertThat(row.json().path("_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname").asText()).isEqualTo("account");
    assertThat(row.json().path("fullname").asText()).isNotBlank();
  }

  @Test
  @DisplayName("the Java table API returns stored rows and refuses updates of missing rows with 'Does Not Exist'")
  void java_api_reads_and_refuses() {
    DataverseTable contacts = emulator.table("contacts");
    UUID id = contacts.insert(Json.object().put("lastname", "A"));

    assertThat(contacts.get(id)).hasValueSatisfying(row -> assertThat(row.path("fullname").asText()).isEqualTo("A"));
    assertThat(contacts.rows()).hasSize(1);
    UUID missing = UUID.randomUUID();
    assertThatThrownBy(() -> contacts.update(missing, Json.object().put("lastname", "B")))
        .isInstanceOf(DataverseException.class)
        .hasMessage("contact With Id = " + missing + " Does Not Exist");
  }
}
