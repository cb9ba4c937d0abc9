package org.spotlerconnector.sandbox.dataverse.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

@DisplayName("dataverse-api.md §2.6, §2.8: each bulk target becomes the single request it stands for")
class BulkTargetRequestsTest {
  private static final String ROOT = "http://127.0.0.1:7402/api/data/v9.2";
  private static final String ID = "8f4c3f92-312b-ee11-bdf4-000d3a993550";

  private final BulkTargetRequests requests = new BulkTargetRequests(
      new ServiceRoot(ROOT), new InnerCalls(new NoEmulator(), outer()), "contacts", "contactid");

  @Test
  void creates_with_a_post_to_the_entity_set_without_the_type_annotation() {
    HttpRequest request = requests.create(target("{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"firstname\":\"A\"}"));

    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath()).isEqualTo("/api/data/v9.2/contacts");
    assertThat(body(request)).isEqualTo(json("{\"firstname\":\"A\"}"));
    assertThat(request.header("Authorization")).as("runs as the caller").contains("Bearer t");
    assertThat(request.header("If-Match")).isEmpty();
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: If-Match: * makes a PATCH update-only")
  void updates_with_an_update_only_patch_addressed_by_the_primary_key() {
    HttpRequest request =
        requests.update(target("{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"contactid\":\"" + ID
            + "\",\"lastname\":\"B\"}"));

    assertThat(request.method()).isEqualTo("PATCH");
    assertThat(request.rawPath()).isEqualTo("/api/data/v9.2/contacts(" + ID + ")");
    assertThat(request.header("If-Match")).contains("*");
    assertThat(body(request)).isEqualTo(json("{\"lastname\":\"B\"}"));
  }

  @Test
  @DisplayName("dataverse-api.md §2.6: a PATCH without If-Match is an upsert")
  void upserts_with_a_plain_patch() {
    HttpRequest request = requests.upsert(target("{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"contactid\":\""
        + ID + "\",\"lastname\":\"B\"}"));

    assertThat(request.rawPath()).isEqualTo("/api/data/v9.2/contacts(" + ID + ")");
    assertThat(request.header("If-Match")).isEmpty();
  }

  @Test
  @DisplayName("dataverse-api.md §2.8: UpsertMultiple targets may be identified by @odata.id, also an alternate key")
  void addresses_an_upsert_by_its_odata_id() {
    assertThat(upsertPath("contacts(" + ID + ")")).isEqualTo("/api/data/v9.2/contacts(" + ID + ")");
    assertThat(upsertPath("/contacts(" + ID + ")")).isEqualTo("/api/data/v9.2/contacts(" + ID + ")");
    assertThat(upsertPath(ROOT + "/contacts(" + ID + ")")).isEqualTo("/api/data/v9.2/contacts(" + ID + ")");
    assertThat(upsertPath("contacts(emailaddress1='x@y.z')")).isEqualTo("/api/data/v9.2/contacts(emailaddress1='x@y.z')");
  }

  @Test
  void percent_encodes_what_a_path_may_not_contain_in_an_alternate_key() {
    HttpRequest request = requests.upsert(target(
        "{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"@odata.id\":\"contacts(fullname='Zoë de Vries')\"}"));

    assertThat(request.rawPath()).isEqualTo("/api/data/v9.2/contacts(fullname='Zo%C3%AB%20de%20Vries')");
    assertThat(request.path()).isEqualTo("/api/data/v9.2/contacts(fullname='Zoë de Vries')");
  }

  @Test
  void keeps_alternate_key_columns_in_the_body_and_strips_the_annotations() {
    HttpRequest request = requests.upsert(target("{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\","
        + "\"@odata.id\":\"contacts(emailaddress1='x@y.z')\",\"firstname\":\"A\"}"));

    assertThat(body(request)).isEqualTo(json("{\"firstname\":\"A\"}"));
  }

  @Test
  void rejects_a_target_without_key_or_odata_id() {
    assertThatThrownBy(() -> requests.update(target("{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\"}")))
        .isInstanceOf(InvalidBulkRequestException.class)
        .hasMessageContaining("'contactid'");
  }

  @Test
  void rejects_a_key_that_is_not_a_string() {
    assertThatThrownBy(() -> requests.update(target("{\"contactid\":42}")))
        .isInstanceOf(InvalidBulkRequestException.class);
  }

  @Test
  void rejects_an_odata_id_of_another_entity_set() {
    assertThatThrownBy(() -> upsertPath("accounts(" + ID + ")"))
        .isInstanceOf(InvalidBulkRequestException.class)
        .hasMessageContaining("'contacts'");
    assertThatThrownBy(() -> upsertPath("contactsx(" + ID + ")")).isInstanceOf(InvalidBulkRequestException.class);
  }

  private String upsertPath(String odataId) {
    ObjectNode target = Json.object().put("@odata.type", "Microsoft.Dynamics.CRM.contact").put("@odata.id", odataId);
    return requests.upsert(target).rawPath();
  }

  private static ObjectNode target(String json) {
    return (ObjectNode) json(json);
  }

  private static JsonNode body(HttpRequest request) {
    return request.bodyJson();
  }

  private static JsonNode json(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static HttpRequest outer() {
    return new HttpRequest("POST", "/api/data/v9.2/contacts/Microsoft.Dynamics.CRM.UpsertMultiple", null,
        Map.of("Authorization", List.of("Bearer t")), new byte[0], "test");
  }

  /** Building requests needs no emulator; calling it here would be a bug in the test. */
  private static final class NoEmulator implements OperationExecutor {
    @Override
    public HttpResponse execute(HttpRequest request) {
      throw new AssertionError("not expected");
    }

    @Override
    public <T> T atomically(Callable<T> work) {
      throw new AssertionError("not expected");
    }

    @Override
    public String serviceRoot() {
      return ROOT;
    }
  }
}
