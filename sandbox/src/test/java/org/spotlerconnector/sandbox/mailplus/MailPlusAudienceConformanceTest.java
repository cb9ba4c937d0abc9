package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Audiences as spotler-api.md §5 and the Swagger spec's {@code audience} and {@code audience-contact} describe them. */
class MailPlusAudienceConformanceTest extends MailPlusHttpTest {

  @BeforeEach
  void arrangeContacts() {
    for (String id : List.of("CRM-1", "CRM-2", "CRM/3")) {
      emulator.putContact(id, Map.of("email", id.toLowerCase().replace("/", "") + "@example.nl"));
    }
  }

  private Reply createAudience(String externalId, String name) {
    return post("/audience", "{\"externalId\":\"" + externalId + "\",\"name\":\"" + name + "\"}");
  }

  private Reply changeContacts(String method, String rawExternalId, List<String> contactIds) {
    String ids = contactIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
    return call(method, "/audience/" + rawExternalId + "/contact").body("{\"contacts\":[" + ids + "]}").send();
  }

  @Test
  @DisplayName("§5 POST /audience {externalId, name, description}: 200 Audience with createDate and changeDate;"
      + " GET /audience/{externalId} answers it")
  void creates_and_reads_an_audience() {
    Reply created = post("/audience", "{\"externalId\":\"list-1\",\"name\":\"Newsletter\",\"description\":\"Monthly\"}");
    Reply read = get("/audience/list-1");

    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().path("externalId").asText()).isEqualTo("list-1");
    assertThat(created.json().path("name").asText()).isEqualTo("Newsletter");
    assertThat(created.json().path("description").asText()).isEqualTo("Monthly");
    assertThat(created.json().path("createDate").asText()).isEqualTo(START.toString());
    assertThat(created.json().path("changeDate").asText()).isEqualTo(START.toString());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).isEqualTo(created.json());
  }

  @Test
  @DisplayName("§5 POST /audience: 417 for an empty or too long name or id, a name or id in use, or too many audiences")
  void creation_refusals() {
    createAudience("list-1", "Newsletter");
    emulator.audiences().maximum(2);

    assertThat(createAudience("list-2", "").status()).isEqualTo(417);
    assertThat(createAudience("list-2", "x".repeat(256)).status()).isEqualTo(417);
    assertThat(createAudience("", "Empty id").status()).isEqualTo(417);
    assertThat(post("/audience", "{\"name\":\"No id\"}").status()).isEqualTo(417);
    Reply sameName = createAudience("list-2", "Newsletter");
    Reply sameId = createAudience("list-1", "Other");
    assertThat(sameName.status()).isEqualTo(417);
    assertThat(sameName.json().path("message").asText()).isEqualTo("Audience name must be unique");
    assertThat(sameId.status()).isEqualTo(417);
    assertThat(sameId.json().path("message").asText()).isEqualTo("Audience id must be unique");
    assertThat(createAudience("list-2", "x".repeat(255)).status()).isEqualTo(200);
    Reply tooMany = createAudience("list-3", "Third");
    assertThat(tooMany.status()).isEqualTo(417);
    assertThat(tooMany.json().path("message").asText()).isEqualTo("Maximum of audiences exceeded");
  }

  @Test
  @DisplayName("§5 PUT /audience/{externalId}: 200 with the new name; the body's externalId must be the path's (400);"
      + " an empty or used name is 417; an unknown audience 404")
  void updates_an_audience() {
    createAudience("list-1", "Newsletter");
    createAudience("list-2", "Events");
    clock.advance(Duration.ofMinutes(5));

    Reply renamed = put("/audience/list-1", "{\"externalId\":\"list-1\",\"name\":\"Monthly newsletter\"}");
    Reply mismatch = put("/audience/list-1", "{\"externalId\":\"list-2\",\"name\":\"Other\"}");
    Reply usedName = put("/audience/list-1", "{\"externalId\":\"list-1\",\"name\":\"Events\"}");
    Reply emptyName = put("/audience/list-1", "{\"externalId\":\"list-1\",\"name\":\"\"}");
    Reply unknown = put("/audience/nope", "{\"externalId\":\"nope\",\"name\":\"Nope\"}");

    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.json().path("name").asText()).isEqualTo("Monthly newsletter");
    assertThat(renamed.json().path("changeDate").asText()).isEqualTo(START.plus(Duration.ofMinutes(5)).toString());
    assertThat(renamed.json().path("createDate").asText()).isEqualTo(START.toString());
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.json().path("message").asText()).isEqualTo("Path id doesn't match audience id");
    assertThat(usedName.status()).isEqualTo(417);
    assertThat(emptyName.status()).isEqualTo(417);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(get("/audience/list-1").json().path("name").asText()).isEqualTo("Monthly newsletter");
  }

  @Test
  @DisplayName("§5 DELETE /audience/{externalId}: 204, then 404; 417 \"Cannot delete audience, as it's in use\"")
  void deletes_an_audience() {
    createAudience("list-1", "Newsletter");
    createAudience("list-2", "Used");
    emulator.audiences().inUse("list-2", true);

    Reply deleted = call("DELETE", "/audience/list-1").send();
    Reply inUse = call("DELETE", "/audience/list-2").send();

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(get("/audience/list-1").status()).isEqualTo(404);
    assertThat(call("DELETE", "/audience/list-1").send().status()).isEqualTo(404);
    assertThat(inUse.status()).isEqualTo(417);
    assertThat(inUse.json().path("message").asText()).isEqualTo("Cannot delete audience, as it's in use");
    assertThat(get("/audience/list-2").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("§5 POST /audience/{externalId}/contact {contacts:[…]}: 204; adding a member again changes nothing;"
      + " lastContactAddedAt moves on")
  void adds_contacts() {
    createAudience("list-1", "Newsletter");
    clock.advance(Duration.ofMinutes(1));

    Reply added = changeContacts("POST", "list-1", List.of("CRM-1", "CRM/3"));
    Reply again = changeContacts("POST", "list-1", List.of("CRM-1", "CRM-2"));

    assertThat(added.status()).as(added.body()).isEqualTo(204);
    assertThat(added.body()).isEmpty();
    assertThat(again.status()).isEqualTo(204);
    assertThat(emulator.audiences().contacts("list-1")).containsExactly("CRM-1", "CRM/3", "CRM-2");
    assertThat(get("/audience/list-1").json().path("lastContactAddedAt").asText())
        .isEqualTo(START.plus(Duration.ofMinutes(1)).toString());
  }

  @Test
  @DisplayName("§5: unknown contacts are 404 AudienceContactErrorResponse {errorType, message, externalContactIds},"
      + " and none of the call's contacts is added")
  void unknown_contacts_are_named_and_nothing_is_added() {
    createAudience("list-1", "Newsletter");

    Reply reply = changeContacts("POST", "list-1", List.of("CRM-1", "GHOST-1", "GHOST-2"));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorType()).isEqualTo("CONTACT_NOT_FOUND");
    assertThat(reply.json().path("message").asText()).isNotBlank();
    assertThat(reply.json().path("externalContactIds").toString()).isEqualTo("[\"GHOST-1\",\"GHOST-2\"]");
    assertThat(emulator.audiences().contacts("list-1")).isEmpty();
  }

  @Test
  @DisplayName("§5: at most 2,500 contact ids per call; more is 413 on both POST and DELETE")
  void at_most_2500_ids_per_call() {
    createAudience("list-1", "Newsletter");
    List<String> ids = IntStream.range(0, 2_501).mapToObj(i -> "C-" + i).toList();
    ids.forEach(id -> emulator.putContact(id, Map.of("email", id.toLowerCase() + "@example.nl")));

    Reply tooMany = changeContacts("POST", "list-1", ids);
    Reply tooManyRemoved = changeContacts("DELETE", "list-1", ids);
    Reply exactly = changeContacts("POST", "list-1", ids.subList(0, 2_500));

    assertThat(tooMany.status()).isEqualTo(413);
    assertThat(tooManyRemoved.status()).isEqualTo(413);
    assertThat(exactly.status()).as(exactly.body()).isEqualTo(204);
    assertThat(emulator.audiences().contacts("list-1")).hasSize(2_500);
  }

  @Test
  @DisplayName("§5 DELETE /audience/{externalId}/contact {contacts:[…]}: 204, those contacts leave; ids that are not"
      + " members are skipped")
  void removes_contacts() {
    createAudience("list-1", "Newsletter");
    changeContacts("POST", "list-1", List.of("CRM-1", "CRM-2", "CRM/3"));
    clock.advance(Duration.ofMinutes(2));

    Reply removed = changeContacts("DELETE", "list-1", List.of("CRM-2", "NOT-A-MEMBER"));

    assertThat(removed.status()).as(removed.body()).isEqualTo(204);
    assertThat(emulator.audiences().contacts("list-1")).containsExactly("CRM-1", "CRM/3");
    assertThat(get("/audience/list-1").json().path("lastContactRemovedAt").asText())
        .isEqualTo(START.plus(Duration.ofMinutes(2)).toString());
  }

  @Test
  @DisplayName("§5, §8 Q6: DELETE /audience/{externalId}/contact without a body (or a null body) removes ALL contacts")
  void a_delete_without_body_empties_the_audience() {
    createAudience("list-1", "Newsletter");
    createAudience("list-2", "Events");
    changeContacts("POST", "list-1", List.of("CRM-1", "CRM-2"));
    changeContacts("POST", "list-2", List.of("CRM-1", "CRM-2"));

    Reply noBody = call("DELETE", "/audience/list-1/contact").send();
    Reply nullBody = call("DELETE", "/audience/list-2/contact").body("null").send();

    assertThat(noBody.status()).isEqualTo(204);
    assertThat(nullBody.status()).isEqualTo(204);
    assertThat(emulator.audiences().contacts("list-1")).isEmpty();
    assertThat(emulator.audiences().contacts("list-2")).isEmpty();
  }

  @Test
  @DisplayName("§5: the contact calls answer 404 for an unknown audience; a body without contacts is 400")
  void contact_calls_need_an_audience_and_contacts() {
    createAudience("list-1", "Newsletter");

    assertThat(changeContacts("POST", "nope", List.of("CRM-1")).status()).isEqualTo(404);
    assertThat(changeContacts("DELETE", "nope", List.of("CRM-1")).status()).isEqualTo(404);
    assertThat(call("DELETE", "/audience/nope/contact").send().status()).isEqualTo(404);
    assertThat(post("/audience/list-1/contact", "{}").status()).isEqualTo(400);
    assertThat(post("/audience/list-1/contact", "{\"contacts\":[1]}").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("§5: an externalId with reserved characters is addressed percent-encoded")
  void an_encoded_external_id() {
    createAudience("list/1", "Slashed");

    Reply read = get("/audience/list%2F1");
    Reply added = changeContacts("POST", "list%2F1", List.of("CRM-1"));

    assertThat(read.status()).isEqualTo(200);
    assertThat(added.status()).isEqualTo(204);
    assertThat(emulator.audiences().contacts("list/1")).containsExactly("CRM-1");
  }

  @Test
  @DisplayName("§5: without Automation or eCommerce every audience call answers 403 \"Only Automation or eCommerce"
      + " products can use this call\"")
  void a_product_without_audiences_answers_403() {
    createAudience("list-1", "Newsletter");
    emulator.audiences().available(false);

    List<Reply> replies = List.of(
        createAudience("list-2", "Events"),
        get("/audience/list-1"),
        put("/audience/list-1", "{\"externalId\":\"list-1\",\"name\":\"X\"}"),
        call("DELETE", "/audience/list-1").send(),
        changeContacts("POST", "list-1", List.of("CRM-1")),
        changeContacts("DELETE", "list-1", List.of("CRM-1")),
        call("DELETE", "/audience/list-1/contact").send(),
        get("/audience/unknown"));

    for (Reply reply : replies) {
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.json().path("message").asText()).isEqualTo("Only Automation or eCommerce products can use this call");
    }
    assertThat(emulator.audiences().all()).hasSize(1);
  }

  @Test
  @DisplayName("the audience calls are signed like every call: an unsigned one is 401")
  void audience_calls_need_a_signature() {
    assertThat(call("GET", "/audience/list-1").unsigned().send().status()).isEqualTo(401);
  }
}
