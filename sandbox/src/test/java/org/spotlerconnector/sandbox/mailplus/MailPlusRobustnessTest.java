package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Garbage never crashes the emulator nor changes its state (brief: "a bad request must never corrupt state"). */
class MailPlusRobustnessTest extends MailPlusHttpTest {
  private static final List<String> GARBAGE =
      List.of(
          "",
          "not json",
          "{",
          "null",
          "[]",
          "42",
          "\"text\"",
          "{\"contact\":null}",
          "{\"contact\":[]}",
          "{\"contact\":\"x\"}",
          "{\"update\":\"yes\",\"contact\":{\"externalId\":\"victim\"}}",
          "{\"contact\":{\"externalId\":42}}",
          "{\"contact\":{\"externalId\":\"victim\",\"properties\":[]}}",
          "{\"contact\":{\"externalId\":\"victim\",\"properties\":{\"firstName\":[1,2]}}}",
          "{\"contact\":{\"externalId\":\"victim\",\"testGroup\":\"maybe\"}}",
          "{\"contact\":{\"externalId\":\"victim\",\"channels\":\"EMAIL\"}}",
          "{\"contact\":{\"externalId\":\"victim\",\"channels\":[{\"name\":\"FAX\",\"value\":true}]}}",
          "{\"contact\":{\"externalId\":\"victim\",\"created\":\"long ago\"}}",
          "{\"contacts\":null}",
          "{\"contacts\":{}}",
          "{\"contacts\":[null]}",
          "{\"contacts\":[{\"externalId\":\"victim\"},42]}",
          "{\"update\":true,\"contacts\":[{\"externalId\":\"victim\",\"properties\":{\"permissions\":[{\"bit\":99999999999999999999999,\"enabled\":true}]}}]}",
          "[".repeat(5000) + "]".repeat(5000),
          "{\"contact\":{\"externalId\":\"victim\",\"properties\":{\"numberOfOrders\":1e999999}}}");

  private String before;

  @BeforeEach
  void seedVictim() {
    emulator.putContact("victim", Map.of("firstName", "Jan", "permissions", List.of(Map.of("bit", 1, "enabled", true))));
    before = inspect("GET", "/_sandbox/contacts", null).body();
  }

  @Test
  @DisplayName("spotler-api.md §7.1: malformed bodies on every write get a 4xx in the error model, state unchanged")
  void survives_garbage_bodies() {
    List<String[]> writes =
        List.of(new String[] {"POST", "/contact"}, new String[] {"PUT", "/contact/victim"}, new String[] {"POST", "/contact/list"});
    for (String[] write : writes) {
      for (String body : GARBAGE) {
        Reply reply = call(write[0], write[1]).body(body).send();
        String label = write[0] + " " + write[1] + " " + (body.length() > 60 ? body.substring(0, 60) : body);
        if (reply.status() == 200) {
          assertThat(reply.json().isArray()).as(label).isTrue();
          assertThat(reply.json().findValuesAsText("code")).as(label).doesNotContain("OK");
        } else {
          assertThat(reply.status()).as(label).isBetween(400, 499);
          assertThat(reply.errorType()).as(label).isNotBlank();
        }
      }
    }
    assertThat(inspect("GET", "/_sandbox/contacts", null).body()).isEqualTo(before);
    assertThat(get("/contact/properties/list").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("spotler-api.md §5: malformed bodies on every audience write get a 4xx in the error model, the audience"
      + " and its members unchanged (a DELETE without a body empties it by design, so only non-null bodies are sent)")
  void survives_garbage_audience_bodies() {
    post("/audience", "{\"externalId\":\"victim-audience\",\"name\":\"Victims\"}");
    post("/audience/victim-audience/contact", "{\"contacts\":[\"victim\"]}");
    List<String[]> writes =
        List.of(new String[] {"POST", "/audience"}, new String[] {"PUT", "/audience/victim-audience"},
            new String[] {"POST", "/audience/victim-audience/contact"},
            new String[] {"DELETE", "/audience/victim-audience/contact"});
    for (String[] write : writes) {
      for (String body : GARBAGE) {
        if (body.isEmpty() || body.equals("null")) {
          continue;
        }
        Reply reply = call(write[0], write[1]).body(body).send();
        String label = write[0] + " " + write[1] + " " + (body.length() > 60 ? body.substring(0, 60) : body);
        assertThat(reply.status()).as(label).isBetween(400, 499);
        assertThat(reply.errorType()).as(label).isNotBlank();
      }
    }
    assertThat(emulator.audiences().all()).singleElement().satisfies(a -> assertThat(a.name()).isEqualTo("Victims"));
    assertThat(emulator.audiences().contacts("victim-audience")).containsExactly("victim");
  }

  @Test
  @DisplayName("Garbage sent to the inspection API gets a 400 and changes nothing")
  void survives_garbage_inspection_calls() {
    for (String body : GARBAGE) {
      for (String[] call :
          List.of(
              new String[] {"POST", "/_sandbox/contacts"},
              new String[] {"PATCH", "/_sandbox/contacts/victim"},
              new String[] {"PUT", "/_sandbox/properties"},
              new String[] {"PUT", "/_sandbox/rate-limit"})) {
        Reply reply = inspect(call[0], call[1], body);
        assertThat(reply.status()).as(call[0] + " " + call[1] + " " + body.substring(0, Math.min(40, body.length()))).isIn(200, 400, 404);
      }
    }
    assertThat(emulator.properties()).isEqualTo(DefaultProperties.dutchAccount());
    assertThat(emulator.rateLimit()).isEmpty();
    assertThat(emulator.contact("victim").orElseThrow().properties()).containsEntry("firstName", "Jan");
  }
}
