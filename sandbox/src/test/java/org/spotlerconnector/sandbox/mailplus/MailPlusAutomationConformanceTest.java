package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The automation calls as ADR 0003 assumes them, on top of the 2022 spec's trigger call. */
class MailPlusAutomationConformanceTest extends MailPlusHttpTest {
  static final String WELCOME_ID = "6f1c0a52-0000-4000-8000-000000000001";
  static final String WELCOME_CODE = "bc0a8795-536c-432b-83ef-bcb46944eb0f";
  static final String LOYALTY_ID = "6f1c0a52-0000-4000-8000-000000000002";
  static final String DRAFT_ID = "6f1c0a52-0000-4000-8000-000000000003";
  static final String DRAFT_CODE = "0d1e2f30-0000-4000-8000-000000000003";
  static final String ONCE_ID = "6f1c0a52-0000-4000-8000-000000000004";
  static final String ONCE_CODE = "0d1e2f30-0000-4000-8000-000000000004";
  static final String UNKNOWN_CODE = "99999999-0000-4000-8000-000000000000";

  @BeforeEach
  void arrangeAutomations() {
    emulator.putContact("CRM-1", Map.of("email", "jan@example.nl"));
    emulator.putContact("CRM-2", Map.of("email", "piet@example.nl"));
    MailPlusAutomations automations = emulator.automations();
    automations.addAutomation(
        Automation.named("Welcome journey")
            .id(WELCOME_ID)
            .trigger(WELCOME_CODE, "Start welcome")
            .field("invoiceEmail", FieldType.STRING)
            .field("crosssell", FieldType.PRODUCTLIST)
            .field("orderLink", FieldType.URL)
            .build());
    automations.addAutomation(
        Automation.named("Loyalty points").id(LOYALTY_ID).trigger(WELCOME_CODE, "Start welcome").build());
    automations.addAutomation(
        Automation.named("Win-back").id(DRAFT_ID).draft().published(false).trigger(DRAFT_CODE, "Start win-back").build());
    automations.addAutomation(
        Automation.named("Once only").id(ONCE_ID).trigger(ONCE_CODE, "Start once").participationLimit(1).build());
  }

  private Reply trigger(String code, String body) {
    return post("/automation/trigger/" + code, body);
  }

  private Reply triggerFor(String code, String externalId) {
    return trigger(code, "{\"externalContactId\":\"" + externalId + "\"}");
  }

  private static String fieldsBody(String externalId, String fieldsJson) {
    return "{\"externalContactId\":\"" + externalId + "\",\"automationFields\":" + fieldsJson + "}";
  }

  // ---- list ----

  @Test
  @DisplayName("ADR 0003 GET /automation/list: id, name, status, published, triggers {code,label}, automationFields {name,type}")
  void lists_automations_in_the_assumed_shape() {
    Reply reply = get("/automation/list");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode list = reply.json();
    assertThat(list.findValuesAsText("id")).containsExactly(WELCOME_ID, LOYALTY_ID, DRAFT_ID, ONCE_ID);
    JsonNode welcome = list.get(0);
    assertThat(welcome.path("name").asText()).isEqualTo("Welcome journey");
    assertThat(welcome.path("status").asText()).isEqualTo("FINAL");
    assertThat(welcome.path("published").isBoolean()).isTrue();
    assertThat(welcome.path("triggers").get(0).path("code").asText()).isEqualTo(WELCOME_CODE);
    assertThat(welcome.path("triggers").get(0).path("label").asText()).isEqualTo("Start welcome");
    assertThat(welcome.path("automationFields").toString())
        .isEqualTo(
            "[{\"name\":\"invoiceEmail\",\"type\":\"STRING\"},{\"name\":\"crosssell\",\"type\":\"PRODUCTLIST\"},"
                + "{\"name\":\"orderLink\",\"type\":\"URL\"}]");
    JsonNode draft = list.get(2);
    assertThat(draft.path("status").asText()).isEqualTo("DRAFT");
    assertThat(draft.path("published").asBoolean()).isFalse();
    assertThat(welcome.has("participationLimit")).as("not part of the assumed list shape").isFalse();
  }

  // ---- trigger ----

  @Test
  @DisplayName("Swagger triggerAutomation + ADR 0003: one trigger code starts every automation behind it, each with its own run id")
  void one_trigger_code_starts_two_automations() {
    Reply reply = triggerFor(WELCOME_CODE, "CRM-1");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.path("result").asText()).isEqualTo("OK");
    JsonNode results = body.path("automationResults");
    assertThat(results.findValuesAsText("automationId")).containsExactly(WELCOME_ID, LOYALTY_ID);
    assertThat(results.findValuesAsText("result")).containsExactly("OK", "OK");
    List<String> runIds = results.findValuesAsText("automationContactId");
    assertThat(runIds).hasSize(2).doesNotHaveDuplicates();
    assertThat(emulator.automations().runsOf("CRM-1"))
        .extracting(AutomationRun::automationContactId)
        .containsExactlyElementsOf(runIds);
    assertThat(emulator.automations().runsOf("CRM-1"))
        .allSatisfy(
            run -> {
              assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
              assertThat(run.triggerCode()).isEqualTo(WELCOME_CODE);
              assertThat(run.started()).isEqualTo(START);
            });
  }

  @Test
  @DisplayName("ADR 0003: every trigger starts a new run; run ids are unique, and every call is counted")
  void run_ids_are_unique_and_each_call_is_recorded() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      Reply reply = triggerFor(WELCOME_CODE, i % 2 == 0 ? "CRM-1" : "CRM-2");
      assertThat(reply.status()).isEqualTo(200);
      ids.addAll(reply.json().findValuesAsText("automationContactId"));
    }

    assertThat(ids).hasSize(20);
    assertThat(emulator.automations().runs()).hasSize(20);
    assertThat(emulator.automations().runsOf("CRM-1")).hasSize(10);
    assertThat(emulator.automations().triggerCalls()).hasSize(10);
    assertThat(emulator.automations().triggerCallsFor("CRM-2")).hasSize(5).allSatisfy(c -> assertThat(c.status()).isEqualTo(200));
    assertThat(emulator.automations().triggerCalls()).extracting(TriggerCall::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
  }

  @Test
  @DisplayName("ADR 0003: concurrent triggers each start their own runs, none lost, none doubled")
  void concurrent_triggers_are_each_counted_once() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Reply>> replies =
          pool.invokeAll(
              java.util.stream.IntStream.range(0, 40)
                  .mapToObj(i -> (java.util.concurrent.Callable<Reply>) () -> triggerFor(WELCOME_CODE, "CRM-1"))
                  .toList());
      for (Future<Reply> reply : replies) {
        assertThat(reply.get().status()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(emulator.automations().triggerCallsFor("CRM-1")).hasSize(40);
    assertThat(emulator.automations().runsOf("CRM-1")).hasSize(80).extracting(AutomationRun::automationContactId).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("ADR 0003: the fields a trigger sent are kept on each run, only those the automation has")
  void keeps_the_fields_each_run_was_triggered_with() {
    Reply reply =
        trigger(
            WELCOME_CODE,
            fieldsBody(
                "CRM-1",
                "[{\"name\":\"invoiceEmail\",\"type\":\"STRING\",\"value\":\"jan@example.com\"},"
                    + "{\"name\":\"crosssell\",\"type\":\"PRODUCTLIST\",\"values\":[\"123\",\"567\"]},"
                    + "{\"name\":\"orderLink\",\"type\":\"URL\",\"value\":\"https://shop.example.nl/order/1\"}]"));

    assertThat(reply.status()).isEqualTo(200);
    AutomationRun welcome = emulator.automations().runsOf("CRM-1").get(0);
    assertThat(welcome.automationId()).isEqualTo(WELCOME_ID);
    assertThat(welcome.fields())
        .containsExactly(
            new TriggerField("invoiceEmail", FieldType.STRING, "jan@example.com", null),
            new TriggerField("crosssell", FieldType.PRODUCTLIST, null, List.of("123", "567")),
            new TriggerField("orderLink", FieldType.URL, "https://shop.example.nl/order/1", null));
    AutomationRun loyalty = emulator.automations().runsOf("CRM-1").get(1);
    assertThat(loyalty.fields()).as("Loyalty points has no fields").isEmpty();
  }

  @Test
  @DisplayName("Swagger CampaignField: type defaults to STRING, so an untyped value fills a STRING field")
  void an_untyped_field_is_a_string() {
    Reply reply = trigger(WELCOME_CODE, fieldsBody("CRM-1", "[{\"name\":\"invoiceEmail\",\"value\":\"a@b.nl\"}]"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(emulator.automations().runsOf("CRM-1").get(0).fields().get(0).type()).isEqualTo(FieldType.STRING);
  }

  @Test
  @DisplayName("Swagger triggerAutomation: 404 TRIGGER_NOTFOUND for an unknown or non-UUID code, nothing started")
  void unknown_trigger_code_is_404() {
    for (String code : List.of(UNKNOWN_CODE, "not-a-uuid")) {
      Reply reply = triggerFor(code, "CRM-1");

      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.json().path("result").asText()).isEqualTo("TRIGGER_NOTFOUND");
    }
    assertThat(emulator.automations().runs()).isEmpty();
    assertThat(emulator.automations().triggerCalls()).extracting(TriggerCall::result).containsExactly("TRIGGER_NOTFOUND", "TRIGGER_NOTFOUND");
  }

  @Test
  @DisplayName("Swagger triggerAutomation: the code is a UUID, so its case does not matter")
  void trigger_code_is_case_insensitive() {
    assertThat(triggerFor(WELCOME_CODE.toUpperCase(java.util.Locale.ROOT), "CRM-1").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("Swagger triggerAutomation: 404 CONTACT_NOTFOUND for a contact that does not exist")
  void unknown_contact_is_404() {
    Reply reply = triggerFor(WELCOME_CODE, "nobody");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().path("result").asText()).isEqualTo("CONTACT_NOTFOUND");
    assertThat(emulator.automations().runs()).isEmpty();
    assertThat(emulator.automations().triggerCallsFor("nobody")).hasSize(1);
  }

  @Test
  @DisplayName("Swagger triggerAutomation 417 + ADR 0003: a draft or unpublished automation is AUTOMATION_INACTIVE")
  void inactive_automation_is_417() {
    Reply reply = triggerFor(DRAFT_CODE, "CRM-1");

    assertThat(reply.status()).isEqualTo(417);
    assertThat(reply.json().path("result").asText()).isEqualTo("NOT_TRIGGERED");
    JsonNode result = reply.json().path("automationResults").get(0);
    assertThat(result.path("automationId").asText()).isEqualTo(DRAFT_ID);
    assertThat(result.path("result").asText()).isEqualTo("AUTOMATION_INACTIVE");
    assertThat(result.has("automationContactId")).isFalse();
    assertThat(emulator.automations().runs()).isEmpty();
  }

  @Test
  @DisplayName("Swagger triggerAutomation: a final automation that is not published is inactive too")
  void final_but_unpublished_is_inactive() {
    emulator.automations().addAutomation(
        Automation.named("Win-back").id(DRAFT_ID).published(false).trigger(DRAFT_CODE, "Start win-back").build());

    assertThat(triggerFor(DRAFT_CODE, "CRM-1").status()).isEqualTo(417);
  }

  @Test
  @DisplayName("Swagger triggerAutomation 417: PARTICIPATION_LIMIT_REACHED once the contact used its participations, stopped runs included")
  void participation_limit_is_417() {
    String runId = triggerFor(ONCE_CODE, "CRM-1").json().path("automationResults").get(0).path("automationContactId").asText();
    post("/automation/run/" + runId + "/stop", null);

    Reply again = triggerFor(ONCE_CODE, "CRM-1");

    assertThat(again.status()).isEqualTo(417);
    assertThat(again.json().path("automationResults").get(0).path("result").asText()).isEqualTo("PARTICIPATION_LIMIT_REACHED");
    assertThat(triggerFor(ONCE_CODE, "CRM-2").status()).as("the limit is per contact").isEqualTo(200);
  }

  @Test
  @DisplayName("Swagger triggerAutomation 200: at least one started is enough; the others report why not")
  void partial_start_is_200() {
    emulator.automations().addAutomation(
        Automation.named("Loyalty points").id(LOYALTY_ID).trigger(WELCOME_CODE, "Start welcome").participationLimit(1).build());
    triggerFor(WELCOME_CODE, "CRM-1");

    Reply second = triggerFor(WELCOME_CODE, "CRM-1");

    assertThat(second.status()).isEqualTo(200);
    JsonNode results = second.json().path("automationResults");
    assertThat(results.findValuesAsText("result")).containsExactly("OK", "PARTICIPATION_LIMIT_REACHED");
    assertThat(results.get(1).has("automationContactId")).isFalse();
  }

  @Test
  @DisplayName("ADR 0003: a field the automation does not have is 400 INVALID_PARAMS naming it")
  void unknown_field_is_400_naming_it() {
    Reply reply = trigger(WELCOME_CODE, fieldsBody("CRM-1", "[{\"name\":\"voucher\",\"type\":\"STRING\",\"value\":\"X\"}]"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorType()).isEqualTo("INVALID_PARAMS");
    assertThat(reply.json().path("message").asText()).contains("voucher");
    assertThat(emulator.automations().runs()).isEmpty();
    assertThat(emulator.automations().triggerCalls()).extracting(TriggerCall::status).containsExactly(400);
  }

  @Test
  @DisplayName("ADR 0003 (HC-af): field names are case-sensitive")
  void field_names_are_case_sensitive() {
    Reply reply = trigger(WELCOME_CODE, fieldsBody("CRM-1", "[{\"name\":\"InvoiceEmail\",\"value\":\"a@b.nl\"}]"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("message").asText()).contains("InvoiceEmail");
  }

  @Test
  @DisplayName("ADR 0003: a URL field takes only an absolute http(s) URL")
  void url_field_must_be_absolute_http() {
    for (String bad : List.of("/order/1", "shop.example.nl/order", "ftp://example.nl/x", "javascript:alert(1)", "https://", "http://exa mple.nl", "")) {
      Reply reply = trigger(WELCOME_CODE, fieldsBody("CRM-1", "[{\"name\":\"orderLink\",\"type\":\"URL\",\"value\":\"" + bad + "\"}]"));
      assertThat(reply.status()).as(bad).isEqualTo(400);
      assertThat(reply.errorType()).as(bad).isEqualTo("INVALID_PARAMS");
      assertThat(reply.json().path("message").asText()).as(bad).contains("orderLink");
    }
    for (String good : List.of("http://example.nl", "HTTPS://shop.example.nl/order?id=1&x=%20y#top")) {
      Reply reply = trigger(WELCOME_CODE, fieldsBody("CRM-1", "[{\"name\":\"orderLink\",\"type\":\"URL\",\"value\":\"" + good + "\"}]"));
      assertThat(reply.status()).as(good).isEqualTo(200);
    }
    assertThat(emulator.automations().runs()).hasSize(4);
  }

  @Test
  @DisplayName("ADR 0003: PRODUCTLIST takes values, STRING and URL take value; a wrong type is 400")
  void value_shape_must_fit_the_type() {
    List<String> bad =
        List.of(
            "[{\"name\":\"crosssell\",\"type\":\"PRODUCTLIST\",\"value\":\"123\"}]",
            "[{\"name\":\"crosssell\",\"type\":\"PRODUCTLIST\"}]",
            "[{\"name\":\"crosssell\",\"values\":[\"123\"]}]",
            "[{\"name\":\"invoiceEmail\",\"type\":\"STRING\",\"values\":[\"a@b.nl\"]}]",
            "[{\"name\":\"invoiceEmail\",\"type\":\"STRING\"}]",
            "[{\"name\":\"orderLink\",\"type\":\"URL\",\"values\":[\"https://example.nl\"]}]",
            "[{\"name\":\"invoiceEmail\",\"type\":\"URL\",\"value\":\"https://example.nl\"}]",
            "[{\"name\":\"crosssell\",\"type\":\"PRODUCTLIST\",\"values\":[1,2]}]",
            "[{\"name\":\"invoiceEmail\",\"type\":\"STRING\",\"value\":42}]",
            "[{\"name\":\"invoiceEmail\",\"type\":\"TEXT\",\"value\":\"x\"}]",
            "[{\"name\":\"invoiceEmail\",\"value\":\"a\"},{\"name\":\"invoiceEmail\",\"value\":\"b\"}]");
    for (String fields : bad) {
      Reply reply = trigger(WELCOME_CODE, fieldsBody("CRM-1", fields));
      assertThat(reply.status()).as(fields).isEqualTo(400);
      assertThat(reply.errorType()).as(fields).isEqualTo("INVALID_PARAMS");
    }
    assertThat(emulator.automations().runs()).isEmpty();
    assertThat(emulator.automations().triggerCalls()).hasSize(bad.size());
  }

  @Test
  @DisplayName("Swagger AutomationTriggerRequest: externalContactId is required (400 INVALID_PARAMS)")
  void external_contact_id_is_required() {
    for (String body : List.of("{}", "{\"externalContactId\":\"\"}", "{\"externalContactId\":7}", "{\"automationFields\":[]}")) {
      Reply reply = trigger(WELCOME_CODE, body);
      assertThat(reply.status()).as(body).isEqualTo(400);
      assertThat(reply.errorType()).as(body).isEqualTo("INVALID_PARAMS");
    }
    assertThat(emulator.automations().triggerCalls()).hasSize(4).allSatisfy(c -> assertThat(c.externalContactId()).isNull());
  }

  @Test
  @DisplayName("Swagger triggerAutomation is POST only: other methods get 405 with Allow")
  void trigger_is_post_only() {
    Reply reply = get("/automation/trigger/" + WELCOME_CODE);

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.header("Allow")).isEqualTo("POST");
  }

  @Test
  @DisplayName("spotler-api.md §1.2: automation calls are signed like every other call (401 unsigned)")
  void automation_calls_need_a_signature() {
    Reply reply = call("POST", "/automation/trigger/" + WELCOME_CODE).body("{\"externalContactId\":\"CRM-1\"}").unsigned().send();

    assertThat(reply.status()).isEqualTo(401);
    assertThat(emulator.automations().triggerCalls()).isEmpty();
  }

  // ---- stop ----

  @Test
  @DisplayName("ADR 0003 POST /automation/{id}/stop: stops every running run of that automation for the contact (204)")
  void stop_by_contact_stops_all_runs() {
    triggerFor(WELCOME_CODE, "CRM-1");
    triggerFor(WELCOME_CODE, "CRM-1");
    triggerFor(WELCOME_CODE, "CRM-2");
    clock.advance(Duration.ofMinutes(5));

    Reply reply = post("/automation/" + WELCOME_ID + "/stop", "{\"externalContactId\":\"CRM-1\"}");

    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.body()).isEmpty();
    List<AutomationRun> runs = emulator.automations().runs();
    assertThat(runs.stream().filter(r -> r.automationId().equals(WELCOME_ID) && r.externalContactId().equals("CRM-1")))
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(RunStatus.STOPPED);
              assertThat(r.ended()).isEqualTo(START.plus(Duration.ofMinutes(5)));
            });
    assertThat(runs.stream().filter(r -> r.automationId().equals(LOYALTY_ID)))
        .as("other automations of the same trigger keep running")
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.RUNNING));
    assertThat(emulator.automations().runsOf("CRM-2")).allSatisfy(r -> assertThat(r.running()).isTrue());
  }

  @Test
  @DisplayName("ADR 0003 POST /automation/{id}/stop: 400 INVALID_STATE when the contact has no running run")
  void stop_by_contact_without_running_run_is_400() {
    Reply never = post("/automation/" + WELCOME_ID + "/stop", "{\"externalContactId\":\"CRM-1\"}");
    triggerFor(WELCOME_CODE, "CRM-1");
    post("/automation/" + WELCOME_ID + "/stop", "{\"externalContactId\":\"CRM-1\"}");
    Reply twice = post("/automation/" + WELCOME_ID + "/stop", "{\"externalContactId\":\"CRM-1\"}");

    assertThat(never.status()).isEqualTo(400);
    assertThat(never.errorType()).isEqualTo("INVALID_STATE");
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.errorType()).isEqualTo("INVALID_STATE");
  }

  @Test
  @DisplayName("ADR 0003 POST /automation/{id}/stop: 404 RESOURCE_NOT_FOUND for no such automation, 404 CONTACT_NOT_FOUND for no such contact")
  void stop_by_contact_not_found_answers() {
    Reply noAutomation = post("/automation/" + UNKNOWN_CODE + "/stop", "{\"externalContactId\":\"CRM-1\"}");
    Reply noContact = post("/automation/" + WELCOME_ID + "/stop", "{\"externalContactId\":\"nobody\"}");
    Reply noBody = post("/automation/" + WELCOME_ID + "/stop", "{}");

    assertThat(noAutomation.status()).isEqualTo(404);
    assertThat(noAutomation.errorType()).isEqualTo("RESOURCE_NOT_FOUND");
    assertThat(noContact.status()).isEqualTo(404);
    assertThat(noContact.errorType()).isEqualTo("CONTACT_NOT_FOUND");
    assertThat(noBody.status()).isEqualTo(400);
    assertThat(noBody.errorType()).isEqualTo("INVALID_PARAMS");
  }

  @Test
  @DisplayName("ADR 0003 POST /automation/run/{automationContactId}/stop: stops that one run only (204)")
  void stop_by_run_id() {
    JsonNode results = triggerFor(WELCOME_CODE, "CRM-1").json().path("automationResults");
    String welcomeRun = results.get(0).path("automationContactId").asText();
    String loyaltyRun = results.get(1).path("automationContactId").asText();

    Reply reply = post("/automation/run/" + welcomeRun + "/stop", null);

    assertThat(reply.status()).isEqualTo(204);
    assertThat(emulator.automations().run(welcomeRun).orElseThrow().status()).isEqualTo(RunStatus.STOPPED);
    assertThat(emulator.automations().run(loyaltyRun).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
  }

  @Test
  @DisplayName("ADR 0003 POST /automation/run/{id}/stop: 400 INVALID_STATE for a finished or stopped run, 404 RESOURCE_NOT_FOUND for none")
  void stop_by_run_id_refusals() {
    JsonNode results = triggerFor(WELCOME_CODE, "CRM-1").json().path("automationResults");
    String finished = results.get(0).path("automationContactId").asText();
    String stopped = results.get(1).path("automationContactId").asText();
    emulator.automations().finishRun(finished);
    post("/automation/run/" + stopped + "/stop", null);

    Reply finishedReply = post("/automation/run/" + finished + "/stop", null);
    Reply stoppedReply = post("/automation/run/" + stopped + "/stop", null);
    Reply unknown = post("/automation/run/ac-unknown/stop", null);

    assertThat(finishedReply.status()).isEqualTo(400);
    assertThat(finishedReply.errorType()).isEqualTo("INVALID_STATE");
    assertThat(stoppedReply.status()).isEqualTo(400);
    assertThat(stoppedReply.errorType()).isEqualTo("INVALID_STATE");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorType()).isEqualTo("RESOURCE_NOT_FOUND");
    assertThat(emulator.automations().run(finished).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
  }

  @Test
  @DisplayName("ADR 0003: the automation calls live under the 2022 paths; unknown ones are 404 RESOURCE_NOT_FOUND")
  void unknown_automation_paths_are_404() {
    for (String path : List.of("/automation", "/automation/list/extra", "/automation/run/x", "/automations/list")) {
      Reply reply = get(path);
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.errorType()).as(path).isEqualTo("RESOURCE_NOT_FOUND");
    }
  }
}
