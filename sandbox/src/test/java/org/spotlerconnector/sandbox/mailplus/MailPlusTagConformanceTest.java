package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Tags and scores as ADR 0003 assumes them ("Tags and scores"). */
class MailPlusTagConformanceTest extends MailPlusHttpTest {

  @BeforeEach
  void arrangeContacts() {
    emulator.putContact("CRM-1", Map.of("email", "jan@example.nl"));
    emulator.putContact("CRM/2", Map.of("email", "piet@example.nl"));
  }

  private Reply tagContact(String rawExternalId, String name) {
    return post("/contact/" + rawExternalId + "/tag", "{\"name\":\"" + name + "\"}");
  }

  @Test
  @DisplayName("ADR 0003 POST /tag: 204, then listed by GET /tag/list as [{name}]")
  void creates_and_lists_tags() {
    assertThat(post("/tag", "{\"name\":\"Lead\"}").status()).isEqualTo(204);
    assertThat(post("/tag", "{\"name\":\"Customer\"}").status()).isEqualTo(204);

    Reply list = get("/tag/list");

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().toString()).isEqualTo("[{\"name\":\"Lead\"},{\"name\":\"Customer\"}]");
  }

  @Test
  @DisplayName("ADR 0003 POST /tag: 400 NAME_ALREADY_IN_USE when it exists; 400 INVALID_PARAMS for an empty name or one over 100 characters")
  void tag_creation_refusals() {
    post("/tag", "{\"name\":\"Lead\"}");

    Reply duplicate = post("/tag", "{\"name\":\"Lead\"}");
    Reply empty = post("/tag", "{\"name\":\"\"}");
    Reply tooLong = post("/tag", "{\"name\":\"" + "x".repeat(101) + "\"}");
    Reply missing = post("/tag", "{}");

    assertThat(duplicate.status()).isEqualTo(400);
    assertThat(duplicate.errorType()).isEqualTo("NAME_ALREADY_IN_USE");
    for (Reply reply : List.of(empty, tooLong, missing)) {
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.errorType()).isEqualTo("INVALID_PARAMS");
    }
    assertThat(post("/tag", "{\"name\":\"" + "x".repeat(100) + "\"}").status()).isEqualTo(204);
    assertThat(emulator.tags().all()).containsExactly("Lead", "x".repeat(100));
  }

  @Test
  @DisplayName("ADR 0003 POST /contact/{externalId}/tag: 204, and the tag is created on first use")
  void tags_are_created_on_first_use() {
    Reply reply = tagContact("CRM-1", "Lead");

    assertThat(reply.status()).isEqualTo(204);
    assertThat(emulator.tags().all()).containsExactly("Lead");
    assertThat(emulator.tags().tagsOf("CRM-1")).containsExactly(new ContactTag("Lead", null));
    assertThat(tagContact("CRM-1", "Lead").status()).as("tagging twice is harmless").isEqualTo(204);
    assertThat(emulator.tags().tagsOf("CRM-1")).hasSize(1);
    assertThat(post("/tag", "{\"name\":\"Lead\"}").errorType()).isEqualTo("NAME_ALREADY_IN_USE");
  }

  @Test
  @DisplayName("ADR 0003 POST /contact/{externalId}/tag: 404 CONTACT_NOT_FOUND, and no tag is created")
  void tagging_an_unknown_contact_is_404() {
    Reply reply = tagContact("nobody", "Lead");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorType()).isEqualTo("CONTACT_NOT_FOUND");
    assertThat(emulator.tags().all()).isEmpty();
  }

  @Test
  @DisplayName("ADR 0003 + spotler-api.md §1.2: an externalId with an encoded '/' is one path segment")
  void encoded_external_id_is_one_segment() {
    assertThat(tagContact("CRM%2F2", "Lead").status()).isEqualTo(204);
    assertThat(emulator.tags().tagsOf("CRM/2")).extracting(ContactTag::name).containsExactly("Lead");
  }

  @Test
  @DisplayName("ADR 0003 PUT .../tag/{name}/score sets a score (adding the tag); POST with a delta answers 200 {score}; GET .../tag/list shows both")
  void sets_and_changes_scores() {
    Reply set = put("/contact/CRM-1/tag/Lead/score", "{\"score\":10}");
    Reply changed = post("/contact/CRM-1/tag/Lead/score", "{\"delta\":-5}");
    tagContact("CRM-1", "Customer");

    assertThat(set.status()).isEqualTo(204);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().toString()).isEqualTo("{\"score\":5}");
    Reply list = get("/contact/CRM-1/tag/list");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().toString()).isEqualTo("[{\"name\":\"Lead\",\"score\":5},{\"name\":\"Customer\"}]");
    assertThat(emulator.tags().all()).containsExactly("Lead", "Customer");
  }

  @Test
  @DisplayName("ADR 0003 POST .../score: a tag without a score counts from 0; a missing tag is added")
  void delta_starts_from_zero() {
    tagContact("CRM-1", "Lead");

    assertThat(post("/contact/CRM-1/tag/Lead/score", "{\"delta\":3}").json().path("score").asInt()).isEqualTo(3);
    assertThat(post("/contact/CRM-1/tag/Hot%20lead/score", "{\"delta\":-2}").json().path("score").asInt()).isEqualTo(-2);
    assertThat(emulator.tags().tagsOf("CRM-1")).containsExactly(new ContactTag("Lead", 3), new ContactTag("Hot lead", -2));
  }

  @Test
  @DisplayName("ADR 0003 DELETE /contact/{externalId}/tag/{name}: 204, and the score goes with the tag")
  void removing_a_tag_removes_its_score() {
    put("/contact/CRM-1/tag/Lead/score", "{\"score\":10}");

    Reply removed = call("DELETE", "/contact/CRM-1/tag/Lead").send();

    assertThat(removed.status()).isEqualTo(204);
    assertThat(emulator.tags().tagsOf("CRM-1")).isEmpty();
    assertThat(get("/contact/CRM-1/tag/list").json()).isEmpty();
    assertThat(emulator.tags().all()).as("the account keeps the tag").containsExactly("Lead");
    tagContact("CRM-1", "Lead");
    assertThat(emulator.tags().tagsOf("CRM-1")).containsExactly(new ContactTag("Lead", null));
  }

  @Test
  @DisplayName("ADR 0003 DELETE .../tag/{name}: 404 RESOURCE_NOT_FOUND when the contact lacks the tag, 404 CONTACT_NOT_FOUND for no contact")
  void remove_refusals() {
    Reply lacking = call("DELETE", "/contact/CRM-1/tag/Lead").send();
    Reply noContact = call("DELETE", "/contact/nobody/tag/Lead").send();

    assertThat(lacking.status()).isEqualTo(404);
    assertThat(lacking.errorType()).isEqualTo("RESOURCE_NOT_FOUND");
    assertThat(noContact.status()).isEqualTo(404);
    assertThat(noContact.errorType()).isEqualTo("CONTACT_NOT_FOUND");
  }

  @Test
  @DisplayName("ADR 0003 score calls: whole numbers only (400 INVALID_PARAMS), 404 CONTACT_NOT_FOUND, nothing changed")
  void score_refusals() {
    put("/contact/CRM-1/tag/Lead/score", "{\"score\":10}");
    for (String body : List.of("{}", "{\"score\":\"10\"}", "{\"score\":1.5}", "{\"score\":99999999999}")) {
      Reply reply = put("/contact/CRM-1/tag/Lead/score", body);
      assertThat(reply.status()).as(body).isEqualTo(400);
      assertThat(reply.errorType()).as(body).isEqualTo("INVALID_PARAMS");
    }
    assertThat(post("/contact/CRM-1/tag/Lead/score", "{\"score\":3}").status()).as("POST takes a delta").isEqualTo(400);
    put("/contact/CRM-1/tag/Lead/score", "{\"score\":2147483000}");
    assertThat(post("/contact/CRM-1/tag/Lead/score", "{\"delta\":1000}").status()).as("overflow").isEqualTo(400);
    Reply noContact = put("/contact/nobody/tag/Lead/score", "{\"score\":1}");
    assertThat(noContact.status()).isEqualTo(404);
    assertThat(noContact.errorType()).isEqualTo("CONTACT_NOT_FOUND");
    assertThat(get("/contact/nobody/tag/list").errorType()).isEqualTo("CONTACT_NOT_FOUND");
    assertThat(emulator.tags().tagsOf("CRM-1")).containsExactly(new ContactTag("Lead", 2147483000));
  }

  @Test
  @DisplayName("Swagger anonymizeContact keeps its literal path: PUT /contact/anonymize/tag anonymises the contact 'tag'")
  void anonymize_path_is_not_a_tag_call() {
    emulator.putContact("tag", Map.of("email", "tag@example.nl"));

    Reply reply = put("/contact/anonymize/tag", null);

    assertThat(reply.status()).isEqualTo(204);
    assertThat(emulator.contact("tag").orElseThrow().properties()).doesNotContainKey("email");
  }
}
