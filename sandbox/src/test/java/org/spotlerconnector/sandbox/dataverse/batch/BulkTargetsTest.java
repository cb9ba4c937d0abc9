package org.spotlerconnector.sandbox.dataverse.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.HttpRequest;

@DisplayName("dataverse-api.md §2.8: {\"Targets\":[…]} with a mandatory @odata.type on every target")
class BulkTargetsTest {

  @Test
  void reads_every_target_in_order() {
    String body = "{\"Targets\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"firstname\":\"A\"},"
        + "{\"@odata.type\":\"#Microsoft.Dynamics.CRM.contact\",\"firstname\":\"B\"}]}";

    assertThat(read(body)).extracting(t -> t.get("firstname").asText()).containsExactly("A", "B");
  }

  @Test
  void rejects_a_target_without_odata_type() {
    String body = "{\"Targets\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\"},{\"firstname\":\"B\"}]}";

    assertThatThrownBy(() -> read(body))
        .isInstanceOf(InvalidBulkRequestException.class)
        .hasMessageContaining("'@odata.type'")
        .hasMessageContaining("Microsoft.Dynamics.CRM.contact");
  }

  @Test
  void rejects_a_target_of_another_table() {
    String body = "{\"Targets\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\"}]}";

    assertThatThrownBy(() -> read(body))
        .isInstanceOf(InvalidBulkRequestException.class)
        .hasMessageContaining("Microsoft.Dynamics.CRM.account");
  }

  @Test
  void rejects_bodies_that_are_not_a_targets_collection_of_entities() {
    for (String body : List.of("", "{", "[]", "{}", "{\"Targets\":{}}", "{\"Targets\":[]}", "{\"Targets\":[1]}")) {
      assertThatThrownBy(() -> read(body)).as(body).isInstanceOf(InvalidBulkRequestException.class);
    }
  }

  private static List<com.fasterxml.jackson.databind.node.ObjectNode> read(String body) {
    HttpRequest request = new HttpRequest("POST", "/api/data/v9.2/contacts/Microsoft.Dynamics.CRM.CreateMultiple",
        null, Map.of(), body.getBytes(StandardCharsets.UTF_8), "test");
    return BulkTargets.read("CreateMultiple", request, "contacts", "contact");
  }
}
