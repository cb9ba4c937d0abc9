package org.spotlerconnector.sandbox.dataverse.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

@DisplayName("dataverse-api.md §2.7: $n references to entities created earlier in the same change set")
class ContentIdReferencesTest {
  private static final String ROOT = "https://org.crm4.dynamics.com/api/data/v9.2";
  private static final String ACCOUNT = "accounts(3dcf8c02-8c75-e911-a97a-000d3a34a1bd)";
  private static final String CONTACT = "contacts(43cf8c02-8c75-e911-a97a-000d3a34a1bd)";

  private final ContentIdReferences references = new ContentIdReferences(new ServiceRoot(ROOT));

  @BeforeEach
  void two_entities_were_created() {
    references.remember("1", HttpResponse.empty(204).header("OData-EntityId", ROOT + "/" + ACCOUNT));
    references.remember("2", HttpResponse.empty(204).header("Location", ROOT + "/" + CONTACT));
  }

  @Test
  void resolves_a_reference_used_as_the_whole_url() {
    assertThat(references.resolveTarget("$1")).isEqualTo(ACCOUNT);
  }

  @Test
  void resolves_a_reference_followed_by_a_path() {
    assertThat(references.resolveTarget("$1/lastname")).isEqualTo(ACCOUNT + "/lastname");
    assertThat(references.resolveTarget("$1/primarycontactid/$ref")).isEqualTo(ACCOUNT + "/primarycontactid/$ref");
  }

  @Test
  void leaves_ordinary_targets_alone() {
    assertThat(references.resolveTarget("/api/data/v9.2/contacts?$top=1")).isEqualTo("/api/data/v9.2/contacts?$top=1");
  }

  @Test
  void resolves_references_in_bind_and_odata_id_properties() {
    JsonNode body = resolve("{\"name\":\"$1\",\"originatingleadid@odata.bind\":\"$1\","
        + "\"primarycontactid@odata.bind\":\"$2\",\"contact_customer_accounts@odata.bind\":[\"$2\",\"contacts(9)\"],"
        + "\"nested\":{\"@odata.id\":\"$2\"}}");

    assertThat(body.get("name").asText()).as("only reference properties are resolved").isEqualTo("$1");
    assertThat(body.get("originatingleadid@odata.bind").asText()).isEqualTo(ACCOUNT);
    assertThat(body.get("primarycontactid@odata.bind").asText()).isEqualTo(CONTACT);
    assertThat(body.get("contact_customer_accounts@odata.bind")).extracting(JsonNode::asText)
        .containsExactly(CONTACT, "contacts(9)");
    assertThat(body.at("/nested/@odata.id").asText()).isEqualTo(CONTACT);
  }

  @Test
  void leaves_a_body_without_references_untouched() {
    byte[] body = "{ \"lastname\" : \"O'Bryan\" }".getBytes(StandardCharsets.UTF_8);

    assertThat(references.resolveBody(body)).isSameAs(body);
  }

  @Test
  void leaves_a_malformed_body_for_the_emulator_to_reject() {
    byte[] body = "{\"x@odata.bind\":\"$1\"".getBytes(StandardCharsets.UTF_8);

    assertThat(references.resolveBody(body)).isSameAs(body);
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: unknown or forward reference -> Content-ID Reference: '$n' does not exist")
  void rejects_a_reference_nothing_was_created_for() {
    assertThatThrownBy(() -> references.resolveTarget("$3/lastname"))
        .isInstanceOf(UnresolvedReferenceException.class)
        .hasMessage("Content-ID Reference: '$3' does not exist in the batch context.");
    assertThatThrownBy(() -> resolve("{\"regardingobjectid_account_phonecall@odata.bind\":\"$9\"}"))
        .hasMessage("Content-ID Reference: '$9' does not exist in the batch context.");
  }

  @Test
  void remembers_nothing_for_a_request_without_content_id_or_entity() {
    references.remember(null, HttpResponse.empty(204).header("OData-EntityId", ROOT + "/contacts(5)"));
    references.remember("3", HttpResponse.empty(204));

    assertThatThrownBy(() -> references.resolveTarget("$3")).isInstanceOf(UnresolvedReferenceException.class);
  }

  private JsonNode resolve(String json) {
    try {
      return Json.MAPPER.readTree(references.resolveBody(json.getBytes(StandardCharsets.UTF_8)));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
