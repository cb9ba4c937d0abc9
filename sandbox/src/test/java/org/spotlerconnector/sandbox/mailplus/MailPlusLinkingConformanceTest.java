package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ADR 0004: {@code POST /contact} (and {@code /contact/list}) with {@code update:true} and a new externalId links the
 * one contact without externalId that has the same e-mail, instead of creating a second contact.
 */
class MailPlusLinkingConformanceTest extends MailPlusHttpTest {
  private static final String WHOLE_DAY = "fromDate=2024-05-01T00:00:00&toDate=2024-05-01T23:59:59";

  private MailPlusContact signUp(String email) {
    return emulator.signUp(Map.of("email", email, "firstName", "Anna"));
  }

  private Reply upsert(boolean update, String externalId, String email) {
    return post("/contact", "{\"update\":" + update + ",\"contact\":{\"externalId\":\"" + externalId + "\","
        + "\"properties\":{\"email\":\"" + email + "\",\"lastName\":\"Jansen\"}}}");
  }

  @Test
  @DisplayName("ADR 0004: update=true, a new externalId and the e-mail of one sign-up give that sign-up the externalId")
  void links_a_sign_up_to_the_external_id() {
    MailPlusContact signedUp = signUp("anna@example.nl");
    clock.advance(Duration.ofMinutes(2));

    Reply reply = upsert(true, "row-1", "Anna@Example.nl");

    assertThat(reply.status()).isEqualTo(204);
    assertThat(emulator.contactCount()).isOne();
    JsonNode linked = get("/contact/row-1").json();
    assertThat(linked.path("encryptedId").asText()).isEqualTo(signedUp.encryptedId());
    assertThat(linked.path("created").asLong()).isEqualTo(START.toEpochMilli());
    assertThat(linked.path("lastChanged").asLong()).isEqualTo(START.plus(Duration.ofMinutes(2)).toEpochMilli());
    assertThat(linked.path("properties").path("firstName").asText()).as("kept, purge=false").isEqualTo("Anna");
    assertThat(linked.path("properties").path("lastName").asText()).isEqualTo("Jansen");
    JsonNode feed = get("/contact/updates/list?" + WHOLE_DAY + "&pageSize=10").json().path("contacts");
    assertThat(feed.findValuesAsText("externalId")).containsExactly("row-1");
  }

  @Test
  @DisplayName("ADR 0004: /contact/list with update=true links the same way, and answers code OK")
  void links_in_a_list() {
    MailPlusContact signedUp = signUp("anna@example.nl");

    Reply reply = post("/contact/list", "{\"update\":true,\"contacts\":[{\"externalId\":\"row-1\",\"properties\":"
        + "{\"email\":\"anna@example.nl\"}},{\"externalId\":\"row-2\",\"properties\":{\"email\":\"bob@example.nl\"}}]}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().findValuesAsText("code")).containsExactly("OK", "OK");
    assertThat(emulator.contactCount()).isEqualTo(2);
    assertThat(emulator.contact("row-1").orElseThrow().encryptedId()).isEqualTo(signedUp.encryptedId());
  }

  @Test
  @DisplayName("ADR 0004: an e-mail that belongs to a contact with an externalId links nothing: a second contact is created")
  void does_not_take_over_a_contact_with_an_external_id() {
    upsert(true, "row-1", "anna@example.nl");

    assertThat(upsert(true, "row-2", "anna@example.nl").status()).isEqualTo(204);

    assertThat(emulator.contactCount()).isEqualTo(2);
    assertThat(emulator.contact("row-1").orElseThrow().encryptedId())
        .isNotEqualTo(emulator.contact("row-2").orElseThrow().encryptedId());
  }

  @Test
  @DisplayName("ADR 0004: once linked, the sign-up is no longer linkable; another externalId with its e-mail is a new contact")
  void links_only_once() {
    signUp("anna@example.nl");
    upsert(true, "row-1", "anna@example.nl");

    upsert(true, "row-2", "anna@example.nl");

    assertThat(emulator.contactCount()).isEqualTo(2);
    assertThat(emulator.contacts()).extracting(MailPlusContact::externalId).containsExactlyInAnyOrder("row-1", "row-2");
  }

  @Test
  @DisplayName("ADR 0004: only update=true links; update=false creates a new contact next to the sign-up")
  void update_false_does_not_link() {
    signUp("anna@example.nl");

    assertThat(upsert(false, "row-1", "anna@example.nl").status()).isEqualTo(204);

    assertThat(emulator.contactCount()).isEqualTo(2);
    assertThat(emulator.contacts()).extracting(MailPlusContact::externalId).containsExactlyInAnyOrder(null, "row-1");
  }

  @Test
  @DisplayName("ADR 0004: two contacts without externalId sharing the e-mail are ambiguous: nothing is linked")
  void does_not_link_an_ambiguous_e_mail() {
    inspect("POST", "/_sandbox/contacts", "[{\"properties\":{\"email\":\"anna@example.nl\"}},"
        + "{\"properties\":{\"email\":\"anna@example.nl\"}}]");

    upsert(true, "row-1", "anna@example.nl");

    assertThat(emulator.contactCount()).isEqualTo(3);
    assertThat(emulator.contacts()).extracting(MailPlusContact::externalId).containsOnlyOnce("row-1");
  }

  @Test
  @DisplayName("The existing externalId still wins: an upsert of a known externalId updates it, whatever its e-mail")
  void an_existing_external_id_wins() {
    signUp("anna@example.nl");
    upsert(true, "row-1", "bob@example.nl");

    upsert(true, "row-1", "anna@example.nl");

    assertThat(emulator.contactCount()).isEqualTo(2);
    assertThat(emulator.contact("row-1").orElseThrow().properties()).containsEntry("email", "anna@example.nl");
  }
}
