package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.sandbox.http.Json;

/**
 * A 100,000-member marketing list: made in-process quickly, then read back over HTTP page by page, as a static list
 * (listmembers with next links) and as a dynamic one (FetchXML with paging cookies). Each read must be complete, with
 * no member twice, in bounded time.
 */
class DataverseLargeListTest extends DataverseHttpTest {
  private static final Logger LOG = LoggerFactory.getLogger(DataverseLargeListTest.class);
  private static final int MEMBERS = 100_000;
  private static final Pattern PAGING_COOKIE = Pattern.compile("pagingcookie=\"([^\"]*)\"");

  private final List<UUID> contactIds = new ArrayList<>();

  @BeforeEach
  void arrangeContacts() {
    long start = System.nanoTime();
    List<ObjectNode> rows = new ArrayList<>(MEMBERS);
    for (int i = 0; i < MEMBERS; i++) {
      UUID id = UUID.randomUUID();
      contactIds.add(id);
      rows.add(Json.object().put("contactid", id.toString()).put("lastname", "Member " + i)
          .put("emailaddress1", "member" + i + "@example.nl").put("address1_city", i % 10 == 0 ? "Gent" : "Delft"));
    }
    emulator.table("contacts").insertAll(rows);
    LOG.atInfo().addKeyValue("contacts", MEMBERS).addKeyValue("millis", millisSince(start))
        .log("contacts inserted in-process");
  }

  @Test
  @Timeout(120)
  @DisplayName("§4.4: a static list of 100,000 members, added in-process, reads back completely over HTTP in pages of"
      + " 5,000 from listmembers")
  void a_static_list_of_a_hundred_thousand_reads_back_over_http() {
    long start = System.nanoTime();
    UUID list = emulator.marketingLists().createStatic("Everyone", MarketingListTables.CONTACT);
    emulator.marketingLists().addMembers(list, contactIds);
    long addMillis = millisSince(start);

    start = System.nanoTime();
    Set<String> read = new HashSet<>();
    int pages = 0;
    String next = "listmembers?$select=_entityid_value&$filter=_listid_value eq " + list;
    while (next != null) {
      Reply page = call("GET", next).prefer("odata.maxpagesize=5000").send();
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      for (JsonNode member : page.value()) {
        assertThat(read.add(member.path("_entityid_value").asText())).as("read twice").isTrue();
      }
      pages++;
      next = page.json().path("@odata.nextLink").asText(null);
    }
    long readMillis = millisSince(start);
    LOG.atInfo().addKeyValue("members", MEMBERS).addKeyValue("addMillis", addMillis)
        .addKeyValue("readMillis", readMillis).addKeyValue("pages", pages)
        .log("static list added in-process and read over HTTP");

    assertThat(read).isEqualTo(contactIds.stream().map(UUID::toString).collect(Collectors.toSet()));
    assertThat(pages).isEqualTo(MEMBERS / 5_000);
    assertThat(emulator.table("lists").get(list).orElseThrow().path("membercount").asInt()).isEqualTo(MEMBERS);
    assertThat(readMillis).as("reading 100,000 members").isLessThan(60_000);
  }

  @Test
  @Timeout(120)
  @DisplayName("§4.4, page-results.md: a dynamic list whose query selects 90,000 contacts reads back completely over"
      + " HTTP with FetchXML paging cookies, past simple paging's 50,000 rows")
  void a_dynamic_list_of_ninety_thousand_pages_with_cookies() {
    String query = "<entity name='contact'><attribute name='contactid'/><filter>"
        + "<condition attribute='address1_city' operator='eq' value='Delft'/></filter></entity></fetch>";
    UUID list = emulator.marketingLists().createDynamic("Delft", MarketingListTables.CONTACT, "<fetch>" + query);

    long start = System.nanoTime();
    Set<String> read = new HashSet<>();
    String cookie = null;
    int page = 1;
    while (true) {
      String pagingCookie = cookie == null ? "" : " paging-cookie='" + xmlEscape(cookie) + "'";
      String fetch = "<fetch count='5000' page='" + page + "'" + pagingCookie + ">" + query;
      Reply reply = call("GET", "contacts?fetchXml=" + URLEncoder.encode(fetch, StandardCharsets.UTF_8))
          .prefer("odata.include-annotations=\"*\"").send();
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      for (JsonNode contact : reply.value()) {
        assertThat(read.add(contact.path("contactid").asText())).as("read twice").isTrue();
      }
      if (!reply.json().path("@Microsoft.Dynamics.CRM.morerecords").asBoolean(false)) {
        break;
      }
      Matcher matcher = PAGING_COOKIE.matcher(reply.json().path("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie").asText());
      assertThat(matcher.find()).isTrue();
      cookie = decode(decode(matcher.group(1)));
      page++;
    }
    long readMillis = millisSince(start);
    LOG.atInfo().addKeyValue("members", read.size()).addKeyValue("readMillis", readMillis).addKeyValue("pages", page)
        .log("dynamic list read over HTTP with FetchXML paging cookies");

    assertThat(read).hasSize(MEMBERS * 9 / 10);
    assertThat(page).isEqualTo(18);
    assertThat(emulator.marketingLists().members(list)).hasSize(MEMBERS * 9 / 10);
    assertThat(readMillis).as("reading 90,000 members").isLessThan(60_000);
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static String xmlEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
        .replace("\"", "&quot;");
  }
}
