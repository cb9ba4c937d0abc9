package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code POST /subscription/subscribe} (Swagger subscribeContact; spotler-api.md §2.3, §2.12). */
class MailPlusSubscriptionConformanceTest extends MailPlusHttpTest {
  private static final String WHOLE_DAY = "fromDate=2024-05-01T00:00:00&toDate=2024-05-01T23:59:59";

  private Reply subscribe(String contactJson) {
    return post("/subscription/subscribe", contactJson);
  }

  @Test
  @DisplayName("Swagger subscribeContact: a bare Contact without externalId gives 204 with no body and a new contact")
  void subscribes_a_contact_without_external_id() {
    Reply reply = subscribe("{\"properties\":{\"email\":\"anna@example.nl\",\"firstName\":\"Anna\","
        + "\"permissions\":[{\"bit\":1,\"enabled\":true}]}}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    assertThat(reply.body()).isEmpty();
    assertThat(emulator.contactCount()).isOne();
    MailPlusContact contact = emulator.contacts().get(0);
    assertThat(contact.externalId()).isNull();
    assertThat(contact.encryptedId()).isNotBlank();
    assertThat(contact.lastChanged()).isEqualTo(START);
    assertThat(contact.enabledBits("permissions")).containsExactly(1L);
  }

  @Test
  @DisplayName("spotler-api.md §2.7, §2.6: a sign-up shows in the updates feed without externalId and is found by search")
  void a_sign_up_shows_in_the_feed_and_in_search() {
    subscribe("{\"properties\":{\"email\":\"anna@example.nl\",\"firstName\":\"Anna\"}}");

    JsonNode feed = get("/contact/updates/list?" + WHOLE_DAY + "&pageSize=10").json().path("contacts");
    JsonNode legacyFeed = call("GET", "/contact/updates/list?" + WHOLE_DAY + "&pageSize=10").prefix(LEGACY_API).send().json();
    JsonNode found = get("/contact/search?pageSize=10&MPSearchQuery=email%3Danna%40example.nl").json().path("contacts");

    assertThat(feed).hasSize(1);
    assertThat(feed.get(0).has("externalId")).isFalse();
    assertThat(feed.get(0).path("encryptedId").asText()).isNotBlank();
    assertThat(feed.get(0).path("lastChanged").asLong()).isEqualTo(START.toEpochMilli());
    assertThat(feed.get(0).path("properties").path("firstName").asText()).isEqualTo("Anna");
    assertThat(legacyFeed).hasSize(1);
    assertThat(legacyFeed.get(0).has("externalId")).isFalse();
    assertThat(found).hasSize(1);
    assertThat(found.get(0).path("encryptedId").asText()).isEqualTo(feed.get(0).path("encryptedId").asText());
  }

  @Test
  @DisplayName("Swagger subscribeContact 400: 'Email is invalid' for a missing or malformed e-mail, 'Property is invalid' "
      + "for an unknown property or a value that does not fit; nothing is stored")
  void refuses_invalid_subscriptions() {
    Reply noEmail = subscribe("{\"properties\":{\"firstName\":\"Anna\"}}");
    Reply blankEmail = subscribe("{\"properties\":{\"email\":\"\"}}");
    Reply badEmail = subscribe("{\"properties\":{\"email\":\"anna-at-example\"}}");
    Reply unknown = subscribe("{\"properties\":{\"email\":\"anna@example.nl\",\"shoeSize\":42}}");
    Reply badValue = subscribe("{\"properties\":{\"email\":\"anna@example.nl\",\"permissions\":[{\"bit\":64,\"enabled\":true}]}}");
    Reply notAnObject = subscribe("[]");

    for (Reply reply : new Reply[] {noEmail, blankEmail, badEmail}) {
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.errorType()).isEqualTo("INVALID_PROPERTY");
      assertThat(reply.json().path("message").asText()).isEqualTo("Email is invalid");
    }
    for (Reply reply : new Reply[] {unknown, badValue}) {
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().path("message").asText()).startsWith("Property is invalid");
    }
    assertThat(notAnObject.status()).isEqualTo(400);
    assertThat(emulator.contactCount()).isZero();
  }

  @Test
  @DisplayName("Sandbox decision (ContactService#subscribe): a known e-mail updates that contact like purge=false, keeps "
      + "its externalId and counts as a change; no second contact")
  void a_known_email_updates_the_contact() {
    post("/contact", "{\"update\":true,\"contact\":{\"externalId\":\"CRM-1\",\"properties\":{\"email\":\"jan@example.nl\","
        + "\"city\":\"Delft\",\"permissions\":[{\"bit\":1,\"enabled\":false},{\"bit\":4,\"enabled\":true}]}}}");
    clock.advance(Duration.ofMinutes(3));

    Reply reply = subscribe("{\"properties\":{\"email\":\"JAN@example.nl\",\"permissions\":[{\"bit\":1,\"enabled\":true}]}}");

    assertThat(reply.status()).isEqualTo(204);
    assertThat(emulator.contactCount()).isOne();
    MailPlusContact contact = emulator.contact("CRM-1").orElseThrow();
    assertThat(contact.enabledBits("permissions")).containsExactly(1L, 4L);
    assertThat(contact.properties()).containsEntry("city", "Delft");
    assertThat(contact.lastChanged()).isEqualTo(START.plus(Duration.ofMinutes(3)));
  }

  @Test
  @DisplayName("Sandbox decision: signing up twice with one e-mail leaves one contact without externalId")
  void signing_up_twice_keeps_one_contact() {
    subscribe("{\"properties\":{\"email\":\"anna@example.nl\",\"permissions\":[{\"bit\":1,\"enabled\":true}]}}");
    subscribe("{\"properties\":{\"email\":\"anna@example.nl\",\"permissions\":[{\"bit\":2,\"enabled\":true}]}}");

    assertThat(emulator.contactCount()).isOne();
    assertThat(emulator.contacts().get(0).externalId()).isNull();
    assertThat(emulator.contacts().get(0).enabledBits("permissions")).containsExactly(1L, 2L);
  }

  @Test
  @DisplayName("Swagger subscribeContact: an externalId, when given, keys the subscription like POST /contact update=true")
  void subscribes_with_an_external_id() {
    assertThat(subscribe("{\"externalId\":\"CRM-9\",\"properties\":{\"email\":\"piet@example.nl\"}}").status()).isEqualTo(204);

    assertThat(get("/contact/CRM-9").json().path("properties").path("email").asText()).isEqualTo("piet@example.nl");
  }

  @Test
  @DisplayName("Swagger spec: /subscription/subscribe takes only POST (405); other paths below /subscription give 404")
  void answers_other_methods_and_paths() {
    assertThat(get("/subscription/subscribe").status()).isEqualTo(405);
    assertThat(post("/subscription/unsubscribe", "{}").status()).isEqualTo(404);
    assertThat(post("/subscription", "{}").status()).isEqualTo(404);
  }
}
