package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spotlerconnector.sandbox.http.Json;

class DataverseQueryConformanceTest extends DataverseHttpTest {

  @Test
  @DisplayName("dataverse-api.md §2.1, §2.4: $select names the columns in the context URL; the primary key is always returned")
  void select_returns_the_named_columns() {
    create("contacts", "{\"firstname\":\"Ann\",\"lastname\":\"Smith\"}");

    Reply reply = get("contacts?$select=firstname,lastname");

    assertThat(reply.json().path("@odata.context").asText()).isEqualTo(root() + "/$metadata#contacts(firstname,lastname)");
    JsonNode row = reply.value().get(0);
    assertThat(row.fieldNames()).toIterable().containsExactly("@odata.etag", "firstname", "lastname", "contactid");
  }

  @Test
  @DisplayName("dataverse-api.md §2.4: without $select all columns come back, empty ones as null")
  void without_select_all_columns_come_back() {
    create("contacts", "{\"lastname\":\"Smith\"}");

    JsonNode row = get("contacts").value().get(0);

    assertThat(row.has("emailaddress1")).isTrue();
    assertThat(row.path("emailaddress1").isNull()).isTrue();
  }

  @Test
  @DisplayName("dataverse-api.md §2.4: $filter, $orderby, $top and $count")
  void filters_orders_tops_and_counts() {
    for (String name : List.of("Delta", "alpha", "Charlie", "bravo", "Echo")) {
      create("contacts", "{\"lastname\":\"" + name + "\",\"jobtitle\":\"" + (name.length() == 5 ? "five" : "other") + "\"}");
    }

    Reply reply = get("contacts?$select=lastname&$filter=jobtitle eq 'five'&$orderby=lastname desc&$top=2&$count=true");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().path("@odata.count").asInt()).isEqualTo(3);
    assertThat(reply.value().findValuesAsText("lastname")).containsExactly("Delta", "bravo");
    assertThat(reply.json().has("@odata.nextLink")).isFalse();
  }

  @Test
  @DisplayName("dataverse-api.md §2.4: $filter on a lookup property _x_value")
  void filters_on_a_lookup() {
    UUID account = create("accounts", "{\"name\":\"Contoso\"}");
    UUID member = create("contacts", "{\"lastname\":\"A\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + account + ")\"}");
    create("contacts", "{\"lastname\":\"B\"}");

    Reply reply = get("contacts?$select=lastname&$filter=_parentcustomerid_value eq " + account);

    assertThat(reply.value().findValuesAsText("contactid")).containsExactly(member.toString());
  }

  @Test
  @DisplayName("dataverse-api.md §2.4: $expand of a single-valued navigation property with a nested $select")
  void expands_a_lookup_with_nested_select() {
    UUID account = create("accounts", "{\"name\":\"Contoso\",\"telephone1\":\"555\"}");
    create("contacts", "{\"lastname\":\"A\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + account + ")\"}");
    create("contacts", "{\"lastname\":\"B\"}");

    Reply reply = get("contacts?$select=lastname&$orderby=lastname&$expand=parentcustomerid_account($select=name),parentcustomerid_contact");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode withAccount = reply.value().get(0);
    assertThat(withAccount.path("parentcustomerid_account").path("name").asText()).isEqualTo("Contoso");
    assertThat(withAccount.path("parentcustomerid_account").has("telephone1")).isFalse();
    assertThat(withAccount.path("parentcustomerid_account").path("accountid").asText()).isEqualTo(account.toString());
    assertThat(withAccount.path("parentcustomerid_contact").isNull()).isTrue();
    assertThat(reply.value().get(1).path("parentcustomerid_account").isNull()).isTrue();
    assertThat(reply.json().path("@odata.context").asText()).contains("parentcustomerid_account(name)");
  }

  @Test
  @DisplayName("dataverse-api.md §2.4: an unknown navigation property in $expand is 400")
  void unknown_expand_is_400() {
    Reply reply = get("contacts?$expand=nosuchthing");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorMessage()).isEqualTo("Could not find a property named 'nosuchthing' on type 'Microsoft.Dynamics.CRM.contact'.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"$skip=10", "$search=smith", "$format=json", "$apply=groupby((lastname))x", "$xyz=1"})
  @DisplayName("dataverse-api.md §2.4: $skip, $search, $format and unknown options are not supported (400)")
  void refuses_unsupported_query_options(String option) {
    Reply reply = get("contacts?" + option);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorMessage()).contains(option.substring(0, option.indexOf('=')));
  }

  @Test
  @DisplayName("dataverse-api.md §2.4: option names are case-sensitive")
  void option_names_are_case_sensitive() {
    assertThat(get("contacts?$Select=lastname").status()).isEqualTo(400);
    assertThat(get("contacts?$TOP=1").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("dataverse-api.md §2.4: a malformed $top or $count, or a repeated option, is 400")
  void malformed_options_are_400() {
    assertThat(get("contacts?$top=-1").status()).isEqualTo(400);
    assertThat(get("contacts?$top=ten").status()).isEqualTo(400);
    assertThat(get("contacts?$count=yes").status()).isEqualTo(400);
    assertThat(get("contacts?$top=1&$top=2").status()).isEqualTo(400);
    assertThat(get("contacts?$select=nosuchcolumn").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("dataverse-api.md §2.5: odata.maxpagesize pages with an absolute @odata.nextLink; the last page has none")
  void pages_with_next_links() {
    insertContacts(7);

    Reply first = call("GET", "contacts?$select=lastname").prefer("odata.maxpagesize=3").send();

    assertThat(first.header("Preference-Applied")).isEqualTo("odata.maxpagesize=3");
    assertThat(first.value()).hasSize(3);
    String next = first.json().path("@odata.nextLink").asText();
    assertThat(next).startsWith(root() + "/contacts?$select=lastname&$skiptoken=");
    List<String> all = new ArrayList<>(first.value().findValuesAsText("lastname"));
    Reply page = first;
    int pages = 1;
    while (page.json().has("@odata.nextLink")) {
      page = call("GET", page.json().path("@odata.nextLink").asText()).prefer("odata.maxpagesize=3").send();
      all.addAll(page.value().findValuesAsText("lastname"));
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(all).hasSize(7).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("dataverse-api.md §2.5: the skiptoken is a paging cookie; rows inserted and deleted between pages do not disturb paging")
  void paging_survives_inserts_and_deletes_between_pages() {
    List<UUID> ids = insertContacts(10);
    List<UUID> ordered = ids.stream().sorted(GuidOrder.INSTANCE).toList();

    Reply first = call("GET", "contacts?$select=lastname").prefer("odata.maxpagesize=4").send();
    assertThat(first.json().path("@odata.nextLink").asText()).contains("$skiptoken=%3Ccookie%20pagenumber%3D%222%22");
    emulator.table("contacts").delete(ordered.get(2));
    emulator.table("contacts").delete(ordered.get(5));
    ObjectNode before = Json.object().put("contactid", "00000000-0000-0000-0000-000000000000").put("lastname", "early");
    ObjectNode after = Json.object().put("contactid", "ffffffff-ffff-ffff-ffff-ffffffffffff").put("lastname", "late");
    emulator.table("contacts").insert(before);
    emulator.table("contacts").insert(after);

    List<String> rest = new ArrayList<>();
    Reply page = first;
    while (page.json().has("@odata.nextLink")) {
      page = call("GET", page.json().path("@odata.nextLink").asText()).prefer("odata.maxpagesize=4").send();
      rest.addAll(page.value().findValuesAsText("contactid"));
    }
    List<String> expected = new ArrayList<>();
    for (UUID id : ordered.subList(4, 10)) {
      if (!id.equals(ordered.get(5))) {
        expected.add(id.toString());
      }
    }
    expected.add("ffffffff-ffff-ffff-ffff-ffffffffffff");
    assertThat(rest).containsExactlyElementsOf(expected);
  }

  @Test
  @DisplayName("dataverse-api.md §2.5: paging follows $orderby, ties broken by key, even when rows change between pages")
  void paging_follows_orderby() {
    for (int i = 0; i < 9; i++) {
      create("contacts", "{\"lastname\":\"" + (char) ('a' + (i % 3)) + "\",\"firstname\":\"" + i + "\"}");
    }
    String url = "contacts?$select=lastname,firstname&$orderby=lastname desc";

    Reply page = call("GET", url).prefer("odata.maxpagesize=4").send();
    List<String> names = new ArrayList<>(page.value().findValuesAsText("lastname"));
    create("contacts", "{\"lastname\":\"c\",\"firstname\":\"late but already passed\"}");
    while (page.json().has("@odata.nextLink")) {
      page = call("GET", page.json().path("@odata.nextLink").asText()).prefer("odata.maxpagesize=4").send();
      names.addAll(page.value().findValuesAsText("lastname"));
    }

    assertThat(names).hasSize(9).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  @DisplayName("dataverse-api.md §2.5: $top is ignored when paging with odata.maxpagesize")
  void top_is_ignored_when_paging() {
    insertContacts(5);

    Reply reply = call("GET", "contacts?$top=1").prefer("odata.maxpagesize=2").send();

    assertThat(reply.value()).hasSize(2);
    assertThat(reply.json().has("@odata.nextLink")).isTrue();
  }

  @Test
  @DisplayName("dataverse-api.md §2.4: at most 5,000 rows per response; more come through the next link")
  void caps_a_page_at_5000_rows() {
    List<ObjectNode> rows = new ArrayList<>();
    for (int i = 0; i < 5_001; i++) {
      rows.add(Json.object().put("lastname", "n" + i));
    }
    emulator.table("contacts").insertAll(rows);

    Reply first = get("contacts?$select=lastname");
    Reply second = get(first.json().path("@odata.nextLink").asText());

    assertThat(first.value()).hasSize(5_000);
    assertThat(second.value()).hasSize(1);
    assertThat(second.json().has("@odata.nextLink")).isFalse();
  }

  @Test
  @DisplayName("dataverse-api.md §3: <entityset>/$count answers the number of matching rows as plain text")
  void counts_with_the_count_segment() {
    insertContacts(3);
    create("contacts", "{\"lastname\":\"Other\"}");

    Reply all = get("contacts/$count");
    Reply filtered = get("contacts/$count?$filter=lastname eq 'Other'");

    assertThat(all.body()).isEqualTo("4");
    assertThat(all.header("Content-Type")).startsWith("text/plain");
    assertThat(filtered.body()).isEqualTo("1");
  }

  @Test
  @DisplayName("a tampered $skiptoken is 400")
  void tampered_skiptoken_is_400() {
    assertThat(get("contacts?$skiptoken=garbage").status()).isEqualTo(400);
    assertThat(get("contacts?$skiptoken=%3Ccookie%20pagenumber%3D%222%22%20pagingcookie%3D%22%253Cx%22%20istracking%3D%22False%22%20%2F%3E").status())
        .isEqualTo(400);
  }

  private List<UUID> insertContacts(int count) {
    List<ObjectNode> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(Json.object().put("lastname", "Contact " + i));
    }
    return emulator.table("contacts").insertAll(rows);
  }
}
