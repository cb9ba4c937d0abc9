package org.spotlerconnector.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ODataQueryTest {

  @Test
  void writes_the_supported_options_in_a_fixed_order() {
    String url = ODataQuery.of("contacts")
        .orderBy("createdon asc")
        .filter("statecode eq 0")
        .select("fullname", "emailaddress1")
        .expand("parentcustomerid_account($select=name)")
        .top(10)
        .toRelativeUrl();

    assertThat(url).isEqualTo("contacts?$select=fullname%2Cemailaddress1&$filter=statecode%20eq%200"
        + "&$expand=parentcustomerid_account%28%24select%3Dname%29&$orderby=createdon%20asc&$top=10");
  }

  @Test
  void a_query_without_options_is_just_the_entity_set() {
    assertThat(ODataQuery.of("accounts").toRelativeUrl()).isEqualTo("accounts");
  }

  @Test
  void filter_literals_with_reserved_characters_survive_encoding() {
    // dataverse-api.md §2.4: quotes are doubled inside literals; + & $ / : ; = ? @ , must be URL-encoded
    String filter = "lastname eq 'O''Bryan & Sons+1?' and emailaddress1 eq 'a@b.c'";

    String url = ODataQuery.of("contacts").filter(filter).toRelativeUrl();

    String value = url.substring(url.indexOf("$filter=") + "$filter=".length());
    assertThat(value).doesNotContain(" ", "+", "?", "@", "&", "'", "$");
    assertThat(URLDecoder.decode(value, StandardCharsets.UTF_8)).isEqualTo(filter);
  }

  @Test
  void parameter_aliases_follow_the_options() {
    String url = ODataQuery.of("contacts")
        .filter("Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=@p2)")
        .alias("@p1", "'lastname'")
        .alias("@p2", "[\"OBrian\",\"O'Brian\"]")
        .toRelativeUrl();

    assertThat(url).contains("&@p1=%27lastname%27&@p2=%5B%22OBrian%22%2C%22O%27Brian%22%5D");
  }

  @Test
  void change_tracking_refuses_filter_orderby_expand_and_top() {
    // dataverse-api.md §3: those options are not allowed with odata.track-changes
    ODataQuery query = ODataQuery.of("contacts").select("fullname").filter("x eq 1").orderBy("x").expand("y").top(5);

    assertThat(query.optionsForbiddenWithChangeTracking()).containsExactly("$filter", "$orderby", "$expand", "$top");
    assertThat(ODataQuery.of("contacts").select("fullname").optionsForbiddenWithChangeTracking()).isEmpty();
  }

  @Test
  void rejects_names_that_are_not_entity_sets_or_aliases() {
    assertThatThrownBy(() -> ODataQuery.of("contacts?$top=1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ODataQuery.of("contacts").alias("p1", "1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ODataQuery.of("contacts").top(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
