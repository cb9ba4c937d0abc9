package org.spotlerconnector.spotler.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.MailPlusConfig;
import org.spotlerconnector.spotler.MailPlusException;
import org.spotlerconnector.spotler.MailPlusInvalidRequestException;
import org.spotlerconnector.spotler.MailPlusNotFoundException;
import org.spotlerconnector.spotler.MailPlusOutcomeUnknownException;
import org.spotlerconnector.spotler.MailPlusUnavailableException;
import org.spotlerconnector.spotler.automation.RecordedMailPlus.Received;
import org.spotlerconnector.spotler.automation.RecordedMailPlus.Reply;

/** The adapter against recorded answers in the shapes of docs/adr/0003 and the 2022 spec. */
class MailPlusAutomationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CODE = "bc0a8795-536c-432b-83ef-bcb46944eb0f";
  private static final String TRIGGER_PATH = "/automation/trigger/" + CODE;
  private static final String AUTOMATION_ID = "6f1c0a52-3b9e-4d55-9a61-0c3e2f7d8a10";

  private static final String AUTOMATION_LIST =
      """
      [{"id": "6f1c0a52-3b9e-4d55-9a61-0c3e2f7d8a10", "name": "Welcome journey", "status": "FINAL", "published": true,
        "triggers": [{"code": "bc0a8795-536c-432b-83ef-bcb46944eb0f", "label": "Start welcome"}],
        "automationFields": [{"name": "invoiceEmail", "type": "STRING"},
                             {"name": "crosssell", "type": "PRODUCTLIST"},
                             {"name": "orderLink", "type": "URL"}]},
       {"id": "9d2e11aa-0000-4000-8000-000000000002", "name": "Draft", "status": "DRAFT", "published": false,
        "triggers": [], "automationFields": []}]
      """;
  private static final String TRIGGERED =
      """
      {"result": "OK", "automationResults": [{"automationId": "6f1c0a52-3b9e-4d55-9a61-0c3e2f7d8a10", "result": "OK",
                                              "automationContactId": "ac-7d1e"}]}
      """;
  private static final String NOT_TRIGGERED =
      """
      {"result": "NOT_TRIGGERED", "automationResults": [
        {"automationId": "6f1c0a52-3b9e-4d55-9a61-0c3e2f7d8a10", "result": "AUTOMATION_INACTIVE"},
        {"automationId": "9d2e11aa-0000-4000-8000-000000000002", "result": "PARTICIPATION_LIMIT_REACHED"}]}
      """;

  private RecordedMailPlus mailPlus;
  private MailPlusAutomation automation;

  @BeforeEach
  void start() throws IOException {
    mailPlus = RecordedMailPlus.start();
    automation = MailPlusAutomation.of(mailPlus.client());
  }

  @AfterEach
  void stop() {
    mailPlus.close();
  }

  @Nested
  class Automations {
    @Test
    @DisplayName("ADR 0003: the automation list carries triggers and typed fields; only FINAL and published triggers")
    void reads_the_automation_list() {
      mailPlus.on("GET", "/automation/list", Reply.json(200, AUTOMATION_LIST));

      List<Automation> automations = automation.automations();

      assertThat(automations).hasSize(2);
      Automation welcome = automations.get(0);
      assertThat(welcome.id()).isEqualTo(AUTOMATION_ID);
      assertThat(welcome.isTriggerable()).isTrue();
      assertThat(welcome.triggers()).containsExactly(new AutomationTrigger(CODE, "Start welcome"));
      assertThat(welcome.automationFields())
          .containsExactly(
              new AutomationFieldDefinition("invoiceEmail", AutomationFieldType.STRING),
              new AutomationFieldDefinition("crosssell", AutomationFieldType.PRODUCTLIST),
              new AutomationFieldDefinition("orderLink", AutomationFieldType.URL));
      assertThat(welcome.field("orderLink")).map(AutomationFieldDefinition::type).contains(AutomationFieldType.URL);
      assertThat(welcome.field("OrderLink")).as("names are case-sensitive").isEmpty();
      assertThat(automations.get(1).isTriggerable()).isFalse();
    }

    @Test
    @DisplayName("spotler-api.md §3.2: a field without a type is a STRING; values newer than the ADR are read, not fatal")
    void tolerates_defaults_and_newer_values() {
      mailPlus.on(
          "GET",
          "/automation/list",
          Reply.json(
              200,
              """
              [{"id": "a", "name": "x", "status": "ARCHIVED", "published": true, "owner": "new field",
                "automationFields": [{"name": "plain"}, {"name": "when", "type": "DATE"}]}]
              """));

      Automation read = automation.automations().get(0);

      assertThat(read.status()).isEqualTo(AutomationStatus.UNRECOGNIZED);
      assertThat(read.isTriggerable()).isFalse();
      assertThat(read.triggers()).isEmpty();
      assertThat(read.automationFields())
          .extracting(AutomationFieldDefinition::type)
          .containsExactly(AutomationFieldType.STRING, AutomationFieldType.UNRECOGNIZED);
    }
  }

  @Nested
  class Trigger {
    @Test
    @DisplayName("ADR 0003: the trigger body carries automationFields like CampaignField; 200 gives each run id")
    void sends_fields_and_reads_run_ids() {
      mailPlus.on("POST", TRIGGER_PATH, Reply.json(200, TRIGGERED));

      TriggerResult result =
          automation.trigger(
              CODE,
              "CRM-000123",
              List.of(
                  AutomationField.text("invoiceEmail", "jan@example.com"),
                  AutomationField.productList("crosssell", List.of("123", "567"))));

      assertThat(result.isTriggered()).isTrue();
      assertThat(result.status()).isEqualTo(200);
      assertThat(result.automationResults())
          .containsExactly(new AutomationResult(AUTOMATION_ID, AutomationResultCode.OK, "ac-7d1e"));
      assertThat(result.startedRuns()).extracting(r -> r.runId().orElseThrow()).containsExactly("ac-7d1e");
      assertThat(json(onlyRequest().body()))
          .isEqualTo(
              json(
                  """
                  {"externalContactId": "CRM-000123",
                   "automationFields": [{"name": "invoiceEmail", "type": "STRING", "value": "jan@example.com"},
                                        {"name": "crosssell", "type": "PRODUCTLIST", "values": ["123", "567"]}]}
                  """));
    }

    @Test
    @DisplayName("spotler-api.md §3.1: without fields the body is the 2022 AutomationTriggerRequest")
    void sends_the_2022_body_without_fields() {
      mailPlus.on("POST", TRIGGER_PATH, Reply.json(200, TRIGGERED));

      automation.trigger(CODE, "CRM-1", List.of());

      assertThat(json(onlyRequest().body())).isEqualTo(json("{\"externalContactId\": \"CRM-1\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRIGGER_NOTFOUND", "CONTACT_NOTFOUND"})
    @DisplayName("spotler-api.md §3.1: 404 with an ExternalTriggerValidationResult is a result, asked once")
    void maps_404_to_a_result(String code) {
      mailPlus.on("POST", TRIGGER_PATH, Reply.json(404, "{\"result\": \"" + code + "\"}"));

      TriggerResult result = automation.trigger(CODE, "CRM-1", List.of());

      assertThat(result.result()).isEqualTo(TriggerResultCode.valueOf(code));
      assertThat(result.status()).isEqualTo(404);
      assertThat(result.isTriggered()).isFalse();
      assertThat(result.automationResults()).isEmpty();
      assertThat(mailPlus.received()).hasSize(1);
    }

    @Test
    @DisplayName("spotler-api.md §3.1: 417 NOT_TRIGGERED is a result with each automation's reason")
    void maps_417_to_a_result() {
      mailPlus.on("POST", TRIGGER_PATH, Reply.json(417, NOT_TRIGGERED));

      TriggerResult result = automation.trigger(CODE, "CRM-1", List.of());

      assertThat(result.result()).isEqualTo(TriggerResultCode.NOT_TRIGGERED);
      assertThat(result.startedRuns()).isEmpty();
      assertThat(result.automationResults())
          .extracting(AutomationResult::result)
          .containsExactly(AutomationResultCode.AUTOMATION_INACTIVE, AutomationResultCode.PARTICIPATION_LIMIT_REACHED);
      assertThat(result.automationResults()).allMatch(r -> r.runId().isEmpty());
    }

    @Test
    @DisplayName("ADR 0003: 400 INVALID_PARAMS (a field the automation lacks) is a typed invalid request")
    void maps_400_to_an_invalid_request() {
      mailPlus.on(
          "POST",
          TRIGGER_PATH,
          Reply.json(400, "{\"errorType\": \"INVALID_PARAMS\", \"message\": \"Unknown automation field: x\"}"));

      assertThatThrownBy(() -> automation.trigger(CODE, "CRM-1", List.of(AutomationField.text("x", "1"))))
          .isInstanceOfSatisfying(
              MailPlusInvalidRequestException.class, e -> assertThat(e.errorType()).contains("INVALID_PARAMS"));
      assertThat(mailPlus.received()).hasSize(1);
    }

    @Test
    @DisplayName("a 404 that is not an ExternalTriggerValidationResult (a wrong path) is an ordinary not-found")
    void a_404_without_a_result_is_an_error() {
      mailPlus.on(
          "POST", TRIGGER_PATH, Reply.json(404, "{\"errorType\": \"RESOURCE_NOT_FOUND\", \"message\": \"No such path\"}"));

      assertThatThrownBy(() -> automation.trigger(CODE, "CRM-1", List.of()))
          .isInstanceOfSatisfying(
              MailPlusNotFoundException.class, e -> assertThat(e.errorType()).contains("RESOURCE_NOT_FOUND"));
    }

    @Test
    @DisplayName("spotler-api.md §3.1: 200 means at least one automation started, even when its body is unreadable")
    void a_200_without_a_result_is_still_triggered() {
      mailPlus.on("POST", TRIGGER_PATH, Reply.json(200, "<html>ok</html>"));

      TriggerResult result = automation.trigger(CODE, "CRM-1", List.of());

      assertThat(result.isTriggered()).isTrue();
      assertThat(result.automationResults()).isEmpty();
    }
  }

  @Nested
  @DisplayName("design.md §5: a trigger whose outcome is unknown is never repeated")
  class ExactlyOnce {
    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408})
    void an_error_status_after_sending_is_an_unknown_outcome(int status) {
      mailPlus.on(
          "POST",
          TRIGGER_PATH,
          Reply.json(status, "{\"errorType\": \"BACKEND_EXCEPTION\", \"message\": \"oops\"}").withHeader("Retry-After", "0"),
          Reply.json(200, TRIGGERED));

      assertThatThrownBy(() -> automation.trigger(CODE, "CRM-9", List.of()))
          .isInstanceOfSatisfying(
              TriggerOutcomeUnknownException.class,
              e -> {
                assertThat(e.triggerId()).isEqualTo(CODE);
                assertThat(e.externalContactId()).isEqualTo("CRM-9");
                assertThat(e.status()).isEqualTo(status);
                assertThat(e.getMessage()).contains("not repeated", "CRM-9", String.valueOf(status));
              });
      assertThat(mailPlus.received()).hasSize(1);
    }

    @Test
    void a_connection_dropped_after_sending_is_an_unknown_outcome() {
      mailPlus.on("POST", TRIGGER_PATH, Reply.dropped(), Reply.json(200, TRIGGERED));

      assertThatThrownBy(() -> automation.trigger(CODE, "CRM-1", List.of()))
          .isInstanceOfSatisfying(TriggerOutcomeUnknownException.class, e -> assertThat(e.status()).isZero());
      assertThat(mailPlus.received()).hasSize(1);
    }

    @Test
    void a_timeout_after_sending_is_an_unknown_outcome() {
      mailPlus.on("POST", TRIGGER_PATH, Reply.tooLate(), Reply.json(200, TRIGGERED));

      assertThatThrownBy(() -> automation.trigger(CODE, "CRM-1", List.of()))
          .isInstanceOf(TriggerOutcomeUnknownException.class)
          .hasMessageContaining("timed out");
      assertThat(mailPlus.received()).hasSize(1);
    }

    @Test
    @DisplayName("spotler-api.md §7.2: a 429 means Mail+ refused the trigger, so it is repeated after Retry-After")
    void a_429_is_repeated_after_retry_after() {
      mailPlus.on(
          "POST",
          TRIGGER_PATH,
          Reply.json(429, "").withHeader("Retry-After", "1"),
          Reply.json(200, TRIGGERED));

      assertThat(automation.trigger(CODE, "CRM-1", List.of()).isTriggered()).isTrue();

      List<Received> calls = mailPlus.received();
      assertThat(calls).hasSize(2);
      assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("a refused connection proves nothing was sent: retried, and when retries run out it is retryable")
    void a_refused_connection_is_retryable() throws IOException {
      MailPlusAutomation unreachable = MailPlusAutomation.of(clientOfClosedPort());

      assertThatThrownBy(() -> unreachable.trigger(CODE, "CRM-1", List.of()))
          .isInstanceOfSatisfying(
              MailPlusUnavailableException.class,
              e -> {
                assertThat(e.status()).isZero();
                assertThat(e.getCause()).isInstanceOf(ConnectException.class);
              });
    }

    @Test
    void a_campaign_trigger_follows_the_same_rule() {
      mailPlus.on("POST", "/campaign/trigger/enc-t1", Reply.json(500, ""), Reply.noContent());

      assertThatThrownBy(() -> automation.triggerCampaign("enc-t1", "CRM-1", List.of()))
          .isInstanceOfSatisfying(
              TriggerOutcomeUnknownException.class, e -> assertThat(e.triggerId()).isEqualTo("enc-t1"));
      assertThat(mailPlus.received()).hasSize(1);
    }

    @Test
    @DisplayName("ADR 0003: a score change adds a delta, so it follows the same rule")
    void a_score_change_follows_the_same_rule() {
      mailPlus.on("POST", "/contact/CRM-1/tag/Lead/score", Reply.dropped(), Reply.json(200, "{\"score\": 5}"));

      assertThatThrownBy(() -> automation.changeScore("CRM-1", "Lead", -5))
          .isInstanceOf(MailPlusOutcomeUnknownException.class)
          .isNotInstanceOf(TriggerOutcomeUnknownException.class);
      assertThat(mailPlus.received()).hasSize(1);
    }

    @Test
    @DisplayName("an idempotent call (a stop) is still retried after a 5xx")
    void idempotent_calls_keep_the_normal_retries() {
      mailPlus.on("POST", "/automation/run/ac-1/stop", Reply.json(503, ""), Reply.dropped(), Reply.noContent());

      assertThat(automation.stopRun("ac-1")).isEqualTo(StopOutcome.STOPPED);
      assertThat(mailPlus.received()).hasSize(3);
    }
  }

  @Nested
  class Stops {
    @Test
    @DisplayName("ADR 0003: stopping an automation names the contact; 204 is stopped")
    void stops_an_automation_for_a_contact() {
      mailPlus.on("POST", "/automation/" + AUTOMATION_ID + "/stop", Reply.noContent());

      assertThat(automation.stopAutomation(AUTOMATION_ID, "CRM-1")).isEqualTo(StopOutcome.STOPPED);
      assertThat(json(onlyRequest().body())).isEqualTo(json("{\"externalContactId\": \"CRM-1\"}"));
    }

    @Test
    @DisplayName("ADR 0003: 400 INVALID_STATE (nothing running) is the state a stop wants, so a repeat is safe")
    void nothing_running_is_not_an_error() {
      mailPlus.on(
          "POST", "/automation/run/ac-1/stop", Reply.json(400, "{\"errorType\": \"INVALID_STATE\", \"message\": \"x\"}"));
      mailPlus.on(
          "POST",
          "/automation/" + AUTOMATION_ID + "/stop",
          Reply.json(400, "{\"errorType\": \"INVALID_STATE\", \"message\": \"x\"}"));

      assertThat(automation.stopRun("ac-1")).isEqualTo(StopOutcome.NOT_RUNNING);
      assertThat(automation.stopAutomation(AUTOMATION_ID, "CRM-1")).isEqualTo(StopOutcome.NOT_RUNNING);
    }

    @Test
    @DisplayName("ADR 0003: an unknown run or contact is a typed not-found")
    void unknown_run_or_contact_is_not_found() {
      mailPlus.on(
          "POST",
          "/automation/run/nope/stop",
          Reply.json(404, "{\"errorType\": \"RESOURCE_NOT_FOUND\", \"message\": \"x\"}"));
      mailPlus.on(
          "POST",
          "/automation/" + AUTOMATION_ID + "/stop",
          Reply.json(404, "{\"errorType\": \"CONTACT_NOT_FOUND\", \"message\": \"x\"}"));

      assertThatThrownBy(() -> automation.stopRun("nope")).isInstanceOf(MailPlusNotFoundException.class);
      assertThatThrownBy(() -> automation.stopAutomation(AUTOMATION_ID, "nobody"))
          .isInstanceOfSatisfying(
              MailPlusNotFoundException.class, e -> assertThat(e.errorType()).contains("CONTACT_NOT_FOUND"));
    }
  }

  @Nested
  class Campaigns {
    @Test
    @DisplayName("spotler-api.md §3.3: the campaign list has only external triggers, each with its encrypted id")
    void reads_the_campaign_list() {
      mailPlus.on(
          "GET",
          "/campaign/list",
          Reply.json(
              200,
              """
              [{"encryptedId": "enc-c1", "name": "Old welcome", "active": true,
                "triggers": [{"encryptedId": "enc-t1", "name": "From CRM"}]},
               {"encryptedId": "enc-c2", "name": "Paused", "active": false}]
              """));

      List<Campaign> campaigns = automation.campaigns();

      assertThat(campaigns)
          .containsExactly(
              new Campaign("enc-c1", "Old welcome", true, List.of(new CampaignTrigger("enc-t1", "From CRM"))),
              new Campaign("enc-c2", "Paused", false, List.of()));
    }

    @Test
    @DisplayName("spotler-api.md §3.3: the trigger body is CampaignTriggerRequest with campaignFields; 204 is done")
    void triggers_a_campaign_with_fields() {
      mailPlus.on("POST", "/campaign/trigger/enc-t1", Reply.noContent());

      automation.triggerCampaign(
          "enc-t1", "CRM-000123", List.of(AutomationField.url("cta", "https://example.com/a?b=c")));

      assertThat(json(onlyRequest().body()))
          .isEqualTo(
              json(
                  """
                  {"externalContactId": "CRM-000123",
                   "campaignFields": [{"name": "cta", "type": "URL", "value": "https://example.com/a?b=c"}]}
                  """));
    }

    @Test
    @DisplayName("spotler-api.md §3.3: 404 trigger not found and 400 refusals are typed errors, asked once")
    void campaign_trigger_errors_are_typed() {
      mailPlus.on(
          "POST", "/campaign/trigger/nope", Reply.json(404, "{\"errorType\": \"TRIGGER_NOTFOUND\", \"message\": \"x\"}"));
      mailPlus.on(
          "POST",
          "/campaign/trigger/enc-t1",
          Reply.json(400, "{\"errorType\": \"INVALID_STATE\", \"message\": \"Contact already in campaign\"}"));

      assertThatThrownBy(() -> automation.triggerCampaign("nope", "CRM-1", List.of()))
          .isInstanceOfSatisfying(
              MailPlusNotFoundException.class, e -> assertThat(e.errorType()).contains("TRIGGER_NOTFOUND"));
      assertThatThrownBy(() -> automation.triggerCampaign("enc-t1", "CRM-1", List.of()))
          .isInstanceOf(MailPlusInvalidRequestException.class)
          .hasMessageContaining("Contact already in campaign");
      assertThat(mailPlus.received()).hasSize(2);
    }

    @Test
    @DisplayName("spotler-api.md §3.3, §8 Q7: a campaign is stopped by the campaign's id; 'already finished' is not running")
    void stops_a_campaign() {
      mailPlus.on(
          "POST",
          "/campaign/enc-c1/stop",
          Reply.noContent(),
          Reply.json(400, "{\"errorType\": \"INVALID_STATE\", \"message\": \"Campaign already finished\"}"));

      assertThat(automation.stopCampaign("enc-c1", "CRM-1")).isEqualTo(StopOutcome.STOPPED);
      assertThat(automation.stopCampaign("enc-c1", "CRM-1")).isEqualTo(StopOutcome.NOT_RUNNING);
      assertThat(json(mailPlus.received().get(0).body())).isEqualTo(json("{\"externalContactId\": \"CRM-1\"}"));
    }
  }

  @Nested
  class TagsAndScores {
    @Test
    @DisplayName("ADR 0003: tags of the account and of a contact, with scores")
    void reads_tags() {
      mailPlus.on("GET", "/tag/list", Reply.json(200, "[{\"name\": \"Lead\"}, {\"name\": \"VIP\"}]"));
      mailPlus.on(
          "GET", "/contact/CRM-1/tag/list", Reply.json(200, "[{\"name\": \"Lead\", \"score\": 5}, {\"name\": \"VIP\"}]"));

      assertThat(automation.tags()).containsExactly(new Tag("Lead"), new Tag("VIP"));
      List<ContactTag> contactTags = automation.contactTags("CRM-1");
      assertThat(contactTags).containsExactly(new ContactTag("Lead", 5), new ContactTag("VIP", null));
      assertThat(contactTags.get(0).scoreValue()).hasValue(5);
      assertThat(contactTags.get(1).scoreValue()).isEmpty();
    }

    @Test
    @DisplayName("ADR 0003: creating a tag that exists (400 NAME_ALREADY_IN_USE) is success; INVALID_PARAMS is not")
    void creating_an_existing_tag_is_success() {
      mailPlus.on(
          "POST",
          "/tag",
          Reply.noContent(),
          Reply.json(400, "{\"errorType\": \"NAME_ALREADY_IN_USE\", \"message\": \"x\"}"),
          Reply.json(400, "{\"errorType\": \"INVALID_PARAMS\", \"message\": \"Name too long\"}"));

      automation.createTag("Lead");
      automation.createTag("Lead");
      assertThatThrownBy(() -> automation.createTag("L".repeat(101)))
          .isInstanceOf(MailPlusInvalidRequestException.class);
      assertThat(json(mailPlus.received().get(0).body())).isEqualTo(json("{\"name\": \"Lead\"}"));
    }

    @Test
    @DisplayName("ADR 0003: a tag is added by POST with its name, removed by DELETE with the name in the path")
    void adds_and_removes_a_tag_encoding_the_name() {
      mailPlus.on("POST", "/contact/CRM%2F1/tag", Reply.noContent());
      mailPlus.on("DELETE", "/contact/CRM%2F1/tag/Hot%20lead%2F2024", Reply.noContent());

      automation.addTag("CRM/1", "Hot lead/2024");
      automation.removeTag("CRM/1", "Hot lead/2024");

      assertThat(mailPlus.received()).extracting(Received::method).containsExactly("POST", "DELETE");
      assertThat(json(mailPlus.received().get(0).body())).isEqualTo(json("{\"name\": \"Hot lead/2024\"}"));
    }

    @Test
    @DisplayName("ADR 0003: removing a tag the contact lacks (RESOURCE_NOT_FOUND) is success; an unknown contact is not")
    void removing_an_absent_tag_is_success() {
      mailPlus.on(
          "DELETE", "/contact/CRM-1/tag/Lead", Reply.json(404, "{\"errorType\": \"RESOURCE_NOT_FOUND\", \"message\": \"x\"}"));
      mailPlus.on(
          "DELETE", "/contact/nobody/tag/Lead", Reply.json(404, "{\"errorType\": \"CONTACT_NOT_FOUND\", \"message\": \"x\"}"));

      automation.removeTag("CRM-1", "Lead");
      assertThatThrownBy(() -> automation.removeTag("nobody", "Lead"))
          .isInstanceOfSatisfying(
              MailPlusNotFoundException.class, e -> assertThat(e.errorType()).contains("CONTACT_NOT_FOUND"));
    }

    @Test
    @DisplayName("ADR 0003: adding a tag to an unknown contact is 404 CONTACT_NOT_FOUND")
    void adding_a_tag_to_an_unknown_contact_fails() {
      mailPlus.on(
          "POST", "/contact/nobody/tag", Reply.json(404, "{\"errorType\": \"CONTACT_NOT_FOUND\", \"message\": \"x\"}"));

      assertThatThrownBy(() -> automation.addTag("nobody", "Lead")).isInstanceOf(MailPlusNotFoundException.class);
    }

    @Test
    @DisplayName("ADR 0003: PUT sets a score (retried like any idempotent call), POST changes it and answers the new one")
    void sets_and_changes_scores() {
      mailPlus.on("PUT", "/contact/CRM-1/tag/Lead/score", Reply.json(502, ""), Reply.noContent());
      mailPlus.on("POST", "/contact/CRM-1/tag/Lead/score", Reply.json(200, "{\"score\": 5}"));

      automation.setScore("CRM-1", "Lead", 10);
      int score = automation.changeScore("CRM-1", "Lead", -5);

      assertThat(score).isEqualTo(5);
      List<Received> calls = mailPlus.received();
      assertThat(calls).extracting(Received::method).containsExactly("PUT", "PUT", "POST");
      assertThat(json(calls.get(1).body())).isEqualTo(json("{\"score\": 10}"));
      assertThat(json(calls.get(2).body())).isEqualTo(json("{\"delta\": -5}"));
    }
  }

  @Test
  void rejects_blank_ids_before_sending() {
    assertThatThrownBy(() -> automation.trigger(" ", "CRM-1", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("triggerCode");
    assertThatThrownBy(() -> automation.stopRun(null)).hasMessageContaining("automationContactId");
    assertThatThrownBy(() -> automation.addTag("CRM-1", "")).hasMessageContaining("tag name");
    assertThat(mailPlus.received()).isEmpty();
  }

  @Test
  @DisplayName("an answer that is not the documented JSON is a clear error")
  void an_unreadable_list_is_a_clear_error() {
    mailPlus.on("GET", "/tag/list", Reply.json(200, "{\"tags\": \"not a list\"}"));

    assertThatThrownBy(automation::tags)
        .isInstanceOf(MailPlusException.class)
        .hasMessageContaining("GET /tag/list")
        .hasMessageContaining("not the documented JSON");
  }

  private Received onlyRequest() {
    assertThat(mailPlus.received()).hasSize(1);
    return mailPlus.received().get(0);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  private static MailPlusClient clientOfClosedPort() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return MailPlusClient.create(
        MailPlusConfig.builder("k", "s")
            .baseUrl("http://127.0.0.1:" + port + RecordedMailPlus.PREFIX)
            .maxRetries(1)
            .backoff(Duration.ofMillis(5), Duration.ofMillis(10))
            .build());
  }
}
