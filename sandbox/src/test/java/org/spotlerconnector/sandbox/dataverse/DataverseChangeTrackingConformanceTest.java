package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataverseChangeTrackingConformanceTest extends DataverseHttpTest {

  private Reply track(String pathAndQuery) {
    return call("GET", pathAndQuery).prefer("odata.track-changes").send();
  }

  @Test
  @DisplayName("dataverse-api.md §3: odata.track-changes answers all rows and a @odata.deltaLink keeping $select")
  void initial_sync_answers_a_delta_link() {
    create("accounts", "{\"name\":\"Contoso\"}");

    Reply reply = track("accounts?$select=name,telephone1");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Preference-Applied")).isEqualTo("odata.track-changes");
    assertThat(reply.value()).hasSize(1);
    assertThat(reply.json().path("@odata.deltaLink").asText())
        .startsWith(root() + "/accounts?$select=name,telephone1&$deltatoken=")
        .matches(".*\\$deltatoken=\\d+%21\\d\\d%2F\\d\\d%2F\\d{4}%20\\d\\d%3A\\d\\d%3A\\d\\d$");
  }

  @Test
  @DisplayName("dataverse-api.md §3: the delta has new and changed rows, then deletions as $deletedEntity, and a new delta link")
  void delta_answers_changes_then_deletions() {
    UUID kept = create("accounts", "{\"name\":\"Kept\"}");
    UUID changed = create("accounts", "{\"name\":\"Before\"}");
    UUID removed = create("accounts", "{\"name\":\"Removed\"}");
    String deltaLink = track("accounts?$select=name").json().path("@odata.deltaLink").asText();
    patch("accounts(" + changed + ")", "{\"name\":\"After\"}");
    UUID added = create("accounts", "{\"name\":\"Added\"}");
    delete("accounts(" + removed + ")");

    Reply delta = track(deltaLink);

    assertThat(delta.status()).isEqualTo(200);
    assertThat(delta.json().path("@odata.context").asText()).isEqualTo(root() + "/$metadata#accounts(name)/$delta");
    JsonNode value = delta.value();
    assertThat(value).hasSize(3);
    assertThat(value.get(0).path("accountid").asText()).isEqualTo(changed.toString());
    assertThat(value.get(0).path("name").asText()).isEqualTo("After");
    assertThat(value.get(0).has("telephone1")).isFalse();
    assertThat(value.get(1).path("accountid").asText()).isEqualTo(added.toString());
    assertThat(value.get(2).path("@odata.context").asText()).isEqualTo(root() + "/$metadata#accounts/$deletedEntity");
    assertThat(value.get(2).path("id").asText()).isEqualTo(removed.toString());
    assertThat(value.get(2).path("reason").asText()).isEqualTo("deleted");
    assertThat(value.findValuesAsText("accountid")).doesNotContain(kept.toString());

    Reply nothingNew = track(delta.json().path("@odata.deltaLink").asText());
    assertThat(nothingNew.value()).isEmpty();
    assertThat(nothingNew.json().has("@odata.deltaLink")).isTrue();
  }

  @Test
  @DisplayName("dataverse-api.md §3: a row created and deleted between two syncs shows up as a deletion")
  void created_and_deleted_between_syncs_is_a_deletion() {
    String deltaLink = track("contacts?$select=lastname").json().path("@odata.deltaLink").asText();
    UUID brief = create("contacts", "{\"lastname\":\"Brief\"}");
    delete("contacts(" + brief + ")");

    JsonNode value = track(deltaLink).value();

    assertThat(value).hasSize(1);
    assertThat(value.get(0).path("id").asText()).isEqualTo(brief.toString());
    assertThat(value.get(0).path("reason").asText()).isEqualTo("deleted");
  }

  @Test
  @DisplayName("in-process writes (seeding, tests) are tracked like API writes")
  void java_writes_are_tracked() {
    String deltaLink = track("contacts?$select=lastname").json().path("@odata.deltaLink").asText();
    UUID id = emulator.table("contacts").insert(json("{\"lastname\":\"Seeded\"}"));
    emulator.table("contacts").update(id, json("{\"lastname\":\"Updated\"}"));

    JsonNode value = track(deltaLink).value();

    assertThat(value).hasSize(1);
    assertThat(value.get(0).path("lastname").asText()).isEqualTo("Updated");
  }

  @ParameterizedTest
  @ValueSource(strings = {"filter=lastname eq 'x'", "orderby=lastname", "expand=parentcustomerid_account", "top=5"})
  @DisplayName("dataverse-api.md §3: $filter, $orderby, $expand and $top are refused with change tracking")
  void refuses_options_forbidden_with_change_tracking(String option) {
    String name = "$" + option.substring(0, option.indexOf('='));

    Reply initial = track("contacts?$" + option);
    String deltaLink = track("contacts").json().path("@odata.deltaLink").asText();
    Reply delta = call("GET", deltaLink + "&$" + option).send();

    for (Reply reply : new Reply[] {initial, delta}) {
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.errorMessage()).isEqualTo("The \"" + name + "\" query parameter isn't supported when Change Tracking is enabled.");
    }
  }

  @Test
  @DisplayName("dataverse-api.md §3: tables without change tracking refuse odata.track-changes")
  void refuses_tables_without_change_tracking() {
    emulator.addTable(TableDefinition.builder("new_note", "new_notes").primaryName("new_name")
        .column(ColumnDefinition.string("new_name", 100)).build());

    Reply reply = track("new_notes");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(get("new_notes").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("dataverse-api.md §3: the deltaLink comes on the last page when the first sync pages")
  void delta_link_comes_on_the_last_page() {
    for (int i = 0; i < 5; i++) {
      create("contacts", "{\"lastname\":\"C" + i + "\"}");
    }
    Reply page = call("GET", "contacts?$select=lastname").prefer("odata.track-changes,odata.maxpagesize=2").send();
    List<String> seen = new ArrayList<>(page.value().findValuesAsText("contactid"));
    assertThat(page.header("Preference-Applied")).contains("odata.track-changes").contains("odata.maxpagesize=2");
    UUID duringPaging = create("contacts", "{\"lastname\":\"During\"}");
    while (page.json().has("@odata.nextLink")) {
      assertThat(page.json().has("@odata.deltaLink")).isFalse();
      page = call("GET", page.json().path("@odata.nextLink").asText()).prefer("odata.track-changes,odata.maxpagesize=2").send();
      seen.addAll(page.value().findValuesAsText("contactid"));
    }
    String deltaLink = page.json().path("@odata.deltaLink").asText();
    assertThat(deltaLink).isNotEmpty();

    JsonNode delta = track(deltaLink).value();

    assertThat(delta.findValuesAsText("contactid")).contains(duringPaging.toString());
    assertThat(seen).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  @DisplayName("dataverse-api.md §3: delta responses page too; the new deltaLink comes on the last page")
  void delta_responses_page() {
    String deltaLink = track("contacts?$select=lastname").json().path("@odata.deltaLink").asText();
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(create("contacts", "{\"lastname\":\"C" + i + "\"}"));
    }
    delete("contacts(" + ids.get(0) + ")");
    delete("contacts(" + ids.get(1) + ")");

    List<JsonNode> entries = new ArrayList<>();
    Reply page = call("GET", deltaLink).prefer("odata.track-changes,odata.maxpagesize=3").send();
    page.value().forEach(entries::add);
    int pages = 1;
    while (page.json().has("@odata.nextLink")) {
      page = call("GET", page.json().path("@odata.nextLink").asText()).prefer("odata.maxpagesize=3").send();
      page.value().forEach(entries::add);
      pages++;
    }

    assertThat(pages).isEqualTo(2);
    assertThat(entries).hasSize(4);
    assertThat(entries.subList(0, 2)).allSatisfy(e -> assertThat(e.has("contactid")).isTrue());
    assertThat(entries.subList(2, 4)).allSatisfy(e -> assertThat(e.path("reason").asText()).isEqualTo("deleted"));
    assertThat(page.json().has("@odata.deltaLink")).isTrue();
  }

  @Test
  @DisplayName("dataverse-api.md §3: GET <entityset>/$count?$deltatoken=… counts the changes since the token")
  void counts_changes_since_a_token() {
    UUID removed = create("contacts", "{\"lastname\":\"Removed\"}");
    String deltaLink = track("contacts").json().path("@odata.deltaLink").asText();
    String tokenPart = deltaLink.substring(deltaLink.indexOf("$deltatoken="));
    create("contacts", "{\"lastname\":\"New\"}");
    delete("contacts(" + removed + ")");

    assertThat(get("contacts/$count?" + tokenPart).body()).isEqualTo("2");
  }

  @Test
  @DisplayName("dataverse-api.md §3: a malformed or unknown delta token is refused")
  void refuses_malformed_tokens() {
    assertThat(get("contacts?$deltatoken=garbage").status()).isEqualTo(400);
    assertThat(get("contacts?$deltatoken=99999999%2101%2F01%2F2024%2000%3A00%3A00").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("dataverse-api.md §3: a token older than the retention is refused: 'Version stamp … has expired. Please perform a full sync.'")
  void refuses_expired_tokens() {
    String deltaLink = track("contacts").json().path("@odata.deltaLink").asText();
    emulator.changeTrackingRetention(Duration.ofDays(1));
    clock.advance(Duration.ofDays(1).plusSeconds(1));
    token = tokens.issue(TENANT, CLIENT_ID, server.baseUrl()).value();

    Reply reply = get(deltaLink);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorMessage()).isEqualTo("Version stamp associated with the client has expired. Please perform a full sync.");
  }

  @Test
  @DisplayName("tokens issued before a reset are refused as expired, since the rows they describe are gone")
  void refuses_tokens_from_before_a_reset() {
    create("contacts", "{\"lastname\":\"Gone\"}");
    String deltaLink = track("contacts").json().path("@odata.deltaLink").asText();

    emulator.reset();

    assertThat(get(deltaLink).errorMessage()).contains("Please perform a full sync.");
  }
}
