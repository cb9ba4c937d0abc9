package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DataverseWriteConformanceTest extends DataverseHttpTest {
  private static final String CONTACT = "{\"firstname\":\"Ann\",\"lastname\":\"Smith\",\"emailaddress1\":\"ann@example.com\"}";

  @Test
  @DisplayName("dataverse-api.md §2.6: create answers 204 with OData-EntityId and no body")
  void create_answers_204_with_the_entity_id() {
    Reply reply = post("contacts", CONTACT);

    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.body()).isEmpty();
    assertThat(reply.header("OData-EntityId")).matches(Pattern.quote(root() + "/contacts(") + "[0-9a-f-]{36}\\)");
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: the client may choose the id of a new row")
  void create_takes_a_client_supplied_id() {
    UUID id = UUID.randomUUID();

    Reply reply = post("contacts", "{\"contactid\":\"" + id + "\",\"lastname\":\"Smith\"}");

    assertThat(reply.header("OData-EntityId")).isEqualTo(root() + "/contacts(" + id + ")");
    assertThat(get("contacts(" + id + ")").status()).isEqualTo(200);
    assertThat(post("contacts", "{\"contactid\":\"" + id + "\",\"lastname\":\"Again\"}").status()).isEqualTo(412);
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: return=representation answers 201 with the row, honouring $select, and no OData-EntityId")
  void create_with_representation_answers_201() {
    Reply reply = call("POST", "contacts?$select=fullname,emailaddress1").prefer("return=representation").body(CONTACT).send();

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.header("Preference-Applied")).isEqualTo("return=representation");
    assertThat(reply.header("OData-EntityId")).isNull();
    assertThat(reply.json().path("@odata.context").asText()).isEqualTo(root() + "/$metadata#contacts(fullname,emailaddress1)/$entity");
    assertThat(reply.json().path("fullname").asText()).isEqualTo("Ann Smith");
    assertThat(reply.json().has("contactid")).isTrue();
    assertThat(reply.json().has("lastname")).isFalse();
    assertThat(reply.json().path("@odata.etag").asText()).matches("W/\"\\d+\"");
  }

  @Test
  @DisplayName("dataverse-api.md §2.1: the server keeps createdon, modifiedon, versionnumber and the owner; the etag is W/\"versionnumber\"")
  void server_maintains_system_columns() {
    UUID id = create("contacts", "{\"lastname\":\"Smith\",\"versionnumber\":1,\"createdon\":\"2000-01-01T00:00:00Z\",\"fullname\":\"Wrong\"}");

    Reply row = get("contacts(" + id + ")");

    assertThat(row.json().path("createdon").asText()).isEqualTo("2024-05-01T08:00:00Z");
    assertThat(row.json().path("fullname").asText()).isEqualTo("Smith");
    assertThat(row.json().path("@odata.etag").asText()).isEqualTo("W/\"" + row.json().path("versionnumber").asLong() + "\"");
    assertThat(row.json().path("_ownerid_value").asText()).isEqualTo(get("WhoAmI").json().path("UserId").asText());
    assertThat(row.json().path("statecode").asInt()).isZero();
    assertThat(row.json().path("statuscode").asInt()).isEqualTo(1);
  }

  @Test
  @DisplayName("dataverse-api.md §2.2: a missing row is 404 '<table> With Id = <id> Does Not Exist'")
  void missing_row_is_404_with_the_documented_text() {
    UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");

    Reply reply = get("contacts(" + id + ")");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorMessage()).isEqualTo("contact With Id = 00000000-0000-0000-0000-000000000001 Does Not Exist");
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: a row can be addressed as contacts(contactid=<id>)")
  void retrieves_by_named_primary_key() {
    UUID id = create("contacts", CONTACT);

    assertThat(get("contacts(contactid=" + id + ")?$select=lastname").json().path("lastname").asText()).isEqualTo("Smith");
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: @odata.bind sets a lookup with or without the leading slash, or as an absolute URL")
  void binds_lookups_in_all_documented_forms() {
    UUID account = create("accounts", "{\"name\":\"Contoso\"}");

    UUID withSlash = create("contacts", "{\"lastname\":\"A\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + account + ")\"}");
    UUID withoutSlash = create("contacts", "{\"lastname\":\"B\",\"parentcustomerid_account@odata.bind\":\"accounts(" + account + ")\"}");
    UUID absolute = create("contacts", "{\"lastname\":\"C\",\"parentcustomerid_account@odata.bind\":\"" + root() + "/accounts(" + account + ")\"}");

    for (UUID id : new UUID[] {withSlash, withoutSlash, absolute}) {
      Reply row = call("GET", "contacts(" + id + ")?$select=_parentcustomerid_value").prefer("odata.include-annotations=\"*\"").send();
      assertThat(row.json().path("_parentcustomerid_value").asText()).isEqualTo(account.toString());
      assertThat(row.json().path("_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname").asText()).isEqualTo("account");
      assertThat(row.json().path("_parentcustomerid_value@OData.Community.Display.V1.FormattedValue").asText()).isEqualTo("Contoso");
      assertThat(row.json().path("_parentcustomerid_value@Microsoft.Dynamics.CRM.associatednavigationproperty").asText())
          .isEqualTo("parentcustomerid_account");
    }
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: binding a row that does not exist fails with 'Does Not Exist' and creates nothing")
  void binding_a_missing_row_fails() {
    UUID missing = UUID.randomUUID();

    Reply reply = post("contacts", "{\"lastname\":\"A\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + missing + ")\"}");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorMessage()).isEqualTo("account With Id = " + missing + " Does Not Exist");
    assertThat(emulator.table("contacts").count()).isZero();
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: a deep insert creates the related row in the same transaction")
  void deep_insert_creates_the_related_row() {
    UUID contact = create("contacts", "{\"lastname\":\"A\",\"parentcustomerid_account\":{\"name\":\"Fabrikam\"}}");

    Reply row = call("GET", "contacts(" + contact + ")?$select=lastname&$expand=parentcustomerid_account($select=name)").send();

    assertThat(row.json().path("parentcustomerid_account").path("name").asText()).isEqualTo("Fabrikam");
    assertThat(post("contacts", "{\"lastname\":\"B\",\"gendercode\":99,\"parentcustomerid_account\":{\"name\":\"Orphan\"}}").status())
        .isEqualTo(400);
    assertThat(emulator.table("accounts").count()).isEqualTo(1);
  }

  @Test
  @DisplayName("dataverse-api.md §2.2: an unknown property is refused with 400 naming it and the type")
  void unknown_property_is_400() {
    Reply reply = post("contacts", "{\"lastname\":\"A\",\"citty\":\"Lyon\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorMessage())
        .contains("The property 'citty' does not exist on type 'Microsoft.Dynamics.CRM.contact'. Make sure to only use property names that are defined by the type");
    assertThat(emulator.table("contacts").count()).isZero();
  }

  @Test
  @DisplayName("dataverse-api.md §2.2: a string longer than the column allows fails validation (0x80044331)")
  void too_long_string_is_400() {
    Reply reply = post("contacts", "{\"firstname\":\"" + "x".repeat(51) + "\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("0x80044331");
    assertThat(reply.errorMessage())
        .isEqualTo("A validation error occurred.  The length of the 'firstname' attribute of the 'contact' entity exceeded the maximum allowed length of '50'.");
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: values of the wrong type, unknown choices, bad GUIDs and bad dates are 400 and change nothing")
  void badly_typed_values_are_400() {
    UUID id = create("contacts", CONTACT);
    String etag = get("contacts(" + id + ")").json().path("@odata.etag").asText();
    String[] bodies = {
      "{\"gendercode\":99}",
      "{\"gendercode\":\"1\"}",
      "{\"firstname\":12}",
      "{\"donotemail\":\"yes\"}",
      "{\"birthdate\":\"1 May 1990\"}",
      "{\"birthdate\":\"1990-02-30\"}",
      "{\"contactid\":\"not-a-guid\"}",
      "{\"_parentcustomerid_value\":\"" + UUID.randomUUID() + "\"}",
      "{\"parentcustomerid_account@odata.bind\":42}",
      "[]",
      "{\"lastname\":",
      ""
    };

    for (String body : bodies) {
      Reply reply = patch("contacts(" + id + ")", body);
      assertThat(reply.status()).as(body).isEqualTo(400);
      assertThat(reply.json().path("error").path("message").asText()).as(body).isNotBlank();
    }
    assertThat(get("contacts(" + id + ")").json().path("@odata.etag").asText()).isEqualTo(etag);
    assertThat(emulator.table("contacts").count()).isEqualTo(1);
  }

  @Test
  @DisplayName("dataverse-api.md §2.2: an invalid choice value names the accepted values")
  void choice_out_of_range_lists_the_options() {
    Reply reply = post("contacts", "{\"gendercode\":3}");

    assertThat(reply.errorMessage())
        .isEqualTo("A validation error occurred. The value 3 of 'gendercode' on record of type 'contact' is outside the valid range. Accepted Values: 1,2");
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: PATCH without conditions is an upsert: it creates a missing row (204)")
  void patch_creates_a_missing_row() {
    UUID id = UUID.randomUUID();

    Reply reply = patch("contacts(" + id + ")", "{\"lastname\":\"New\"}");

    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.header("OData-EntityId")).isEqualTo(root() + "/contacts(" + id + ")");
    assertThat(get("contacts(" + id + ")").json().path("lastname").asText()).isEqualTo("New");
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: If-Match: * only updates; a missing row is 404 'Does Not Exist'")
  void if_match_star_prevents_create() {
    UUID id = UUID.randomUUID();

    Reply reply = call("PATCH", "contacts(" + id + ")").header("If-Match", "*").body("{\"lastname\":\"New\"}").send();

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorMessage()).isEqualTo("contact With Id = " + id + " Does Not Exist");
    assertThat(emulator.table("contacts").count()).isZero();
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: If-None-Match: * only creates; an existing row is 412 'A record with matching key values already exists.'")
  void if_none_match_star_prevents_update() {
    UUID id = create("contacts", CONTACT);

    Reply reply = call("PATCH", "contacts(" + id + ")").header("If-None-Match", "*").body("{\"lastname\":\"Other\"}").send();

    assertThat(reply.status()).isEqualTo(412);
    assertThat(reply.errorMessage()).isEqualTo("A record with matching key values already exists.");
    assertThat(get("contacts(" + id + ")").json().path("lastname").asText()).isEqualTo("Smith");
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: PATCH and DELETE with a stale If-Match etag are 412 with the RowVersion text")
  void stale_etag_is_412_for_update_and_delete() {
    UUID id = create("contacts", CONTACT);
    String etag = get("contacts(" + id + ")").json().path("@odata.etag").asText();
    patch("contacts(" + id + ")", "{\"jobtitle\":\"Buyer\"}");

    Reply update = call("PATCH", "contacts(" + id + ")").header("If-Match", etag).body("{\"lastname\":\"Lost\"}").send();
    Reply remove = call("DELETE", "contacts(" + id + ")").header("If-Match", etag).send();

    for (Reply reply : new Reply[] {update, remove}) {
      assertThat(reply.status()).isEqualTo(412);
      assertThat(reply.errorMessage()).isEqualTo("The version of the existing record doesn't match the RowVersion property provided.");
    }
    String current = get("contacts(" + id + ")").json().path("@odata.etag").asText();
    assertThat(call("PATCH", "contacts(" + id + ")").header("If-Match", current).body("{\"lastname\":\"Kept\"}").send().status())
        .isEqualTo(204);
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: PATCH with return=representation answers 200 with the row; every update takes a new version")
  void patch_with_representation_answers_200() {
    UUID id = create("contacts", CONTACT);
    long before = get("contacts(" + id + ")").json().path("versionnumber").asLong();

    Reply reply = call("PATCH", "contacts(" + id + ")?$select=lastname,versionnumber").prefer("return=representation").body("{}").send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("lastname").asText()).isEqualTo("Smith");
    assertThat(reply.json().path("versionnumber").asLong()).isGreaterThan(before);
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: \"x@odata.bind\": null and \"x\": null clear a lookup")
  void null_bind_clears_a_lookup() {
    UUID account = create("accounts", "{\"name\":\"Contoso\"}");
    UUID a = create("contacts", "{\"lastname\":\"A\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + account + ")\"}");
    UUID b = create("contacts", "{\"lastname\":\"B\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + account + ")\"}");

    assertThat(patch("contacts(" + a + ")", "{\"parentcustomerid_account@odata.bind\":null}").status()).isEqualTo(204);
    assertThat(patch("contacts(" + b + ")", "{\"parentcustomerid_account\":null}").status()).isEqualTo(204);

    assertThat(get("contacts(" + a + ")").json().path("_parentcustomerid_value").isNull()).isTrue();
    assertThat(get("contacts(" + b + ")").json().path("_parentcustomerid_value").isNull()).isTrue();
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: DELETE answers 204, then 404")
  void delete_answers_204_then_404() {
    UUID id = create("contacts", CONTACT);

    assertThat(delete("contacts(" + id + ")").status()).isEqualTo(204);
    assertThat(delete("contacts(" + id + ")").status()).isEqualTo(404);
    assertThat(get("contacts(" + id + ")").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: GET with If-None-Match of the current etag is 304, but never with $expand or annotations")
  void conditional_get_answers_304_when_unchanged() {
    UUID id = create("contacts", CONTACT);
    String etag = get("contacts(" + id + ")").json().path("@odata.etag").asText();

    Reply unchanged = call("GET", "contacts(" + id + ")?$select=lastname").header("If-None-Match", etag).send();
    Reply expanded = call("GET", "contacts(" + id + ")?$expand=parentcustomerid_account").header("If-None-Match", etag).send();
    Reply annotated =
        call("GET", "contacts(" + id + ")").header("If-None-Match", etag).prefer("odata.include-annotations=\"*\"").send();
    patch("contacts(" + id + ")", "{\"jobtitle\":\"Buyer\"}");
    Reply changed = call("GET", "contacts(" + id + ")").header("If-None-Match", etag).send();

    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();
    assertThat(expanded.status()).isEqualTo(200);
    assertThat(annotated.status()).isEqualTo(200);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(call("GET", "contacts(" + id + ")").header("If-None-Match", "null").send().status()).isEqualTo(200);
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: PUT <row>/<column> {\"value\":…} sets one column and DELETE <row>/<column> clears it")
  void sets_and_clears_a_single_column() {
    UUID id = create("contacts", CONTACT);

    assertThat(call("PUT", "contacts(" + id + ")/jobtitle").body("{\"value\":\"Buyer\"}").send().status()).isEqualTo(204);
    assertThat(get("contacts(" + id + ")/jobtitle").json().path("value").asText()).isEqualTo("Buyer");
    assertThat(delete("contacts(" + id + ")/jobtitle").status()).isEqualTo(204);
    assertThat(get("contacts(" + id + ")?$select=jobtitle").json().path("jobtitle").isNull()).isTrue();
    assertThat(call("PUT", "contacts(" + id + ")/nosuchcolumn").body("{\"value\":1}").send().status()).isEqualTo(404);
  }

  @Test
  @DisplayName("dataverse-api.md §2.1: odata.include-annotations adds formatted values for choices, booleans, dates and money")
  void include_annotations_adds_formatted_values() {
    UUID account = create("accounts", "{\"name\":\"Contoso\",\"revenue\":1234.5,\"industrycode\":7,\"donotemail\":true}");

    Reply reply = call("GET", "accounts(" + account + ")?$select=revenue,industrycode,donotemail,createdon,statecode")
        .prefer("odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"")
        .send();

    assertThat(reply.header("Preference-Applied")).isEqualTo("odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"");
    assertThat(reply.json().path("industrycode@OData.Community.Display.V1.FormattedValue").asText()).isEqualTo("Consulting");
    assertThat(reply.json().path("donotemail@OData.Community.Display.V1.FormattedValue").asText()).isEqualTo("Do Not Allow");
    assertThat(reply.json().path("revenue@OData.Community.Display.V1.FormattedValue").asText()).isEqualTo("$1,234.50");
    assertThat(reply.json().path("statecode@OData.Community.Display.V1.FormattedValue").asText()).isEqualTo("Active");
    assertThat(reply.json().path("createdon@OData.Community.Display.V1.FormattedValue").asText()).isEqualTo("5/1/2024 8:00 AM");
    assertThat(get("accounts(" + account + ")?$select=industrycode").json().has("industrycode@OData.Community.Display.V1.FormattedValue"))
        .isFalse();
  }

  @Test
  @DisplayName("dataverse-api.md §2.1: several preferences may be comma-joined in one Prefer header")
  void parses_comma_joined_preferences() {
    Reply reply = call("POST", "contacts?$select=gendercode")
        .prefer("return=representation,odata.include-annotations=\"*\",odata.maxpagesize=100")
        .body("{\"gendercode\":1}")
        .send();

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().path("gendercode@OData.Community.Display.V1.FormattedValue").asText()).isEqualTo("Male");
  }

  @Test
  @DisplayName("statecode and statuscode stay consistent: a state alone gets its default status, a status implies its state")
  void keeps_state_and_status_consistent() {
    UUID id = create("leads", "{\"lastname\":\"Lead\"}");

    patch("leads(" + id + ")", "{\"statecode\":2}");
    assertThat(get("leads(" + id + ")?$select=statuscode").json().path("statuscode").asInt()).isEqualTo(4);
    patch("leads(" + id + ")", "{\"statuscode\":3}");
    assertThat(get("leads(" + id + ")?$select=statecode").json().path("statecode").asInt()).isEqualTo(1);
    assertThat(patch("leads(" + id + ")", "{\"statecode\":0,\"statuscode\":3}").status()).isEqualTo(400);
  }
}
