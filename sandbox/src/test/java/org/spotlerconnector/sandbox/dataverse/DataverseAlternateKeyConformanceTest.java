package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DataverseAlternateKeyConformanceTest extends DataverseHttpTest {

  @BeforeEach
  void declareKeys() {
    emulator.addTable(BuiltInTables.contact().toBuilder().alternateKey("emailaddress1").alternateKey("firstname", "lastname").build());
    emulator.addTable(BuiltInTables.account().toBuilder().alternateKey("accountnumber").build());
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: a row can be read by a declared alternate key, strings single-quoted")
  void reads_by_alternate_key() {
    UUID id = create("contacts", "{\"lastname\":\"Smith\",\"emailaddress1\":\"ann@example.com\"}");

    Reply reply = get("contacts(emailaddress1='ann@example.com')?$select=lastname");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("contactid").asText()).isEqualTo(id.toString());
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: multi-part keys, with '' escaping a quote inside a string")
  void reads_by_multi_part_key_with_escaped_quote() {
    UUID id = create("contacts", "{\"firstname\":\"Seán\",\"lastname\":\"O'Brien\"}");

    Reply reply = get("contacts(firstname='Se%C3%A1n',lastname='O''Brien')");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("contactid").asText()).isEqualTo(id.toString());
  }

  @Test
  @DisplayName("dataverse-api.md §2.2: a key that is not declared is refused with the documented text")
  void refuses_an_undeclared_key() {
    Reply reply = get("contacts(telephone1='123')");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorMessage())
        .isEqualTo(
            "The key in the request URI is not valid for resource 'Microsoft.Dynamics.CRM.contact'. Ensure that the names"
                + " and number of key properties match the declared or alternate key properties for the resource"
                + " 'Microsoft.Dynamics.CRM.contact'.");
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: an upsert by alternate key creates the row with the key's values, then updates it")
  void upserts_by_alternate_key() {
    Reply created = patch("contacts(emailaddress1='new@example.com')", "{\"lastname\":\"New\"}");
    Reply updated = patch("contacts(emailaddress1='new@example.com')", "{\"lastname\":\"Newer\"}");

    assertThat(created.status()).isEqualTo(204);
    assertThat(updated.status()).isEqualTo(204);
    assertThat(updated.header("OData-EntityId")).isEqualTo(created.header("OData-EntityId"));
    assertThat(emulator.table("contacts").rows()).singleElement()
        .satisfies(row -> assertThat(row.path("lastname").asText()).isEqualTo("Newer"))
        .satisfies(row -> assertThat(row.path("emailaddress1").asText()).isEqualTo("new@example.com"));
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: @odata.bind accepts an alternate key")
  void binds_by_alternate_key() {
    UUID account = create("accounts", "{\"name\":\"Contoso\",\"accountnumber\":\"ABC123\"}");

    UUID contact = create("contacts", "{\"lastname\":\"A\",\"parentcustomerid_account@odata.bind\":\"/accounts(accountnumber='ABC123')\"}");

    assertThat(get("contacts(" + contact + ")").json().path("_parentcustomerid_value").asText()).isEqualTo(account.toString());
  }

  @Test
  @DisplayName("alternate keys are unique: a second row with the same key values is refused with 412")
  void alternate_key_values_are_unique() {
    create("accounts", "{\"name\":\"Contoso\",\"accountnumber\":\"ABC123\"}");

    Reply duplicate = post("accounts", "{\"name\":\"Other\",\"accountnumber\":\"abc123\"}");

    assertThat(duplicate.status()).isEqualTo(412);
    assertThat(emulator.table("accounts").count()).isEqualTo(1);
  }
}
