package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET <entityset>?fetchXml=…} (dataverse-api.md §4.4; fetchxml/overview.md, filter-rows.md, page-results.md,
 * count-rows.md), as dynamic marketing lists use it.
 */
class DataverseFetchXmlConformanceTest extends DataverseHttpTest {
  private static final String ANNOTATIONS =
      "odata.include-annotations=\"Microsoft.Dynamics.CRM.fetchxmlpagingcookie,Microsoft.Dynamics.CRM.morerecords\"";
  private static final Pattern PAGING_COOKIE = Pattern.compile("pagingcookie=\"([^\"]*)\"");

  private UUID contoso;

  @BeforeEach
  void arrangeContacts() {
    contoso = create("accounts", "{\"name\":\"Contoso\",\"address1_city\":\"Utrecht\"}");
    UUID fabrikam = create("accounts", "{\"name\":\"Fabrikam\",\"address1_city\":\"Gent\"}");
    contact("Ann", "Amsterdam", 30, contoso);
    contact("Bob", "Amsterdam", 40, fabrikam);
    contact("Cas", "Rotterdam", 25, contoso);
    contact("Dirk", "Utrecht", null, null);
    contact("Eva", null, 50, null);
  }

  private void contact(String lastName, String city, Integer employees, UUID account) {
    StringBuilder body = new StringBuilder("{\"lastname\":\"" + lastName + "\",\"emailaddress1\":\""
        + lastName.toLowerCase() + "@example.nl\"");
    if (city != null) {
      body.append(",\"address1_city\":\"").append(city).append('"');
    }
    if (employees != null) {
      body.append(",\"gendercode\":").append(employees < 35 ? 1 : 2);
    }
    if (account != null) {
      body.append(",\"parentcustomerid_account@odata.bind\":\"/accounts(").append(account).append(")\"");
    }
    create("contacts", body.append('}').toString());
  }

  private Reply fetch(String entitySet, String fetchXml) {
    return call("GET", entitySet + "?fetchXml=" + encode(fetchXml)).send();
  }

  private Reply fetchWithAnnotations(String fetchXml) {
    return call("GET", "contacts?fetchXml=" + encode(fetchXml)).prefer(ANNOTATIONS).send();
  }

  private List<String> lastNames(String filter) {
    Reply reply = fetch("contacts", "<fetch><entity name='contact'><attribute name='lastname'/>"
        + "<order attribute='lastname'/>" + filter + "</entity></fetch>");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.value().findValuesAsText("lastname");
  }

  @Test
  @DisplayName("overview.md: the attributes asked for and the primary key, in the context URL too; FetchXML answers"
      + " leave null columns out")
  void returns_the_attributes_without_nulls() {
    Reply reply = fetch("contacts", "<fetch><entity name='contact'><attribute name='lastname'/>"
        + "<attribute name='address1_city'/><filter><condition attribute='lastname' operator='eq' value='Eva'/>"
        + "</filter></entity></fetch>");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().path("@odata.context").asText())
        .isEqualTo(root() + "/$metadata#contacts(lastname,address1_city,contactid)");
    JsonNode eva = reply.value().get(0);
    assertThat(eva.fieldNames()).toIterable().containsExactly("@odata.etag", "lastname", "contactid");
  }

  @Test
  @DisplayName("filter-rows.md: eq, ne, like, begins-with, not-null, null, in, not-in on plain columns; ne and not-in"
      + " leave out rows without a value, as SQL does")
  void condition_operators() {
    assertThat(lastNames(condition("address1_city", "eq", "amsterdam"))).containsExactly("Ann", "Bob");
    assertThat(lastNames(condition("address1_city", "ne", "Amsterdam"))).containsExactly("Cas", "Dirk");
    assertThat(lastNames(condition("emailaddress1", "like", "%a%@example.nl"))).containsExactly("Ann", "Cas", "Eva");
    assertThat(lastNames(condition("lastname", "begins-with", "D"))).containsExactly("Dirk");
    assertThat(lastNames(condition("lastname", "not-end-with", "k"))).containsExactly("Ann", "Bob", "Cas", "Eva");
    assertThat(lastNames("<filter><condition attribute='address1_city' operator='null'/></filter>"))
        .containsExactly("Eva");
    assertThat(lastNames("<filter><condition attribute='address1_city' operator='not-null'/></filter>"))
        .containsExactly("Ann", "Bob", "Cas", "Dirk");
    assertThat(lastNames("<filter><condition attribute='address1_city' operator='in'><value>Utrecht</value>"
        + "<value>Rotterdam</value></condition></filter>")).containsExactly("Cas", "Dirk");
    assertThat(lastNames("<filter><condition attribute='address1_city' operator='not-in'><value>Amsterdam</value>"
        + "</condition></filter>")).containsExactly("Cas", "Dirk");
  }

  @Test
  @DisplayName("filter-rows.md: gt, ge, lt, le on a choice column; lookups by GUID, also in braces as saved queries"
      + " write them")
  void comparisons_and_lookups() {
    assertThat(lastNames(condition("gendercode", "gt", "1"))).containsExactly("Bob", "Eva");
    assertThat(lastNames(condition("gendercode", "ge", "1"))).containsExactly("Ann", "Bob", "Cas", "Eva");
    assertThat(lastNames(condition("gendercode", "lt", "2"))).containsExactly("Ann", "Cas");
    assertThat(lastNames(condition("gendercode", "le", "1"))).containsExactly("Ann", "Cas");
    String braced = "{" + contoso.toString().toUpperCase() + "}";
    assertThat(lastNames(condition("parentcustomerid", "eq", braced))).containsExactly("Ann", "Cas");
  }

  @Test
  @DisplayName("filter-rows.md: filters nest, and/or, the default type being and")
  void nested_filters() {
    List<String> names = lastNames("<filter type='or'>"
        + "<filter><condition attribute='address1_city' operator='eq' value='Amsterdam'/>"
        + "<condition attribute='gendercode' operator='eq' value='2'/></filter>"
        + "<condition attribute='lastname' operator='eq' value='Dirk'/></filter>");

    assertThat(names).containsExactly("Bob", "Dirk");
  }

  @Test
  @DisplayName("order-rows.md: order by a column, descending")
  void orders_rows() {
    Reply reply = fetch("contacts", "<fetch><entity name='contact'><attribute name='lastname'/>"
        + "<order attribute='address1_city' descending='true'/><order attribute='lastname'/></entity></fetch>");

    assertThat(reply.value().findValuesAsText("lastname")).containsExactly("Dirk", "Cas", "Ann", "Bob", "Eva");
  }

  @Test
  @DisplayName("join-tables.md: a link-entity to the parent account (to = lookup, from = primary key) filters on the"
      + " account's columns and returns them as alias.column; inner drops rows without one, outer keeps them")
  void link_entity_one_level() {
    String inner = "<fetch><entity name='contact'><attribute name='lastname'/><order attribute='lastname'/>"
        + "<link-entity name='account' from='accountid' to='parentcustomerid' alias='acct'>"
        + "<attribute name='name'/><filter><condition attribute='address1_city' operator='eq' value='Utrecht'/>"
        + "</filter></link-entity></entity></fetch>";
    String outer = "<fetch><entity name='contact'><attribute name='lastname'/><order attribute='lastname'/>"
        + "<filter><condition entityname='acct' attribute='name' operator='ne' value='Contoso'/></filter>"
        + "<link-entity name='account' from='accountid' to='parentcustomerid' alias='acct' link-type='outer'>"
        + "<attribute name='name'/></link-entity></entity></fetch>";

    Reply joined = fetch("contacts", inner);
    Reply filtered = fetch("contacts", outer);

    assertThat(joined.status()).as(joined.body()).isEqualTo(200);
    assertThat(joined.value().findValuesAsText("lastname")).containsExactly("Ann", "Cas");
    assertThat(joined.value().get(0).path("acct.name").asText()).isEqualTo("Contoso");
    assertThat(filtered.status()).as(filtered.body()).isEqualTo(200);
    assertThat(filtered.value().findValuesAsText("lastname")).containsExactly("Bob");
  }

  @Test
  @DisplayName("page-results.md: pages of count rows; with the annotations asked for, every page but the last carries"
      + " fetchxmlpagingcookie and morerecords; the cookie (URL-decoded twice) leads to the next page")
  void pages_with_paging_cookies() {
    List<String> seen = new ArrayList<>();
    String cookie = null;
    int page = 1;
    while (true) {
      String pagingCookie = cookie == null ? "" : " paging-cookie='" + xmlEscape(cookie) + "'";
      Reply reply = fetchWithAnnotations("<fetch count='2' page='" + page + "'" + pagingCookie + ">"
          + "<entity name='contact'><attribute name='lastname'/><order attribute='lastname' descending='true'/>"
          + "</entity></fetch>");
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      seen.addAll(reply.value().findValuesAsText("lastname"));
      if (!reply.json().has("@Microsoft.Dynamics.CRM.morerecords")) {
        assertThat(reply.json().has("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie")).isFalse();
        break;
      }
      assertThat(reply.json().path("@Microsoft.Dynamics.CRM.morerecords").asBoolean()).isTrue();
      String annotation = reply.json().path("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie").asText();
      assertThat(annotation).startsWith("<cookie pagenumber=\"" + (page + 1) + "\" pagingcookie=\"")
          .endsWith("istracking=\"False\" />");
      Matcher matcher = PAGING_COOKIE.matcher(annotation);
      assertThat(matcher.find()).isTrue();
      cookie = decode(decode(matcher.group(1)));
      assertThat(cookie).startsWith("<cookie page=\"" + page + "\"><lastname last=");
      page++;
    }

    assertThat(seen).containsExactly("Eva", "Dirk", "Cas", "Bob", "Ann");
    assertThat(page).isEqualTo(3);
  }

  @Test
  @DisplayName("page-results.md: a page read with the previous page's cookie continues after its last row even when a"
      + " row is added in front in between")
  void a_paging_cookie_keeps_its_place() {
    String query = "<entity name='contact'><attribute name='lastname'/><order attribute='lastname'/></entity></fetch>";
    Reply first = fetchWithAnnotations("<fetch count='2' page='1'>" + query);
    String annotation = first.json().path("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie").asText();
    Matcher matcher = PAGING_COOKIE.matcher(annotation);
    assertThat(matcher.find()).isTrue();
    String cookie = decode(decode(matcher.group(1)));
    create("contacts", "{\"lastname\":\"Aaron\"}");

    Reply second = fetchWithAnnotations("<fetch count='2' page='2' paging-cookie='" + xmlEscape(cookie) + "'>"
        + query);
    Reply simple = fetchWithAnnotations("<fetch count='2' page='2'>" + query);

    assertThat(first.value().findValuesAsText("lastname")).containsExactly("Ann", "Bob");
    assertThat(second.value().findValuesAsText("lastname")).containsExactly("Cas", "Dirk");
    assertThat(simple.value().findValuesAsText("lastname")).containsExactly("Bob", "Cas");
  }

  @Test
  @DisplayName("page-results.md: without the Prefer annotations no paging annotation comes back")
  void annotations_only_when_asked_for() {
    Reply reply = fetch("contacts", "<fetch count='2'><entity name='contact'><attribute name='lastname'/>"
        + "</entity></fetch>");

    assertThat(reply.value()).hasSize(2);
    assertThat(reply.json().has("@Microsoft.Dynamics.CRM.morerecords")).isFalse();
    assertThat(reply.json().has("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie")).isFalse();
  }

  @Test
  @DisplayName("page-results.md: simple paging (no cookie) reaches no further than the first 50,000 rows")
  void simple_paging_stops_at_fifty_thousand() {
    Reply reply = fetch("contacts", "<fetch count='5000' page='11'><entity name='contact'/></fetch>");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorMessage()).contains("50000", "paging-cookie");
  }

  @Test
  @DisplayName("count-rows.md: returntotalrecordcount (or $count=true) adds @odata.count and, when asked for, the"
      + " totalrecordcount annotations")
  void counts_rows() {
    Reply reply = call("GET", "contacts?fetchXml=" + encode("<fetch count='2' returntotalrecordcount='true'>"
        + "<entity name='contact'><attribute name='lastname'/></entity></fetch>"))
        .prefer("odata.include-annotations=\"*\"").send();
    Reply viaCount = call("GET", "contacts?$count=true&fetchXml=" + encode("<fetch count='2'>"
        + "<entity name='contact'/></fetch>")).send();

    assertThat(reply.json().path("@odata.count").asInt()).isEqualTo(5);
    assertThat(reply.json().path("@Microsoft.Dynamics.CRM.totalrecordcount").asInt()).isEqualTo(5);
    assertThat(reply.json().path("@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded").asBoolean()).isFalse();
    assertThat(viaCount.json().path("@odata.count").asInt()).isEqualTo(5);
  }

  @Test
  @DisplayName("overview.md: top limits the rows; it cannot go with paging or exceed 5,000")
  void top() {
    Reply reply = fetch("contacts", "<fetch top='2'><entity name='contact'><order attribute='lastname'/>"
        + "<attribute name='lastname'/></entity></fetch>");

    assertThat(reply.value().findValuesAsText("lastname")).containsExactly("Ann", "Bob");
    assertThat(fetch("contacts", "<fetch top='2' page='1'><entity name='contact'/></fetch>").status()).isEqualTo(400);
    assertThat(fetch("contacts", "<fetch top='5001'><entity name='contact'/></fetch>").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("dataverse-api.md §4.4: works for leads and accounts too")
  void leads_and_accounts() {
    create("leads", "{\"lastname\":\"Lee\",\"address1_city\":\"Amsterdam\"}");

    Reply leads = fetch("leads", "<fetch><entity name='lead'><attribute name='lastname'/>"
        + condition("address1_city", "eq", "Amsterdam") + "</entity></fetch>");
    Reply accounts = fetch("accounts", "<fetch><entity name='account'><attribute name='name'/>"
        + condition("address1_city", "eq", "Gent") + "</entity></fetch>");

    assertThat(leads.value().findValuesAsText("lastname")).containsExactly("Lee");
    assertThat(accounts.value().findValuesAsText("name")).containsExactly("Fabrikam");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "malformed XML                 | <fetch><entity name='contact'></fetch>                                                    | not well-formed",
    "root other than fetch         | <query/>                                                                                   | root element",
    "unknown element               | <fetch><entity name='contact'><select/></entity></fetch>                                  | invalid child element 'select'",
    "undeclared attribute          | <fetch colour='red'><entity name='contact'/></fetch>                                      | 'colour' attribute is not declared",
    "unknown column                | <fetch><entity name='contact'><attribute name='nope'/></entity></fetch>                   | 'contact' entity doesn't contain attribute with Name = 'nope' and NameMapping = 'Logical'.",
    "unknown table                 | <fetch><entity name='nope'/></fetch>                                                       | name = 'nope'",
    "another table's entity set    | <fetch><entity name='lead'/></fetch>                                                       | 'lead' table",
    "unknown operator              | <fetch><entity name='contact'><filter><condition attribute='lastname' operator='is' value='x'/></filter></entity></fetch> | The value 'is' is invalid",
    "wrong value type              | <fetch><entity name='contact'><filter><condition attribute='parentcustomerid' operator='eq' value='x'/></filter></entity></fetch> | expected argument(s) of type 'System.Guid'",
    "missing value                 | <fetch><entity name='contact'><filter><condition attribute='lastname' operator='eq'/></filter></entity></fetch> | needs one value",
    "aggregate                     | <fetch aggregate='true'><entity name='contact'/></fetch>                                  | does not support aggregate",
    "unsupported operator          | <fetch><entity name='contact'><filter><condition attribute='createdon' operator='last-x-days' value='3'/></filter></entity></fetch> | does not support the 'last-x-days' operator",
    "one-to-many link              | <fetch><entity name='account'><link-entity name='contact' from='parentcustomerid' to='accountid'/></entity></fetch> | does not support a link-entity",
    "document type declaration     | <!DOCTYPE fetch [<!ENTITY x 'y'>]><fetch><entity name='contact'/></fetch>                  | not well-formed",
    "count not a number            | <fetch count='many'><entity name='contact'/></fetch>                                      | positive whole number",
  })
  @DisplayName("a malformed, invalid or unsupported query is a 400 whose message says what is wrong")
  void refuses_bad_queries(String what, String fetchXml, String message) {
    String entitySet = fetchXml.contains("'account'") ? "accounts" : "contacts";

    Reply reply = fetch(entitySet, fetchXml);

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.errorMessage()).contains(message);
  }

  @Test
  @DisplayName("dataverse-api.md §2.4: other query options cannot be combined with fetchXml")
  void refuses_other_query_options() {
    Reply reply = call("GET", "contacts?$select=lastname&fetchXml=" + encode("<fetch><entity name='contact'/></fetch>"))
        .send();

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorMessage()).contains("$select");
  }

  private static String condition(String attribute, String operator, String value) {
    return "<filter><condition attribute='" + attribute + "' operator='" + operator + "' value='" + value
        + "'/></filter>";
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static String xmlEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
        .replace("\"", "&quot;");
  }
}
