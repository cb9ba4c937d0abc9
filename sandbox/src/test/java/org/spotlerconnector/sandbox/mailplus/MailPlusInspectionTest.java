package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MailPlusInspectionTest extends MailPlusHttpTest {

  @Test
  @DisplayName("POST /_sandbox/contacts seeds Contact JSON (dates and encryptedId kept); GET lists and reads them")
  void seeds_and_reads_contacts() {
    Reply seeded =
        inspect(
            "POST",
            "/_sandbox/contacts",
            "[{\"externalId\":\"s-1\",\"encryptedId\":\"enc-1\",\"created\":1700000000000,\"properties\":{\"email\":\"s1@example.nl\"}},"
                + "{\"externalId\":\"s-2\",\"testGroup\":true}]");

    assertThat(seeded.status()).isEqualTo(200);
    assertThat(inspect("GET", "/_sandbox/contacts", null).json().findValuesAsText("externalId")).containsExactlyInAnyOrder("s-1", "s-2");
    JsonNode one = inspect("GET", "/_sandbox/contacts/s-1", null).json();
    assertThat(one.path("encryptedId").asText()).isEqualTo("enc-1");
    assertThat(one.path("created").asLong()).isEqualTo(1700000000000L);
    assertThat(one.path("lastChanged").asLong()).isEqualTo(START.toEpochMilli());
    assertThat(inspect("GET", "/_sandbox/contacts/nobody", null).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("Seeding is all or nothing: one invalid contact stores none (400)")
  void refuses_an_invalid_seed_entirely() {
    Reply reply = inspect("POST", "/_sandbox/contacts", "[{\"externalId\":\"ok\"},{\"externalId\":\"bad\",\"properties\":{\"email\":\"x\"}}]");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(emulator.contactCount()).isZero();
  }

  @Test
  @DisplayName("PATCH /_sandbox/contacts/{id} of an unknown contact gives 404")
  void refuses_to_edit_a_missing_contact() {
    assertThat(inspect("PATCH", "/_sandbox/contacts/nobody", "{\"properties\":{}}").status()).isEqualTo(404);
    assertThatThrownBy(() -> emulator.editContact("nobody", Map.of())).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  @DisplayName("PUT /_sandbox/properties replaces the definitions; values of removed properties disappear")
  void replaces_the_property_definitions() {
    emulator.putContact("c", Map.of("firstName", "Jan", "city", "Delft", "permissions", List.of(Map.of("bit", 8, "enabled", true))));

    Reply reply =
        inspect(
            "PUT",
            "/_sandbox/properties",
            "[{\"name\":\"firstName\",\"description\":\"Voornaam\",\"type\":\"string\"},"
                + "{\"name\":\"permissions\",\"description\":\"Permissies\",\"type\":\"set\",\"entries\":[{\"bit\":1,\"description\":\"Nieuwsbrief\",\"rank\":1}]}]");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(get("/contact/properties/list").json().findValuesAsText("name")).containsExactly("firstName", "permissions");
    assertThat(emulator.contact("c").orElseThrow().properties()).containsOnlyKeys("firstName", "permissions");
    assertThat(emulator.contact("c").orElseThrow().enabledBits("permissions")).isEmpty();
    assertThat(upsertStatus("{\"externalId\":\"c\",\"properties\":{\"city\":\"Delft\"}}")).isEqualTo(400);
  }

  @Test
  @DisplayName("PUT /_sandbox/properties refuses malformed definitions and keeps the old ones")
  void refuses_malformed_definitions() {
    for (String body :
        List.of(
            "{}",
            "[null]",
            "[{\"name\":\"x\",\"type\":\"colour\"}]",
            "[{\"name\":\"x\",\"type\":\"set\"}]",
            "[{\"name\":\"x\",\"type\":\"set\",\"entries\":[{\"bit\":3,\"description\":\"d\",\"rank\":1}]}]",
            "[{\"name\":\"x\",\"type\":\"string\"},{\"name\":\"x\",\"type\":\"string\"}]")) {
      assertThat(inspect("PUT", "/_sandbox/properties", body).status()).as(body).isEqualTo(400);
    }
    assertThat(emulator.properties()).isEqualTo(DefaultProperties.dutchAccount());
  }

  @Test
  @DisplayName("POST /_sandbox/reset empties the account and restores the initial properties and rate limit")
  void resets_everything() {
    emulator.putContact("c", Map.of("firstName", "Jan"));
    emulator.rateLimit(RateLimit.perSeconds(5, 5));
    emulator.properties(List.of(PropertyDefinition.of("x", "X", PropertyType.STRING)));

    assertThat(inspect("POST", "/_sandbox/reset", null).status()).isEqualTo(204);

    assertThat(emulator.contactCount()).isZero();
    assertThat(emulator.rateLimit()).isEmpty();
    assertThat(emulator.properties()).isEqualTo(DefaultProperties.dutchAccount());
  }

  @Test
  @DisplayName("The in-process API refuses invalid properties like the HTTP API does")
  void refuses_invalid_values_in_process() {
    assertThatThrownBy(() -> emulator.putContact("c", Map.of("email", "nope"))).isInstanceOf(IllegalArgumentException.class).hasMessage("Email is invalid");
    assertThat(emulator.contactCount()).isZero();
  }

  private int upsertStatus(String contactJson) {
    return post("/contact", "{\"update\":true,\"contact\":" + contactJson + "}").status();
  }
}
