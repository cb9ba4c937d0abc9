package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Garbage sent to the automation, campaign and tag calls never crashes the emulator nor changes its state; only the
 * trigger calls are recorded, as every trigger call is (brief: "a bad request must never corrupt state").
 */
class MailPlusAutomationRobustnessTest extends MailPlusHttpTest {
  private static final String AUTOMATION_ID = "6f1c0a52-0000-4000-8000-0000000000aa";
  private static final String CODE = "bc0a8795-0000-4000-8000-0000000000aa";
  private static final String CAMPAIGN_ID = "c0a1b2c3d4e5f60718293aaa";
  private static final String CAMPAIGN_TRIGGER = "t0f1e2d3c4b5a69788796aaa";

  /** Invalid for every call: no usable externalContactId, name, score or delta. */
  private static final List<String> GARBAGE =
      List.of(
          "",
          "not json",
          "{",
          "null",
          "[]",
          "42",
          "\"victim\"",
          "{\"externalContactId\":null}",
          "{\"externalContactId\":[\"victim\"]}",
          "{\"externalContactId\":{\"id\":\"victim\"}}",
          "{\"externalContactId\":42,\"name\":7,\"score\":\"1\",\"delta\":null}",
          "{\"name\":null,\"score\":1.5,\"delta\":1e999999}",
          "{\"name\":[\"Lead\"],\"score\":99999999999999999999999,\"delta\":true}",
          "[{\"externalContactId\":\"victim\",\"name\":\"Lead\",\"score\":1,\"delta\":1}]",
          "[".repeat(5000) + "]".repeat(5000),
          "{\"externalContactId\":\"victim\"" + ",".repeat(3) + "}");

  /** Invalid only for the trigger calls: a real contact, but fields that cannot be read or do not fit. */
  private static final List<String> TRIGGER_GARBAGE =
      List.of(
          "{\"externalContactId\":\"victim\",\"automationFields\":\"x\",\"campaignFields\":\"x\"}",
          "{\"externalContactId\":\"victim\",\"automationFields\":[null],\"campaignFields\":[null]}",
          "{\"externalContactId\":\"victim\",\"automationFields\":[{\"name\":\"f\",\"value\":{\"a\":1}}],"
              + "\"campaignFields\":[{\"name\":\"f\",\"value\":{\"a\":1}}]}",
          "{\"externalContactId\":\"victim\",\"automationFields\":[{\"name\":1}],\"campaignFields\":[{\"name\":1}]}",
          "{\"externalContactId\":\"victim\",\"automationFields\":[{\"name\":\"f\",\"type\":\"url\",\"value\":\"x\"}],"
              + "\"campaignFields\":[{\"name\":\"f\",\"type\":\"url\",\"value\":\"x\"}]}",
          "{\"externalContactId\":\"victim\",\"automationFields\":[{\"name\":\"link\",\"type\":\"URL\",\"value\":\"no url\"}],"
              + "\"campaignFields\":[{\"name\":\"p\",\"type\":\"PRODUCTLIST\",\"values\":[[\"1\"]]}]}");

  private String before;

  @BeforeEach
  void arrangeVictim() {
    emulator.putContact("victim", Map.of("firstName", "Jan"));
    emulator.automations().addAutomation(
        Automation.named("Journey").id(AUTOMATION_ID).trigger(CODE, "Start").field("link", FieldType.URL).build());
    emulator.campaigns().addCampaign(Campaign.named("Legacy").encryptedId(CAMPAIGN_ID).trigger(CAMPAIGN_TRIGGER, "Start").build());
    assertThat(post("/automation/trigger/" + CODE, "{\"externalContactId\":\"victim\"}").status()).isEqualTo(200);
    assertThat(post("/campaign/trigger/" + CAMPAIGN_TRIGGER, "{\"externalContactId\":\"victim\"}").status()).isEqualTo(204);
    assertThat(put("/contact/victim/tag/Lead/score", "{\"score\":7}").status()).isEqualTo(204);
    before = state();
  }

  private String state() {
    return inspect("GET", "/_sandbox/automations", null).body()
        + inspect("GET", "/_sandbox/runs", null).body()
        + inspect("GET", "/_sandbox/campaigns", null).body()
        + inspect("GET", "/_sandbox/tags", null).body()
        + inspect("GET", "/_sandbox/contacts", null).body();
  }

  @Test
  @DisplayName("spotler-api.md §7.1 + ADR 0003: malformed bodies on every write get a 4xx in the error model, state unchanged")
  void survives_garbage_bodies() {
    List<String[]> writes =
        List.of(
            new String[] {"POST", "/automation/trigger/" + CODE},
            new String[] {"POST", "/automation/" + AUTOMATION_ID + "/stop"},
            new String[] {"POST", "/campaign/trigger/" + CAMPAIGN_TRIGGER},
            new String[] {"POST", "/campaign/" + CAMPAIGN_ID + "/stop"},
            new String[] {"POST", "/tag"},
            new String[] {"POST", "/contact/victim/tag"},
            new String[] {"PUT", "/contact/victim/tag/Lead/score"},
            new String[] {"POST", "/contact/victim/tag/Lead/score"});
    for (String[] write : writes) {
      List<String> bodies = new ArrayList<>(GARBAGE);
      if (write[1].contains("/trigger/")) {
        bodies.addAll(TRIGGER_GARBAGE);
      }
      for (String body : bodies) {
        Reply reply = call(write[0], write[1]).body(body).send();
        String label = write[0] + " " + write[1] + " " + (body.length() > 60 ? body.substring(0, 60) : body);
        assertThat(reply.status()).as(label).isBetween(400, 499);
        assertThat(reply.errorType()).as(label).isNotBlank();
      }
    }
    assertThat(state()).isEqualTo(before);
    int sentToTriggers = GARBAGE.size() + TRIGGER_GARBAGE.size();
    assertThat(emulator.automations().triggerCalls()).hasSize(1 + sentToTriggers);
    assertThat(emulator.campaigns().triggerCalls()).hasSize(1 + sentToTriggers);
  }

  @Test
  @DisplayName("spotler-api.md §1.3: a write without a JSON content type is 415, state unchanged")
  void refuses_bodies_that_are_not_json() {
    Reply reply = call("POST", "/contact/victim/tag").body("name=Lead").contentType("application/x-www-form-urlencoded").send();
    Reply none = call("POST", "/automation/trigger/" + CODE).body("{\"externalContactId\":\"victim\"}").contentType(null).send();

    assertThat(reply.status()).isEqualTo(415);
    assertThat(none.status()).isEqualTo(415);
    assertThat(state()).isEqualTo(before);
  }

  @Test
  @DisplayName("Odd paths below /automation, /campaign, /tag and /contact/{id}/tag get a 4xx, state unchanged")
  void survives_odd_paths() {
    List<String[]> calls =
        List.of(
            new String[] {"POST", "/automation/trigger/%E0%A4"},
            new String[] {"POST", "/automation/trigger/" + "9".repeat(4000)},
            new String[] {"POST", "/automation/run/%00/stop"},
            new String[] {"DELETE", "/automation/" + AUTOMATION_ID + "/stop"},
            new String[] {"POST", "/automation/" + AUTOMATION_ID + "/stop/now"},
            new String[] {"PUT", "/campaign/list"},
            new String[] {"POST", "/campaign/trigger/"},
            new String[] {"GET", "/tag"},
            new String[] {"POST", "/tag/list"},
            new String[] {"PATCH", "/contact/victim/tag/Lead"},
            new String[] {"GET", "/contact/victim/tag/Lead/points"},
            new String[] {"DELETE", "/contact/victim/tag/Lead/score/extra"});
    for (String[] c : calls) {
      Reply reply = call(c[0], c[1]).body("{\"externalContactId\":\"victim\",\"name\":\"Lead\",\"score\":1}").send();
      assertThat(reply.status()).as(c[0] + " " + c[1]).isBetween(400, 499);
    }
    assertThat(state()).isEqualTo(before);
  }

  @Test
  @DisplayName("Garbage sent to the inspection API gets a 400 and changes nothing")
  void survives_garbage_inspection_calls() {
    // a named object is a valid automation or campaign here
    List<String> common = GARBAGE.stream().filter(b -> !b.contains("\"name\":\"Lead\"")).toList();
    List<String> automations = new ArrayList<>(common);
    automations.addAll(
        List.of(
            "{\"name\":\"X\",\"id\":\"not-a-uuid\"}",
            "{\"name\":\"X\",\"status\":\"LIVE\"}",
            "{\"name\":\"X\",\"published\":\"yes\"}",
            "{\"name\":\"X\",\"triggers\":[{\"code\":\"abc\",\"label\":\"L\"}]}",
            "{\"name\":\"X\",\"triggers\":[{\"code\":\"" + CODE + "\"}]}",
            "{\"name\":\"X\",\"automationFields\":[{\"name\":\"a b\",\"type\":\"STRING\"}]}",
            "{\"name\":\"X\",\"automationFields\":[{\"name\":\"a\",\"type\":\"STRING\"},{\"name\":\"a\",\"type\":\"URL\"}]}",
            "{\"name\":\"X\",\"automationFields\":[{\"name\":\"a\",\"type\":\"NUMBER\"}]}",
            "{\"name\":\"X\",\"participationLimit\":0}",
            "{\"name\":\"X\",\"participationLimit\":\"1\"}",
            "[{\"name\":\"Fine\"},{\"name\":\"\"}]"));
    List<String> campaigns = new ArrayList<>(common);
    campaigns.addAll(
        List.of(
            "{\"name\":\"X\",\"active\":\"yes\"}",
            "{\"name\":\"X\",\"encryptedId\":\"\"}",
            "{\"name\":\"X\",\"triggers\":\"t\"}",
            "{\"name\":\"X\",\"triggers\":[{\"encryptedId\":\"t-1\"}]}",
            "{\"name\":\"X\",\"triggers\":[{\"encryptedId\":\"" + CAMPAIGN_TRIGGER + "\",\"name\":\"Taken\"}]}",
            "[{\"name\":\"A\",\"triggers\":[{\"encryptedId\":\"same\",\"name\":\"1\"}]},"
                + "{\"name\":\"B\",\"triggers\":[{\"encryptedId\":\"same\",\"name\":\"2\"}]}]",
            "[{\"name\":\"Fine\"},{\"name\":\"\"}]"));
    for (Map.Entry<String, List<String>> target : Map.of("/_sandbox/automations", automations, "/_sandbox/campaigns", campaigns).entrySet()) {
      for (String body : target.getValue()) {
        Reply reply = inspect("POST", target.getKey(), body);
        String label = target.getKey() + " " + body.substring(0, Math.min(60, body.length()));
        if (body.equals("[]")) {
          assertThat(reply.json()).as(label + ": nothing to add").isEmpty();
        } else {
          assertThat(reply.status()).as(label).isEqualTo(400);
        }
      }
    }
    assertThat(inspect("POST", "/_sandbox/runs/ac-none/finish", "garbage").status()).isEqualTo(404);
    assertThat(state()).isEqualTo(before);
  }

  /**
   * Random, mostly almost-valid calls in a seeded order; whatever happens, the bookkeeping stays consistent: every
   * started run is named by exactly one trigger call and no run id repeats. A failure names its seed.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 7, 42, 1234, 98765})
  @DisplayName("ADR 0003: random calls never crash, and runs and trigger calls always agree")
  void random_calls_keep_runs_and_trigger_calls_consistent(long seed) {
    Random random = new Random(seed);
    emulator.putContact("other", Map.of("firstName", "Piet"));
    List<String> contacts = List.of("victim", "other", "nobody", "");
    List<String> fields =
        List.of(
            "",
            ",\"automationFields\":[{\"name\":\"link\",\"type\":\"URL\",\"value\":\"https://example.nl\"}]",
            ",\"automationFields\":[{\"name\":\"link\",\"value\":\"https://example.nl\"}]",
            ",\"automationFields\":[{\"name\":\"link\",\"type\":\"URL\",\"value\":\"example\"}]",
            ",\"automationFields\":[{\"name\":\"other\",\"value\":\"x\"}]",
            ",\"automationFields\":null");
    Set<String> answeredRunIds = new HashSet<>();
    for (int i = 0; i < 60; i++) {
      String contact = contacts.get(random.nextInt(contacts.size()));
      int kind = random.nextInt(4);
      Reply reply;
      if (kind <= 1) {
        String code = random.nextInt(5) == 0 ? "bc0a8795-0000-4000-8000-0000000000bb" : CODE;
        reply = post("/automation/trigger/" + code, "{\"externalContactId\":\"" + contact + "\"" + fields.get(random.nextInt(fields.size())) + "}");
        if (reply.status() == 200) {
          answeredRunIds.addAll(reply.json().findValuesAsText("automationContactId"));
        }
      } else if (kind == 2) {
        reply = post("/automation/" + AUTOMATION_ID + "/stop", "{\"externalContactId\":\"" + contact + "\"}");
      } else {
        List<AutomationRun> runs = emulator.automations().runs();
        String runId = runs.isEmpty() || random.nextInt(4) == 0 ? "ac-none" : runs.get(random.nextInt(runs.size())).automationContactId();
        reply = post("/automation/run/" + runId + "/stop", null);
      }
      assertThat(reply.status()).as("seed %d call %d", seed, i).isIn(200, 204, 400, 404, 417);
      if (reply.status() >= 400) {
        JsonNode body = reply.json();
        assertThat(body.has("errorType") || body.has("result")).as("seed %d call %d", seed, i).isTrue();
      }
    }
    List<String> runIds = emulator.automations().runs().stream().map(AutomationRun::automationContactId).toList();
    List<String> recordedRunIds = emulator.automations().triggerCalls().stream().flatMap(c -> c.runIds().stream()).toList();
    assertThat(runIds).as("seed %d", seed).doesNotHaveDuplicates();
    assertThat(recordedRunIds).as("seed %d", seed).containsExactlyElementsOf(runIds);
    assertThat(answeredRunIds).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(runIds.subList(1, runIds.size()));
    assertThat(emulator.automations().runs()).as("seed %d", seed).allSatisfy(r -> assertThat(r.externalContactId()).isIn("victim", "other"));
  }
}
