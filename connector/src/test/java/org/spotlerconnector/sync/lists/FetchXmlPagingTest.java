package org.spotlerconnector.sync.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.mapping.SourceTable;

/** Paging a dynamic list's FetchXML (dataverse-api.md §4.4; fetchxml/page-results.md). */
class FetchXmlPagingTest {
  private static final String QUERY = """
      <fetch version="1.0" output-format="xml-platform" mapping="logical" distinct="false" count="50">
        <entity name="contact">
          <attribute name="fullname" />
          <attribute name="emailaddress1" />
          <order attribute="fullname" descending="false" />
          <filter type="and"><condition attribute="address1_city" operator="eq" value="Delft &amp; Gent" /></filter>
          <link-entity name="account" from="accountid" to="parentcustomerid" alias="a">
            <attribute name="name" />
          </link-entity>
        </entity>
      </fetch>""";

  @Test
  @DisplayName("each page asks for 5,000 rows and only the member's key; the list's filter, order and joins stay")
  void pages_select_only_the_key() {
    String first = FetchXmlPaging.of(QUERY, SourceTable.CONTACT).page(1, Optional.empty());

    assertThat(first).contains("page=\"1\"").contains("count=\"5000\"").doesNotContain("count=\"50\"")
        .doesNotContain("paging-cookie")
        .contains("<attribute name=\"contactid\"/>").doesNotContain("fullname\"/>").doesNotContain("emailaddress1")
        .contains("<order attribute=\"fullname\"").contains("value=\"Delft &amp; Gent\"")
        .contains("<link-entity").contains("<attribute name=\"name\"");
  }

  @Test
  @DisplayName("the next page carries the previous page's cookie, URL-decoded twice and escaped as an attribute")
  void the_next_page_carries_the_cookie() {
    FetchXmlPaging paging = FetchXmlPaging.of(QUERY, SourceTable.CONTACT);
    String inner = "<cookie page=\"1\"><fullname last=\"Jan &amp; Piet\" /><contactid last=\"{1}\" /></cookie>";
    String twice = URLEncoder.encode(URLEncoder.encode(inner, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    ObjectNode answer = JsonNodeFactory.instance.objectNode()
        .put("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie",
            "<cookie pagenumber=\"2\" pagingcookie=\"" + twice + "\" istracking=\"False\" />")
        .put("@Microsoft.Dynamics.CRM.morerecords", true);

    Optional<String> cookie = paging.nextCookie(answer);
    String second = paging.page(2, cookie);

    assertThat(cookie).contains(inner);
    assertThat(second).contains("page=\"2\"")
        .contains("paging-cookie=\"&lt;cookie page=&quot;1&quot;&gt;&lt;fullname last=&quot;Jan &amp;amp; Piet");
  }

  @Test
  @DisplayName("the last page has no morerecords: there is no next page")
  void the_last_page_ends_the_paging() {
    FetchXmlPaging paging = FetchXmlPaging.of(QUERY, SourceTable.CONTACT);

    assertThat(paging.nextCookie(JsonNodeFactory.instance.objectNode())).isEmpty();
    assertThat(paging.nextCookie(JsonNodeFactory.instance.objectNode()
        .put("@Microsoft.Dynamics.CRM.morerecords", false))).isEmpty();
  }

  @Test
  @DisplayName("a query with top cannot be paged (top and page exclude each other): it is run once as it is")
  void a_query_with_top_runs_once() {
    FetchXmlPaging paging = FetchXmlPaging.of("<fetch top='10'><entity name='lead'/></fetch>", SourceTable.LEAD);

    assertThat(paging.page(1, Optional.empty())).contains("top=\"10\"").doesNotContain("page=").doesNotContain("count=")
        .contains("<attribute name=\"leadid\"/>");
    assertThat(paging.nextCookie(JsonNodeFactory.instance.objectNode()
        .put("@Microsoft.Dynamics.CRM.morerecords", true))).isEmpty();
  }

  @Test
  @DisplayName("a query that cannot select the list's members is refused with a message to act on")
  void refuses_what_cannot_be_a_member_query() {
    assertThatThrownBy(() -> FetchXmlPaging.of("<fetch><entity name='contact'>", SourceTable.CONTACT))
        .isInstanceOf(InvalidListQueryException.class).hasMessageStartingWith("The list's query is not valid XML");
    assertThatThrownBy(() -> FetchXmlPaging.of("<query/>", SourceTable.CONTACT))
        .isInstanceOf(InvalidListQueryException.class).hasMessageContaining("not FetchXML");
    assertThatThrownBy(() -> FetchXmlPaging.of("<fetch><entity name='lead'/></fetch>", SourceTable.CONTACT))
        .isInstanceOf(InvalidListQueryException.class).hasMessageContaining("contact rows");
    assertThatThrownBy(() -> FetchXmlPaging.of("<fetch aggregate='true'><entity name='contact'/></fetch>",
        SourceTable.CONTACT)).isInstanceOf(InvalidListQueryException.class).hasMessageContaining("aggregate");
  }

  @Test
  @DisplayName("a DOCTYPE (entity expansion, external entities) is refused, not resolved")
  void refuses_a_doctype() {
    String xxe = "<?xml version='1.0'?><!DOCTYPE fetch [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
        + "<fetch><entity name='contact'><filter><condition attribute='a' operator='eq' value='&x;'/></filter>"
        + "</entity></fetch>";

    assertThatThrownBy(() -> FetchXmlPaging.of(xxe, SourceTable.CONTACT)).isInstanceOf(InvalidListQueryException.class);
  }
}
