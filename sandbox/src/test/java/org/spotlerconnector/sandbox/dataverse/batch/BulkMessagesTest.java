package org.spotlerconnector.sandbox.dataverse.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

class BulkMessagesTest {
  private static final String CONTACT = "\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\"";

  private final FakeDataverse dataverse = new FakeDataverse();
  private final BulkMessages bulk = new BulkMessages(dataverse);

  @Test
  @DisplayName("dataverse-api.md §2.8: CreateMultiple answers 200 with the CreateMultipleResponse and its Ids")
  void creates_every_target_and_answers_their_ids() {
    HttpResponse response = send("CreateMultiple",
        "{\"Targets\":[{" + CONTACT + ",\"firstname\":\"A\"},{" + CONTACT + ",\"firstname\":\"B\"}]}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.firstHeader("OData-Version")).isEqualTo("4.0");
    JsonNode body = json(response.bodyText());
    assertThat(body.get("@odata.context").asText())
        .isEqualTo(dataverse.serviceRoot() + "/$metadata#Microsoft.Dynamics.CRM.CreateMultipleResponse");
    List<String> ids = List.of(body.get("Ids").get(0).asText(), body.get("Ids").get(1).asText());
    assertThat(dataverse.table("contacts")).containsOnlyKeys(ids);
    assertThat(dataverse.table("contacts").get(ids.get(0)).get("firstname").asText()).isEqualTo("A");
    assertThat(dataverse.table("contacts").get(ids.get(0)).has("@odata.type")).isFalse();
  }

  @Test
  @DisplayName("dataverse-api.md §2.8: @odata.type is mandatory on every target - 400 and nothing is created")
  void rejects_a_target_without_odata_type_before_creating_anything() {
    HttpResponse response = send("CreateMultiple",
        "{\"Targets\":[{" + CONTACT + ",\"firstname\":\"A\"},{\"firstname\":\"B\"}]}");

    assertDataverseError(response, 400);
    assertThat(dataverse.table("contacts")).isEmpty();
    assertThat(dataverse.received()).isEmpty();
  }

  @Test
  void rejects_a_target_of_another_table_with_400() {
    HttpResponse response = send("UpsertMultiple",
        "{\"Targets\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"name\":\"x\"}]}");

    assertDataverseError(response, 400);
  }

  @Test
  void rejects_a_malformed_body_with_400() {
    assertDataverseError(send("CreateMultiple", "{\"Targets\":["), 400);
  }

  @Test
  @DisplayName("dataverse-api.md §2.8: a bulk message on a standard table is all-or-nothing")
  void rolls_back_every_create_when_one_fails_and_answers_that_failure() {
    HttpResponse response = send("CreateMultiple", "{\"Targets\":[{" + CONTACT + ",\"firstname\":\"A\"},{" + CONTACT
        + ",\"lastname\":\"FAIL\"},{" + CONTACT + ",\"firstname\":\"C\"}]}");

    assertDataverseError(response, 400);
    assertThat(json(response.bodyText()).at("/error/message").asText()).isEqualTo("A validation error occurred.");
    assertThat(dataverse.table("contacts")).isEmpty();
    assertThat(dataverse.received()).as("stops at the first failure").hasSize(2);
  }

  @Test
  @DisplayName("dataverse-api.md §2.8: UpdateMultiple - each target includes its primary key -> 204")
  void updates_every_target_by_primary_key() {
    String a = dataverse.seed("contacts", Json.object().put("firstname", "A"));
    String b = dataverse.seed("contacts", Json.object().put("firstname", "B"));

    HttpResponse response = send("UpdateMultiple", "{\"Targets\":[{" + CONTACT + ",\"contactid\":\"" + a
        + "\",\"lastname\":\"X\"},{" + CONTACT + ",\"contactid\":\"" + b + "\",\"lastname\":\"Y\"}]}");

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(dataverse.table("contacts").get(a).get("lastname").asText()).isEqualTo("X");
    assertThat(dataverse.table("contacts").get(b).get("lastname").asText()).isEqualTo("Y");
    assertThat(dataverse.received()).allSatisfy(r -> assertThat(r.header("If-Match")).contains("*"));
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: update-only - a missing record is 404, and the whole message rolls back")
  void fails_an_update_of_a_missing_record_and_rolls_back_the_others() {
    String a = dataverse.seed("contacts", Json.object().put("firstname", "A"));

    HttpResponse response = send("UpdateMultiple", "{\"Targets\":[{" + CONTACT + ",\"contactid\":\"" + a
        + "\",\"lastname\":\"X\"},{" + CONTACT + ",\"contactid\":\"00000000-0000-0000-0000-000000000009\"}]}");

    assertDataverseError(response, 404);
    assertThat(dataverse.table("contacts").get(a).has("lastname")).isFalse();
    assertThat(dataverse.table("contacts")).hasSize(1);
  }

  @Test
  @DisplayName("dataverse-api.md §2.8: UpsertMultiple answers 204 without body, by primary key or @odata.id")
  void upserts_by_primary_key_odata_id_and_alternate_key() {
    String existing = dataverse.seed("contacts", Json.object().put("emailaddress1", "x@y.z"));
    String fresh = "11111111-2222-3333-4444-555555555555";

    HttpResponse response = send("UpsertMultiple", "{\"Targets\":["
        + "{" + CONTACT + ",\"@odata.id\":\"contacts(emailaddress1='x@y.z')\",\"firstname\":\"Existing\"},"
        + "{" + CONTACT + ",\"contactid\":\"" + fresh + "\",\"firstname\":\"ByKey\"},"
        + "{" + CONTACT + ",\"@odata.id\":\"contacts(emailaddress1='new@y.z')\",\"firstname\":\"New\"}]}");

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    Map<String, ObjectNode> contacts = dataverse.table("contacts");
    assertThat(contacts).hasSize(3);
    assertThat(contacts.get(existing).get("firstname").asText()).isEqualTo("Existing");
    assertThat(contacts.get(fresh).get("firstname").asText()).isEqualTo("ByKey");
    assertThat(dataverse.received()).allSatisfy(r -> assertThat(r.header("If-Match")).isEmpty());
  }

  @Test
  void rolls_back_an_upsert_when_one_target_fails() {
    HttpResponse response = send("UpsertMultiple", "{\"Targets\":["
        + "{" + CONTACT + ",\"@odata.id\":\"contacts(emailaddress1='a@y.z')\",\"firstname\":\"A\"},"
        + "{" + CONTACT + ",\"@odata.id\":\"contacts(emailaddress1='b@y.z')\",\"lastname\":\"FAIL\"}]}");

    assertDataverseError(response, 400);
    assertThat(dataverse.table("contacts")).isEmpty();
  }

  @Test
  void keeps_working_after_a_failed_message() {
    send("CreateMultiple", "{\"Targets\":[{" + CONTACT + ",\"lastname\":\"FAIL\"}]}");

    HttpResponse response = send("CreateMultiple", "{\"Targets\":[{" + CONTACT + ",\"firstname\":\"A\"}]}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(dataverse.table("contacts")).hasSize(1);
  }

  @Test
  void refuses_a_message_it_does_not_implement() {
    assertThatThrownBy(() -> send("DeleteMultiple", "{\"Targets\":[]}")).isInstanceOf(IllegalArgumentException.class);
  }

  private HttpResponse send(String message, String body) {
    HttpRequest request = new HttpRequest("POST", "/api/data/v9.2/contacts/Microsoft.Dynamics.CRM." + message, null,
        Map.of("Content-Type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8), "test");
    return bulk.execute(message, "contacts", "contact", "contactid", request);
  }

  private static void assertDataverseError(HttpResponse response, int status) {
    assertThat(response.status()).isEqualTo(status);
    JsonNode error = json(response.bodyText()).get("error");
    assertThat(error.get("message").asText()).isNotBlank();
  }

  private static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new AssertionError(text, e);
    }
  }
}
