package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The inspection calls for audiences, which tests use to read members and to switch the product. */
class MailPlusAudienceInspectionTest extends MailPlusHttpTest {

  @BeforeEach
  void arrangeAudience() {
    emulator.putContact("CRM-1", Map.of("email", "a@example.nl"));
    emulator.putContact("CRM-2", Map.of("email", "b@example.nl"));
    post("/audience", "{\"externalId\":\"list/1\",\"name\":\"Newsletter\"}");
    post("/audience/list%2F1/contact", "{\"contacts\":[\"CRM-2\",\"CRM-1\"]}");
  }

  @Test
  @DisplayName("GET /_sandbox/audiences lists every audience with inUse and size; /{externalId}/contacts its members")
  void reads_audiences_and_members() {
    JsonNode all = inspect("GET", "/_sandbox/audiences", null).json();
    Reply members = inspect("GET", "/_sandbox/audiences/list%2F1/contacts", null);

    assertThat(all).hasSize(1);
    assertThat(all.get(0).path("externalId").asText()).isEqualTo("list/1");
    assertThat(all.get(0).path("size").asInt()).isEqualTo(2);
    assertThat(all.get(0).path("inUse").asBoolean()).isFalse();
    assertThat(members.json().toString()).isEqualTo("[\"CRM-2\",\"CRM-1\"]");
    assertThat(inspect("GET", "/_sandbox/audiences/nope/contacts", null).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("PUT /_sandbox/audiences/{externalId} {inUse:true} makes a delete of it 417")
  void marks_an_audience_in_use() {
    Reply marked = inspect("PUT", "/_sandbox/audiences/list%2F1", "{\"inUse\":true}");

    assertThat(marked.json().path("inUse").asBoolean()).isTrue();
    assertThat(call("DELETE", "/audience/list%2F1").send().status()).isEqualTo(417);
  }

  @Test
  @DisplayName("PUT /_sandbox/audience-settings {available:false} switches to a product without audiences (403);"
      + " reset restores the product")
  void switches_the_product() {
    Reply settings = inspect("PUT", "/_sandbox/audience-settings", "{\"available\":false}");

    assertThat(settings.json().path("available").asBoolean()).isFalse();
    assertThat(get("/audience/list%2F1").status()).isEqualTo(403);
    inspect("POST", "/_sandbox/reset", null);
    assertThat(inspect("GET", "/_sandbox/audience-settings", null).json().path("available").asBoolean()).isTrue();
    assertThat(inspect("GET", "/_sandbox/audiences", null).json()).isEmpty();
  }
}
