package org.spotlerconnector.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordKeyTest {
  private static final String ID = "d5026a4d-0000-4000-8000-000000000001";

  @Test
  void a_primary_key_is_the_bare_guid_in_parentheses() {
    assertThat(RecordKey.id(ID).segment()).isEqualTo("(" + ID + ")");
    assertThat(RecordKey.id(ID).path("contacts")).isEqualTo("contacts(" + ID + ")");
  }

  @Test
  void alternate_keys_quote_strings_doubling_quotes_and_leave_numbers_bare() {
    // dataverse-api.md §2.6: contacts(firstname='Joe',emailaddress1='abc@example.com'); '' escapes a quote
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("lastname", "O'Bryan");
    columns.put("accountnumber", 42);
    columns.put("donotemail", true);

    assertThat(RecordKey.alternate(columns).segment())
        .isEqualTo("(lastname='O''Bryan',accountnumber=42,donotemail=true)");
  }

  @Test
  void the_path_form_percent_encodes_only_what_a_path_segment_cannot_hold() {
    String segment = RecordKey.alternate("emailaddress1", "a b/c#d@example.com").segment();

    assertThat(UriEncoding.pathSegment(segment)).isEqualTo("(emailaddress1='a%20b%2Fc%23d@example.com')");
  }

  @Test
  void to_string_names_the_columns_but_not_the_values() {
    assertThat(RecordKey.alternate("emailaddress1", "jane@example.com").toString())
        .contains("emailaddress1").doesNotContain("jane");
  }

  @Test
  void rejects_an_id_that_is_not_a_guid_and_column_names_with_syntax() {
    assertThatThrownBy(() -> RecordKey.id("1)/x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecordKey.alternate("a='x',b", "y")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lookups_bind_with_a_leading_slash_and_unbind_with_null() {
    // dataverse-api.md §2.6: "parentcustomerid_account@odata.bind": "/accounts(<guid>)"; null disassociates
    ObjectNode row = new ObjectMapper().createObjectNode();

    Lookups.bind(row, "parentcustomerid_account", "accounts", RecordKey.id(ID));
    Lookups.unbind(row, "regardingobjectid_contact");

    assertThat(row.get("parentcustomerid_account@odata.bind").asText()).isEqualTo("/accounts(" + ID + ")");
    assertThat(row.get("regardingobjectid_contact@odata.bind").isNull()).isTrue();
  }

  @Test
  void reads_the_id_from_an_odata_entity_id_url() {
    assertThat(EntityIds.fromEntityUrl("https://org.crm4.dynamics.com/api/data/v9.2/contacts(" + ID + ")"))
        .contains(ID);
    assertThat(EntityIds.fromEntityUrl("https://org/api/data/v9.2/contacts")).isEmpty();
    assertThat(EntityIds.fromEntityUrl(null)).isEmpty();
  }
}
