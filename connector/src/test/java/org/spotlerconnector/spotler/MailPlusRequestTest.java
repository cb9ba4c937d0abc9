package org.spotlerconnector.spotler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MailPlusRequestTest {
  @Test
  @DisplayName("spotler-api.md §1.2: each path value is percent-encoded as one segment, as it is signed")
  void encodes_each_path_value_as_one_segment() {
    MailPlusRequest request = MailPlusRequest.delete("/contact/{}/tag/{}", "CRM/1 +ü", "Hot lead");

    assertThat(request.path()).isEqualTo("/contact/CRM%2F1%20%2B%C3%BC/tag/Hot%20lead");
  }

  @Test
  @DisplayName("RFC 9110 §9.2.2: GET, PUT and DELETE are idempotent, POST is not unless marked")
  void idempotency_follows_the_method() {
    assertThat(MailPlusRequest.get("/tag/list").isIdempotent()).isTrue();
    assertThat(MailPlusRequest.put("/contact/{}/tag/{}/score", "a", "b").isIdempotent()).isTrue();
    assertThat(MailPlusRequest.delete("/contact/{}/tag/{}", "a", "b").isIdempotent()).isTrue();
    assertThat(MailPlusRequest.post("/automation/trigger/{}", "t").isIdempotent()).isFalse();
    assertThat(MailPlusRequest.post("/tag").idempotent().isIdempotent()).isTrue();
  }

  @Test
  void writes_the_body_with_the_mail_plus_settings() {
    MailPlusRequest request = MailPlusRequest.post("/tag").withJsonBody(new Named("Lead", null));

    assertThat(new String(request.jsonBody(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"Lead\"}");
    assertThat(MailPlusRequest.post("/x").withJsonBody(Map.of("a", 1)).isIdempotent()).isFalse();
  }

  @Test
  void keeps_answering_statuses() {
    MailPlusRequest request = MailPlusRequest.post("/automation/trigger/{}", "t").answering(404).answering(417);

    assertThat(request.answerStatuses()).containsExactlyInAnyOrder(404, 417);
    assertThatThrownBy(() -> request.answering(200)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejects_a_template_that_does_not_fit_its_values() {
    assertThatThrownBy(() -> MailPlusRequest.get("/contact/{}/tag/{}", "only-one"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more {}");
    assertThatThrownBy(() -> MailPlusRequest.get("/tag/list", "extra")).hasMessageContaining("1 values were given");
    assertThatThrownBy(() -> MailPlusRequest.get("/contact/{}", "")).hasMessageContaining("cannot be null or empty");
    assertThatThrownBy(() -> MailPlusRequest.get("tag/list")).hasMessageContaining("must start with '/'");
  }

  private record Named(String name, String description) {}
}
