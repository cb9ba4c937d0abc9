package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a person does in Mail+ itself, arranged through the in-process API and the {@code /_sandbox/} calls: each is a
 * change with a new lastChanged that the updates feed reports (spotler-api.md §2.7), except adding a permission.
 */
class MailPlusMarketerActionsTest extends MailPlusHttpTest {
  private static final String WHOLE_DAY = "fromDate=2024-05-01T00:00:00&toDate=2024-05-01T23:59:59";

  private JsonNode feed() {
    return get("/contact/updates/list?" + WHOLE_DAY + "&pageSize=100").json().path("contacts");
  }

  private Instant later(int minutes) {
    clock.advance(Duration.ofMinutes(minutes));
    return clock.instant();
  }

  @Test
  @DisplayName("editContact: a marketer's edit merges the properties, moves lastChanged and puts the contact last in the feed")
  void edits_a_contact() {
    emulator.putContact("a", Map.of("firstName", "Jan", "city", "Delft"));
    emulator.putContact("b", Map.of("firstName", "Piet"));
    Instant edited = later(4);

    MailPlusContact contact = emulator.editContact("a", Map.of("city", "Gouda"));

    assertThat(contact.lastChanged()).isEqualTo(edited);
    assertThat(contact.properties()).containsEntry("firstName", "Jan").containsEntry("city", "Gouda");
    assertThat(feed().findValuesAsText("externalId")).containsExactly("b", "a");
    assertThat(feed().get(1).path("lastChanged").asLong()).isEqualTo(edited.toEpochMilli());
  }

  @Test
  @DisplayName("setPermission: an unsubscribe turns one permission bit off, the others stay, and the feed reports it")
  void unsubscribes_and_subscribes_one_permission() {
    emulator.putContact("a", Map.of("permissions", List.of(Map.of("bit", 1, "enabled", true), Map.of("bit", 2, "enabled", true))));
    Instant unsubscribed = later(1);

    MailPlusContact off = emulator.setPermission("a", 1, false);
    later(1);
    MailPlusContact on = emulator.setPermission("a", 8, true);

    assertThat(off.enabledBits("permissions")).containsExactly(2L);
    assertThat(off.lastChanged()).isEqualTo(unsubscribed);
    assertThat(on.enabledBits("permissions")).containsExactly(2L, 8L);
    JsonNode permissions = feed().get(0).path("properties").path("permissions");
    assertThat(permissions.get(0).path("enabled").asBoolean()).as("bit 1").isFalse();
    assertThat(feed().get(0).path("lastChanged").asLong()).isEqualTo(clock.instant().toEpochMilli());
    assertThatThrownBy(() -> emulator.setPermission("a", 64, true)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> emulator.setPermission("nobody", 1, true)).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  @DisplayName("signUp: a form sign-up creates a contact without externalId, found by encryptedId and in the feed")
  void signs_up_in_process() {
    Instant signedUp = later(7);

    MailPlusContact contact = emulator.signUp(Map.of("email", "anna@example.nl", "permissions", List.of(Map.of("bit", 1, "enabled", true))));

    assertThat(contact.externalId()).isNull();
    assertThat(contact.lastChanged()).isEqualTo(signedUp);
    assertThat(emulator.contactByEncryptedId(contact.encryptedId())).contains(contact);
    assertThat(feed().findValuesAsText("encryptedId")).containsExactly(contact.encryptedId());
    assertThatThrownBy(() -> emulator.signUp(Map.of("firstName", "Anna"))).isInstanceOf(IllegalArgumentException.class).hasMessage("Email is invalid");
  }

  @Test
  @DisplayName("POST /_sandbox/sign-ups signs up and answers the contact with its encryptedId; GET and PATCH "
      + "/_sandbox/contacts/by-encrypted-id/{id} read and edit it")
  void signs_up_and_edits_over_the_inspection_api() {
    Reply signUp = inspect("POST", "/_sandbox/sign-ups", "{\"properties\":{\"email\":\"anna@example.nl\",\"firstName\":\"Anna\"}}");
    String encryptedId = signUp.json().path("encryptedId").asText();
    Instant edited = later(3);

    Reply edit = inspect("PATCH", "/_sandbox/contacts/by-encrypted-id/" + encryptedId, "{\"properties\":{\"firstName\":\"Anne\"}}");

    assertThat(signUp.status()).as(signUp.body()).isEqualTo(200);
    assertThat(signUp.json().has("externalId")).isFalse();
    assertThat(edit.status()).as(edit.body()).isEqualTo(200);
    assertThat(edit.json().path("properties").path("firstName").asText()).isEqualTo("Anne");
    assertThat(edit.json().path("lastChanged").asLong()).isEqualTo(edited.toEpochMilli());
    assertThat(inspect("GET", "/_sandbox/contacts/by-encrypted-id/" + encryptedId, null).json().path("properties").path("email").asText())
        .isEqualTo("anna@example.nl");
    assertThat(inspect("GET", "/_sandbox/contacts/by-encrypted-id/nope", null).status()).isEqualTo(404);
    assertThat(inspect("PATCH", "/_sandbox/contacts/by-encrypted-id/nope", "{\"properties\":{}}").status()).isEqualTo(404);
    assertThat(inspect("POST", "/_sandbox/sign-ups", "{\"properties\":{\"firstName\":\"No mail\"}}").status()).isEqualTo(400);
    assertThat(emulator.contactCount()).isOne();
  }

  @Test
  @DisplayName("editContactByEncryptedId edits a sign-up in process; an unknown encryptedId is refused")
  void edits_a_sign_up_in_process() {
    MailPlusContact contact = emulator.signUp(Map.of("email", "anna@example.nl"));

    MailPlusContact edited = emulator.editContactByEncryptedId(contact.encryptedId(), Map.of("city", "Delft"));

    assertThat(edited.properties()).containsEntry("email", "anna@example.nl").containsEntry("city", "Delft");
    assertThatThrownBy(() -> emulator.editContactByEncryptedId("nope", Map.of())).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  @DisplayName("POST /_sandbox/contacts seeds a contact without externalId (a sign-up), found again by its encryptedId")
  void seeds_a_sign_up() {
    Reply seeded = inspect("POST", "/_sandbox/contacts", "[{\"encryptedId\":\"enc-1\",\"properties\":{\"email\":\"anna@example.nl\"}}]");
    inspect("POST", "/_sandbox/contacts", "[{\"encryptedId\":\"enc-1\",\"properties\":{\"email\":\"anne@example.nl\"}}]");

    assertThat(seeded.status()).as(seeded.body()).isEqualTo(200);
    assertThat(emulator.contactCount()).isOne();
    assertThat(emulator.contactByEncryptedId("enc-1").orElseThrow().properties()).containsEntry("email", "anne@example.nl");
    inspect("POST", "/_sandbox/contacts", "[{\"externalId\":\"x\",\"encryptedId\":\"enc-2\"}]");
    assertThat(inspect("POST", "/_sandbox/contacts", "[{\"externalId\":\"x\",\"encryptedId\":\"enc-1\"}]").status())
        .as("one encryptedId cannot belong to two contacts")
        .isEqualTo(400);
    assertThat(emulator.contact("x").orElseThrow().encryptedId()).isEqualTo("enc-2");
  }

  @Test
  @DisplayName("addSetEntry / POST /_sandbox/properties/permissions/entries: a new permission, ranked last, off for "
      + "everyone, usable at once; no contact changes")
  void adds_a_permission() {
    emulator.putContact("a", Map.of("firstName", "Jan"));
    later(5);

    emulator.addSetEntry("permissions", 16, "Podcasts");
    Reply added = inspect("POST", "/_sandbox/properties/permissions/entries", "{\"bit\":32,\"description\":\"Enquêtes\"}");

    assertThat(added.status()).as(added.body()).isEqualTo(200);
    JsonNode entries = get("/contact/properties/list").json().findParent("entries").path("entries");
    assertThat(entries.findValues("bit")).extracting(JsonNode::asLong).containsExactly(1L, 2L, 4L, 8L, 16L, 32L);
    assertThat(entries.get(5).path("rank").asInt()).isEqualTo(6);
    assertThat(entries.get(5).path("description").asText()).isEqualTo("Enquêtes");
    assertThat(emulator.contact("a").orElseThrow().lastChanged()).isEqualTo(START);
    assertThat(post("/contact", "{\"update\":true,\"contact\":{\"externalId\":\"a\",\"properties\":{\"permissions\":"
        + "[{\"bit\":32,\"enabled\":true}]}}}").status()).isEqualTo(204);
    assertThat(emulator.contact("a").orElseThrow().enabledBits("permissions")).containsExactly(32L);
    assertThat(inspect("POST", "/_sandbox/properties/permissions/entries", "{\"bit\":16,\"description\":\"Again\"}").status()).isEqualTo(400);
    assertThat(inspect("POST", "/_sandbox/properties/permissions/entries", "{\"bit\":3,\"description\":\"Two bits\"}").status()).isEqualTo(400);
    assertThat(inspect("POST", "/_sandbox/properties/firstName/entries", "{\"bit\":64,\"description\":\"x\"}").status()).isEqualTo(400);
    assertThat(inspect("POST", "/_sandbox/properties/nothing/entries", "{\"bit\":64,\"description\":\"x\"}").status()).isEqualTo(400);
  }
}
