package org.spotlerconnector.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.RequestLog;

/** Queries, paging and single-row reads over real HTTP against the Dataverse emulator. */
class DataverseQueryIntegrationTest {
  private final DataverseSandbox sandbox = new DataverseSandbox();
  private final DataverseClient client = sandbox.client();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  @DisplayName("dataverse-api.md §2.5: 12,000 rows in pages of odata.maxpagesize, following @odata.nextLink as is")
  void pages_through_twelve_thousand_rows() {
    sandbox.seedContacts(12_000);
    List<Integer> pageSizes = new ArrayList<>();
    List<String> firstRowsOfPages = new ArrayList<>();

    ResultPages<ObjectNode> pages = client.query(ODataQuery.of("contacts").select("lastname").orderBy("lastname"));
    while (pages.hasNext()) {
      List<ObjectNode> rows = pages.next().items();
      pageSizes.add(rows.size());
      firstRowsOfPages.add(rows.get(0).path("lastname").asText());
    }

    assertThat(pageSizes).containsExactly(5_000, 5_000, 2_000);
    assertThat(firstRowsOfPages).containsExactly("Last00000", "Last05000", "Last10000");
    List<RequestLog.Entry> requests = sandbox.apiRequests();
    assertThat(requests).hasSize(3).allSatisfy(r ->
        assertThat(DataverseSandbox.header(r, "Prefer")).isEqualTo("odata.maxpagesize=5000"));
    assertThat(requests.get(1).query()).contains("$skiptoken=");
  }

  @Test
  void a_smaller_page_size_can_be_asked_for_per_query() {
    sandbox.seedContacts(25);

    List<Integer> sizes = new ArrayList<>();
    client.query(ODataQuery.of("contacts").select("lastname"), 10).forEachPage(rows -> sizes.add(rows.size()));

    assertThat(sizes).containsExactly(10, 10, 5);
  }

  @Test
  @DisplayName("§2.1: every request carries Accept, OData-MaxVersion, OData-Version and a bearer token")
  void sends_the_documented_headers() {
    sandbox.seedContacts(1);

    client.query(ODataQuery.of("contacts")).forEachPage(rows -> {});

    RequestLog.Entry request = sandbox.apiRequests().get(0);
    assertThat(DataverseSandbox.header(request, "Accept")).isEqualTo("application/json");
    assertThat(DataverseSandbox.header(request, "OData-MaxVersion")).isEqualTo("4.0");
    assertThat(DataverseSandbox.header(request, "OData-Version")).isEqualTo("4.0");
    assertThat(DataverseSandbox.header(request, "Authorization")).startsWith("Bearer ");
    assertThat(DataverseSandbox.header(request, "Content-Type")).isNull(); // only requests with a body have one
  }

  @Test
  @DisplayName("§2.4: $select, $filter and $orderby are applied by the service")
  void filters_selects_and_orders() {
    sandbox.seedContacts(30);

    List<ObjectNode> rows = new ArrayList<>();
    client.query(ODataQuery.of("contacts")
            .select("firstname", "lastname")
            .filter("startswith(lastname,'Last0001')")
            .orderBy("lastname desc"))
        .forEachPage(rows::addAll);

    assertThat(rows).extracting(r -> r.path("lastname").asText())
        .containsExactly("Last00019", "Last00018", "Last00017", "Last00016", "Last00015", "Last00014", "Last00013",
            "Last00012", "Last00011", "Last00010");
    assertThat(rows.get(0).has("firstname")).isTrue();
    assertThat(rows.get(0).has("contactid")).isTrue();
  }

  @Test
  void a_filter_literal_with_reserved_characters_reaches_the_service_intact() {
    sandbox.dataverse.table("contacts").insert(
        DataverseSandbox.JSON.createObjectNode()
            .put("lastname", "O'Bryan & Sons+Co")
            .put("emailaddress1", "a+b@x.org"));

    List<ObjectNode> rows = new ArrayList<>();
    client.query(ODataQuery.of("contacts").select("lastname")
        .filter("lastname eq 'O''Bryan & Sons+Co' and emailaddress1 eq 'a+b@x.org'")).forEachPage(rows::addAll);

    assertThat(rows).singleElement()
        .satisfies(r -> assertThat(r.path("lastname").asText()).isEqualTo("O'Bryan & Sons+Co"));
  }

  @Test
  void retrieves_one_row_by_id_and_reports_a_missing_one_as_empty() {
    UUID id = sandbox.seedContacts(1).get(0);

    assertThat(client.retrieve("contacts", RecordKey.id(id), "lastname"))
        .hasValueSatisfying(row -> {
          assertThat(row.path("lastname").asText()).isEqualTo("Last00000");
          assertThat(row.path("@odata.etag").asText()).startsWith("W/\"");
        });
    assertThat(client.retrieve("contacts", RecordKey.id(UUID.randomUUID()))).isEmpty();
  }

  @Test
  @DisplayName("§2.1: WhoAmI answers with the application user")
  void calls_functions_relative_to_the_service_root() {
    assertThat(client.get("WhoAmI").path("UserId").asText()).isNotEmpty();
  }
}
