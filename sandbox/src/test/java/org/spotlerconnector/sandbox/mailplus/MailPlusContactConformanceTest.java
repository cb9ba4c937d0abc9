package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MailPlusContactConformanceTest extends MailPlusHttpTest {

  private static String contactRequest(boolean update, boolean purge, String contactJson) {
    return "{\"update\":" + update + ",\"purge\":" + purge + ",\"contact\":" + contactJson + "}";
  }

  private Reply upsert(String contactJson) {
    return post("/contact", contactRequest(true, false, contactJson));
  }

  // ---- properties ----

  @Test
  @DisplayName("Swagger getAvailableProperties: an array of Property {name, description, type, entries for sets}")
  void lists_the_account_properties() {
    Reply reply = get("/contact/properties/list");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode list = reply.json();
    assertThat(list.isArray()).isTrue();
    JsonNode email = find(list, "email");
    assertThat(email.path("type").asText()).isEqualTo("email");
    assertThat(email.has("entries")).as("entries only for set types").isFalse();
    JsonNode permissions = find(list, "permissions");
    assertThat(permissions.path("type").asText()).isEqualTo("set");
    assertThat(permissions.path("entries").get(0).path("bit").asLong()).isEqualTo(1);
    assertThat(permissions.path("entries").get(0).path("description").asText()).isEqualTo("Nieuwsbrief");
    assertThat(permissions.path("entries").get(0).path("rank").asInt()).isEqualTo(1);
    assertThat(permissions.path("entries").findValues("bit")).extracting(JsonNode::asLong).containsExactly(1L, 2L, 4L, 8L);
  }

  // ---- insert / upsert ----

  @Test
  @DisplayName("Swagger insertContact: 204 with no body; getContact returns it with epoch-millis dates (§2.1)")
  void creates_a_contact_and_reads_it_back() {
    Reply created =
        post(
            "/contact",
            contactRequest(
                false,
                false,
                "{\"externalId\":\"CRM-1\",\"properties\":{\"email\":\"jan@example.nl\",\"firstName\":\"Jan\","
                    + "\"permissions\":[{\"bit\":1,\"enabled\":true}]}}"));

    assertThat(created.status()).isEqualTo(204);
    assertThat(created.body()).isEmpty();
    JsonNode contact = get("/contact/CRM-1").json();
    assertThat(contact.path("externalId").asText()).isEqualTo("CRM-1");
    assertThat(contact.path("encryptedId").asText()).isNotBlank();
    assertThat(contact.path("created").isIntegralNumber()).isTrue();
    assertThat(contact.path("lastChanged").asLong()).isEqualTo(START.toEpochMilli());
    assertThat(contact.path("testGroup").asBoolean()).isFalse();
    assertThat(contact.path("temporary").asBoolean()).isFalse();
    assertThat(contact.path("properties").path("email").asText()).isEqualTo("jan@example.nl");
    assertThat(contact.path("properties").path("permissions").get(0).path("enabled").asBoolean()).isTrue();
    assertThat(contact.path("properties").path("permissions").get(0).path("description").asText()).isEqualTo("Nieuwsbrief");
    assertThat(contact.path("channels").get(0).path("name").asText()).isEqualTo("EMAIL");
    assertThat(contact.path("channels").get(0).path("value").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("Swagger getContact notes: properties are only shown if data is available")
  void shows_only_properties_with_data() {
    upsert("{\"externalId\":\"CRM-1\",\"properties\":{\"firstName\":\"Jan\",\"lastName\":\"\"}}");

    JsonNode properties = get("/contact/CRM-1").json().path("properties");

    assertThat(properties.fieldNames()).toIterable().containsExactly("firstName");
  }

  @Test
  @DisplayName("spotler-api.md Q10: update=false on an existing contact gives 400 CONTACT_ALREADY_EXISTS")
  void refuses_to_insert_an_existing_contact_without_update() {
    upsert("{\"externalId\":\"CRM-1\",\"properties\":{\"firstName\":\"Jan\"}}");

    Reply reply = post("/contact", contactRequest(false, false, "{\"externalId\":\"CRM-1\",\"properties\":{\"firstName\":\"Piet\"}}"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorType()).isEqualTo("CONTACT_ALREADY_EXISTS");
    assertThat(emulator.contact("CRM-1").orElseThrow().properties()).containsEntry("firstName", "Jan");
  }

  @Test
  @DisplayName("spotler-api.md §2.4: update=true upserts; purge=false keeps properties not sent (Q11)")
  void upserts_and_keeps_unsent_properties() {
    upsert("{\"externalId\":\"CRM-1\",\"properties\":{\"firstName\":\"Jan\",\"city\":\"Utrecht\"}}");

    assertThat(upsert("{\"externalId\":\"CRM-1\",\"properties\":{\"firstName\":\"Johan\"}}").status()).isEqualTo(204);

    assertThat(emulator.contact("CRM-1").orElseThrow().properties())
        .containsEntry("firstName", "Johan")
        .containsEntry("city", "Utrecht");
  }

  @Test
  @DisplayName("Swagger ContactRequest.purge: 'Existing properties will be purged if not set'")
  void purge_clears_properties_not_sent() {
    upsert("{\"externalId\":\"CRM-1\",\"properties\":{\"firstName\":\"Jan\",\"city\":\"Utrecht\",\"permissions\":[{\"bit\":1,\"enabled\":true}]}}");

    post("/contact", contactRequest(true, true, "{\"externalId\":\"CRM-1\",\"properties\":{\"firstName\":\"Johan\"}}"));

    assertThat(emulator.contact("CRM-1").orElseThrow().properties()).containsOnlyKeys("firstName");
  }

  @Test
  @DisplayName("spotler-api.md §2.3: with purge=false, permission bits not sent are left alone (matched by bit)")
  void merges_permissions_per_bit() {
    upsert("{\"externalId\":\"CRM-1\",\"properties\":{\"permissions\":[{\"bit\":1,\"enabled\":true},{\"bit\":4,\"enabled\":true}]}}");

    Reply reply =
        put("/contact/CRM-1", "{\"purge\":false,\"contact\":{\"externalId\":\"CRM-1\",\"properties\":{\"permissions\":[{\"bit\":1,\"enabled\":false},{\"bit\":2,\"enabled\":true}]}}}");

    assertThat(reply.status()).isEqualTo(204);
    assertThat(emulator.contact("CRM-1").orElseThrow().enabledBits("permissions")).containsExactly(2L, 4L);
    JsonNode permissions = get("/contact/CRM-1").json().path("properties").path("permissions");
    assertThat(permissions).hasSize(4);
    assertThat(permissions.get(0).path("enabled").asBoolean()).as("bit 1").isFalse();
  }

  @Test
  @DisplayName("Swagger insertContact notes: a unique identifier externalId is required (400)")
  void refuses_a_contact_without_external_id() {
    Reply reply = post("/contact", contactRequest(true, false, "{\"properties\":{\"firstName\":\"Jan\"}}"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorType()).isEqualTo("INVALID_PARAMS");
    assertThat(emulator.contactCount()).isZero();
  }

  @Test
  @DisplayName("Swagger insertContact 400: 'Email is invalid'")
  void refuses_an_invalid_email() {
    Reply reply = upsert("{\"externalId\":\"CRM-1\",\"properties\":{\"email\":\"not-an-email\"}}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorType()).isEqualTo("INVALID_PROPERTY");
    assertThat(reply.json().path("message").asText()).isEqualTo("Email is invalid");
    assertThat(emulator.contactCount()).isZero();
  }

  @Test
  @DisplayName("Swagger insertContact 400: 'Property is invalid' for a property the account does not have")
  void refuses_an_unknown_property() {
    Reply reply = upsert("{\"externalId\":\"CRM-1\",\"properties\":{\"shoeSize\":\"44\"}}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorType()).isEqualTo("INVALID_PROPERTY");
    assertThat(reply.json().path("message").asText()).contains("shoeSize");
  }

  @Test
  @DisplayName("spotler-api.md §2.2: values are checked by property type (int, date, gender, postcode, set bits)")
  void refuses_values_that_do_not_fit_their_type() {
    List<String> invalid =
        List.of(
            "\"numberOfOrders\":\"many\"",
            "\"numberOfOrders\":1.5",
            "\"birthday\":\"01-05-1980\"",
            "\"lastContactMoment\":\"yesterday\"",
            "\"gender\":\"X\"",
            "\"postalCode\":\"SW1A 1AA\"",
            "\"mobileNumber\":\"call me\"",
            "\"totalRevenue\":\"lots\"",
            "\"permissions\":[{\"bit\":16,\"enabled\":true}]",
            "\"permissions\":[{\"bit\":1,\"enabled\":\"yes\"}]",
            "\"permissions\":{\"bit\":1}",
            "\"firstName\":{\"nested\":true}");
    for (String property : invalid) {
      Reply reply = upsert("{\"externalId\":\"CRM-1\",\"properties\":{" + property + "}}");
      assertThat(reply.status()).as(property).isEqualTo(400);
      assertThat(reply.errorType()).as(property).isEqualTo("INVALID_PROPERTY");
    }
    assertThat(emulator.contactCount()).isZero();
  }

  @Test
  @DisplayName("spotler-api.md §2.2: the value formats Spotler's own client sends are accepted")
  void accepts_values_in_the_documented_formats() {
    Reply reply =
        upsert(
            "{\"externalId\":\"CRM-1\",\"testGroup\":true,\"properties\":{\"gender\":\"M\",\"birthday\":\"1980-05-01\","
                + "\"lastContactMoment\":\"2014-05-01T10:00:00+02:00\",\"postalCode\":\"1234 AB\",\"numberOfOrders\":\"12\","
                + "\"totalRevenue\":129.95,\"mobileNumber\":\"+31 6 12345678\",\"list1\":[{\"bit\":2,\"enabled\":true}]},"
                + "\"channels\":[{\"name\":\"EMAIL\",\"value\":true}]}");

    assertThat(reply.status()).isEqualTo(204);
    JsonNode contact = get("/contact/CRM-1").json();
    JsonNode properties = contact.path("properties");
    assertThat(contact.path("testGroup").asBoolean()).isTrue();
    assertThat(properties.path("numberOfOrders").isIntegralNumber()).isTrue();
    assertThat(properties.path("lastContactMoment").asText()).isEqualTo("2014-05-01T10:00:00+02:00");
    assertThat(properties.path("list1").get(1).path("enabled").asBoolean()).isTrue();
    assertThat(contact.path("channels").get(1).path("value").asBoolean()).as("SMS channel").isTrue();
  }

  // ---- update ----

  @Test
  @DisplayName("Swagger updateContact: 404 CONTACT_NOT_FOUND 'Given contact not found' for an unknown contact")
  void refuses_to_update_a_missing_contact() {
    Reply reply = put("/contact/nobody", "{\"contact\":{\"externalId\":\"nobody\",\"properties\":{\"firstName\":\"X\"}}}");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorType()).isEqualTo("CONTACT_NOT_FOUND");
    assertThat(reply.json().path("message").asText()).isEqualTo("Given contact not found");
    assertThat(emulator.contactCount()).isZero();
  }

  @Test
  @DisplayName("Swagger updateContact: 204 and the change is stored; lastChanged moves on")
  void updates_a_contact() {
    upsert("{\"externalId\":\"CRM-1\",\"properties\":{\"firstName\":\"Jan\"}}");
    clock.advance(Duration.ofMinutes(5));

    Reply reply = put("/contact/CRM-1", "{\"contact\":{\"externalId\":\"CRM-1\",\"properties\":{\"lastName\":\"Jansen\"}}}");

    assertThat(reply.status()).isEqualTo(204);
    MailPlusContact contact = emulator.contact("CRM-1").orElseThrow();
    assertThat(contact.properties()).containsEntry("firstName", "Jan").containsEntry("lastName", "Jansen");
    assertThat(contact.lastChanged()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    assertThat(contact.created()).isEqualTo(START);
  }

  @Test
  @DisplayName("Swagger Contact.externalId is required; the body's externalId must be the path's")
  void refuses_an_update_whose_body_names_another_contact() {
    upsert("{\"externalId\":\"CRM-1\",\"properties\":{\"firstName\":\"Jan\"}}");

    assertThat(put("/contact/CRM-1", "{\"contact\":{\"externalId\":\"CRM-2\"}}").status()).isEqualTo(400);
    assertThat(put("/contact/CRM-1", "{\"contact\":{\"properties\":{}}}").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("spotler-api.md §1.2: an externalId with reserved characters works when percent-encoded in the path")
  void handles_external_ids_with_reserved_characters() {
    upsert("{\"externalId\":\"a/b c?&\",\"properties\":{\"firstName\":\"Jan\"}}");

    Reply reply = get("/contact/a%2Fb%20c%3F%26");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("externalId").asText()).isEqualTo("a/b c?&");
  }

  @Test
  @DisplayName("Swagger getContact: 404 CONTACT_NOT_FOUND for an unknown contact")
  void answers_404_for_an_unknown_contact() {
    Reply reply = get("/contact/nobody");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorType()).isEqualTo("CONTACT_NOT_FOUND");
  }

  // ---- bulk ----

  @Test
  @DisplayName("spotler-api.md §2.9, Q9: /contact/list answers 200 with a code per contact; one bad contact fails alone")
  void inserts_a_list_with_per_contact_codes() {
    upsert("{\"externalId\":\"existing\",\"properties\":{\"firstName\":\"Old\"}}");

    Reply reply =
        post(
            "/contact/list",
            "{\"update\":false,\"contacts\":["
                + "{\"externalId\":\"a\",\"properties\":{\"email\":\"a@example.nl\"}},"
                + "{\"externalId\":\"b\",\"properties\":{\"email\":\"broken\"}},"
                + "{\"externalId\":\"existing\",\"properties\":{\"firstName\":\"New\"}},"
                + "{\"externalId\":\"c\",\"properties\":{\"nonsense\":1}}]}");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode results = reply.json();
    assertThat(results.findValuesAsText("externalId")).containsExactly("a", "b", "existing", "c");
    assertThat(results.findValuesAsText("code")).containsExactly("OK", "PROPERTY_INVALID", "CONTACT_ALREADY_EXISTS", "PROPERTY_INVALID");
    assertThat(results.get(1).path("message").asText()).isEqualTo("Email is invalid");
    assertThat(emulator.contact("a")).isPresent();
    assertThat(emulator.contact("b")).isEmpty();
    assertThat(emulator.contact("existing").orElseThrow().properties()).containsEntry("firstName", "Old");
  }

  @Test
  @DisplayName("Swagger insertContacts 400: 'Too many contacts provided (max is 100)'")
  void refuses_more_than_100_contacts() {
    StringBuilder contacts = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      contacts.append(i == 0 ? "" : ",").append("{\"externalId\":\"c").append(i).append("\"}");
    }

    Reply reply = post("/contact/list", "{\"update\":true,\"contacts\":[" + contacts + "]}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorType()).isEqualTo("INVALID_PARAMS");
    assertThat(reply.json().path("message").asText()).contains("max is 100");
    assertThat(emulator.contactCount()).isZero();
  }

  @Test
  @DisplayName("Swagger insertContacts 400: 'Contact without externalId found' refuses the whole call")
  void refuses_a_list_with_a_contact_without_external_id() {
    Reply reply = post("/contact/list", "{\"update\":true,\"contacts\":[{\"externalId\":\"a\"},{\"properties\":{}}]}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("message").asText()).isEqualTo("Contact without externalId found");
    assertThat(emulator.contactCount()).isZero();
  }

  @Test
  @DisplayName("Swagger insertContacts: exactly 100 contacts is allowed, update=true upserts them")
  void accepts_100_contacts() {
    StringBuilder contacts = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      contacts.append(i == 0 ? "" : ",").append("{\"externalId\":\"c").append(i).append("\",\"properties\":{\"firstName\":\"N").append(i).append("\"}}");
    }

    Reply reply = post("/contact/list", "{\"update\":true,\"contacts\":[" + contacts + "]}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().findValuesAsText("code")).hasSize(100).containsOnly("OK");
    assertThat(emulator.contactCount()).isEqualTo(100);
  }

  // ---- anonymize ----

  @Test
  @DisplayName("spotler-api.md §2.10: anonymize answers 204 and removes personal data and permissions")
  void anonymizes_a_contact() {
    upsert("{\"externalId\":\"CRM-1\",\"properties\":{\"email\":\"jan@example.nl\",\"firstName\":\"Jan\",\"permissions\":[{\"bit\":1,\"enabled\":true}]}}");
    clock.advance(Duration.ofMinutes(1));

    Reply reply = call("PUT", "/contact/anonymize/CRM-1").send();

    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.body()).isEmpty();
    JsonNode contact = get("/contact/CRM-1").json();
    assertThat(contact.path("properties").size()).isZero();
    assertThat(contact.path("lastChanged").asLong()).isEqualTo(START.plus(Duration.ofMinutes(1)).toEpochMilli());
    assertThat(contact.path("channels").get(0).path("value").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("Swagger anonymizeContact: 404 'Given contact not found'")
  void refuses_to_anonymize_a_missing_contact() {
    Reply reply = call("PUT", "/contact/anonymize/nobody").send();

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorType()).isEqualTo("CONTACT_NOT_FOUND");
  }

  @Test
  @DisplayName("spotler-api.md §2.10: anonymize with a JSON body (as one client sends) is harmless")
  void anonymizes_with_a_harmless_body() {
    upsert("{\"externalId\":\"CRM-1\",\"properties\":{\"firstName\":\"Jan\"}}");

    assertThat(call("PUT", "/contact/anonymize/CRM-1").body("\"CRM-1\"").send().status()).isEqualTo(204);
  }

  // ---- search and history ----

  @Test
  @DisplayName("spotler-api.md §2.6: /contact/search?pageSize&MPSearchQuery=email%3D... finds the contact")
  void searches_by_property_value() {
    upsert("{\"externalId\":\"CRM-1\",\"properties\":{\"email\":\"jan@example.nl\"}}");
    upsert("{\"externalId\":\"CRM-2\",\"properties\":{\"email\":\"piet@example.nl\"}}");

    Reply reply = get("/contact/search?pageSize=1&MPSearchQuery=email%3DJan%40example.nl");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("contacts").findValuesAsText("externalId")).containsExactly("CRM-1");
    assertThat(get("/contact/search?MPSearchQuery=email%3Dx").status()).as("pageSize is required").isEqualTo(400);
  }

  @Test
  @DisplayName("Swagger getMailingHistory: 404 for an unknown contact, else a paged (empty: the sandbox sends no mail) list")
  void answers_history_lists() {
    upsert("{\"externalId\":\"CRM-1\",\"properties\":{\"firstName\":\"Jan\"}}");

    assertThat(get("/contact/CRM-1/mailings").json().path("mailingHistories").isArray()).isTrue();
    assertThat(get("/contact/nobody/forms").status()).isEqualTo(404);
  }

  // ---- HTTP level ----

  @Test
  @DisplayName("spotler-api.md §1.3, Q19: a write without Content-Type is refused (415), a client bug not to copy")
  void refuses_a_body_without_content_type() {
    Reply reply = call("POST", "/contact").body(contactRequest(true, false, "{\"externalId\":\"CRM-1\"}")).contentType(null).send();

    assertThat(reply.status()).isEqualTo(415);
    assertThat(emulator.contactCount()).isZero();
  }

  @Test
  @DisplayName("spotler-api.md §1.3: JSON is answered when Accept asks for it; XML-only Accept gets 406 from the sandbox")
  void answers_json_only() {
    assertThat(call("GET", "/contact/properties/list").accept("application/xml").send().status()).isEqualTo(406);
    assertThat(call("GET", "/contact/properties/list").accept(null).send().status()).isEqualTo(200);
  }

  @Test
  @DisplayName("Swagger spec: a method the path does not offer gives 405 in the error model")
  void answers_405_for_another_method() {
    Reply reply = call("DELETE", "/contact/CRM-1").send();

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.header("Allow")).isEqualTo("GET, PUT");
    assertThat(get("/contact/list").status()).isEqualTo(405);
  }

  @Test
  @DisplayName("Swagger spec: unknown paths under the API give 404 RESOURCE_NOT_FOUND")
  void answers_404_for_unknown_paths() {
    assertThat(get("/nothing/here").errorType()).isEqualTo("RESOURCE_NOT_FOUND");
    assertThat(get("/contact/a/b/c").status()).isEqualTo(404);
    assertThat(get("/contact/").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("spotler-api.md §2.4: the in-process API sees what the HTTP API stored")
  void exposes_contacts_in_process() {
    emulator.putContact("seeded", Map.of("firstName", "Sien", "permissions", List.of(Map.of("bit", 8, "enabled", true))));

    assertThat(get("/contact/seeded").json().path("properties").path("firstName").asText()).isEqualTo("Sien");
    assertThat(emulator.contacts()).extracting(MailPlusContact::externalId).containsExactly("seeded");
    assertThat(emulator.contact("seeded").orElseThrow().enabledBits("permissions")).containsExactly(8L);
  }

  private static JsonNode find(JsonNode list, String name) {
    for (JsonNode node : list) {
      if (node.path("name").asText().equals(name)) {
        return node;
      }
    }
    throw new AssertionError("no property " + name);
  }
}
