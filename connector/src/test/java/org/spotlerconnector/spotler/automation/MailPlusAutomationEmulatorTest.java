package org.spotlerconnector.spotler.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.spotlerconnector.spotler.automation.AutomationSandbox.CAMPAIGN_ID;
import static org.spotlerconnector.spotler.automation.AutomationSandbox.CAMPAIGN_TRIGGER_ID;
import static org.spotlerconnector.spotler.automation.AutomationSandbox.CONTACT;
import static org.spotlerconnector.spotler.automation.AutomationSandbox.DRAFT_CODE;
import static org.spotlerconnector.spotler.automation.AutomationSandbox.DRAFT_ID;
import static org.spotlerconnector.spotler.automation.AutomationSandbox.ONCE_CODE;
import static org.spotlerconnector.spotler.automation.AutomationSandbox.OTHER_CONTACT;
import static org.spotlerconnector.spotler.automation.AutomationSandbox.UNUSED_CODE;
import static org.spotlerconnector.spotler.automation.AutomationSandbox.WELCOME_CODE;
import static org.spotlerconnector.spotler.automation.AutomationSandbox.WELCOME_ID;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.FaultRule;
import org.spotlerconnector.sandbox.http.RequestLog;
import org.spotlerconnector.sandbox.mailplus.AutomationRun;
import org.spotlerconnector.sandbox.mailplus.RunStatus;
import org.spotlerconnector.spotler.MailPlusInvalidRequestException;
import org.spotlerconnector.spotler.MailPlusNotFoundException;
import org.spotlerconnector.spotler.MailPlusOutcomeUnknownException;

/** The adapter against the Mail+ emulator over real HTTP; each test names the documented rule it relies on. */
class MailPlusAutomationEmulatorTest {
  private AutomationSandbox sandbox;
  private MailPlusAutomation automation;

  @BeforeEach
  void start() throws IOException {
    sandbox = AutomationSandbox.start();
    automation = sandbox.automation;
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  @DisplayName("ADR 0003: the list has every automation with triggers and typed fields; drafts cannot be triggered")
  void lists_automations() {
    List<Automation> automations = automation.automations();

    Automation welcome = automations.stream().filter(a -> a.id().equals(WELCOME_ID)).findFirst().orElseThrow();
    assertThat(welcome.isTriggerable()).isTrue();
    assertThat(welcome.triggers()).extracting(AutomationTrigger::code).containsExactly(WELCOME_CODE);
    assertThat(welcome.automationFields())
        .extracting(AutomationFieldDefinition::name, AutomationFieldDefinition::type)
        .containsExactly(
            tuple("invoiceEmail", AutomationFieldType.STRING),
            tuple("crosssell", AutomationFieldType.PRODUCTLIST),
            tuple("orderLink", AutomationFieldType.URL));
    Automation draft = automations.stream().filter(a -> a.id().equals(DRAFT_ID)).findFirst().orElseThrow();
    assertThat(draft.status()).isEqualTo(AutomationStatus.DRAFT);
    assertThat(draft.isTriggerable()).isFalse();
  }

  @Test
  @DisplayName("spotler-api.md §3.1, ADR 0003: a trigger with fields starts a run and answers its automationContactId")
  void triggers_with_fields_and_gets_the_run_id() {
    TriggerResult result =
        automation.trigger(
            WELCOME_CODE,
            CONTACT,
            List.of(
                AutomationField.text("invoiceEmail", "jan@example.com"),
                AutomationField.productList("crosssell", List.of("123", "567")),
                AutomationField.url("orderLink", "https://shop.example.nl/orders/1")));

    assertThat(result.isTriggered()).isTrue();
    AutomationResult started = result.startedRuns().get(0);
    assertThat(started.automationId()).isEqualTo(WELCOME_ID);
    AutomationRun run = sandbox.emulator.automations().run(started.runId().orElseThrow()).orElseThrow();
    assertThat(run.externalContactId()).isEqualTo(CONTACT);
    assertThat(run.running()).isTrue();
    assertThat(run.fields()).hasSize(3);
  }

  @Test
  @DisplayName("spotler-api.md §3.1: 404 TRIGGER_NOTFOUND and CONTACT_NOTFOUND are results, each asked once")
  void maps_404_answers_to_results() {
    assertThat(automation.trigger(UNUSED_CODE, CONTACT, List.of()).result())
        .isEqualTo(TriggerResultCode.TRIGGER_NOTFOUND);
    assertThat(automation.trigger(WELCOME_CODE, "CRM-nobody", List.of()).result())
        .isEqualTo(TriggerResultCode.CONTACT_NOTFOUND);
    assertThat(sandbox.apiCalls()).extracting(RequestLog.Entry::status).containsExactly(404, 404);
  }

  @Test
  @DisplayName("spotler-api.md §3.1: 417 NOT_TRIGGERED carries AUTOMATION_INACTIVE or PARTICIPATION_LIMIT_REACHED")
  void maps_417_answers_to_results() {
    TriggerResult draft = automation.trigger(DRAFT_CODE, CONTACT, List.of());
    assertThat(draft.result()).isEqualTo(TriggerResultCode.NOT_TRIGGERED);
    assertThat(draft.status()).isEqualTo(417);
    assertThat(draft.automationResults())
        .extracting(AutomationResult::result)
        .containsExactly(AutomationResultCode.AUTOMATION_INACTIVE);

    assertThat(automation.trigger(ONCE_CODE, CONTACT, List.of()).isTriggered()).isTrue();
    TriggerResult again = automation.trigger(ONCE_CODE, CONTACT, List.of());
    assertThat(again.result()).isEqualTo(TriggerResultCode.NOT_TRIGGERED);
    assertThat(again.automationResults())
        .extracting(AutomationResult::result)
        .containsExactly(AutomationResultCode.PARTICIPATION_LIMIT_REACHED);
  }

  @Test
  @DisplayName("ADR 0003: a field the automation does not have is 400 INVALID_PARAMS, and nothing starts")
  void an_unknown_field_is_an_invalid_request() {
    assertThatThrownBy(
            () -> automation.trigger(WELCOME_CODE, CONTACT, List.of(AutomationField.text("voucherCode", "X1"))))
        .isInstanceOfSatisfying(
            MailPlusInvalidRequestException.class, e -> assertThat(e.errorType()).contains("INVALID_PARAMS"));
    assertThat(sandbox.emulator.automations().runsOf(CONTACT)).isEmpty();
    assertThat(sandbox.apiCalls()).hasSize(1);
  }

  @Test
  @DisplayName("design.md §5: a trigger whose answer is lost after Mail+ acted is unknown and sent exactly once")
  void a_trigger_dropped_after_handling_is_never_repeated() {
    sandbox.server.faults().add(FaultRule.of(FaultRule.Kind.DROP_AFTER_HANDLING).times(1));

    assertThatThrownBy(() -> automation.trigger(WELCOME_CODE, CONTACT, List.of()))
        .isInstanceOfSatisfying(
            TriggerOutcomeUnknownException.class,
            e -> {
              assertThat(e.triggerId()).isEqualTo(WELCOME_CODE);
              assertThat(e.externalContactId()).isEqualTo(CONTACT);
            });
    assertThat(sandbox.apiCalls()).hasSize(1);
    // the mail went out: a repeat would have started a second run
    assertThat(sandbox.emulator.automations().triggerCalls()).hasSize(1);
    assertThat(sandbox.emulator.automations().runsOf(CONTACT)).hasSize(1);
  }

  @Test
  @DisplayName("design.md §5: a 503 on a trigger does not prove that nothing started: unknown, not repeated")
  void a_trigger_answered_503_is_never_repeated() {
    sandbox.server.faults().add(FaultRule.status(503).retryAfter(0).onPath("/automation/trigger/").times(1));

    assertThatThrownBy(() -> automation.trigger(WELCOME_CODE, CONTACT, List.of()))
        .isInstanceOfSatisfying(TriggerOutcomeUnknownException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThat(sandbox.apiCalls()).hasSize(1);
  }

  @Test
  @DisplayName("spotler-api.md §7.2: a 429 is Mail+ refusing the trigger, so it is repeated after Retry-After")
  void a_trigger_refused_with_429_is_repeated_after_retry_after() {
    sandbox.server.faults().add(FaultRule.status(429).retryAfter(1).onPath("/automation/trigger/").times(1));

    assertThat(automation.trigger(WELCOME_CODE, CONTACT, List.of()).isTriggered()).isTrue();

    List<RequestLog.Entry> calls = sandbox.apiCalls();
    assertThat(calls).extracting(RequestLog.Entry::status).containsExactly(429, 200);
    assertThat(Duration.between(calls.get(0).receivedAt(), calls.get(1).receivedAt()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(sandbox.emulator.automations().runsOf(CONTACT)).hasSize(1);
  }

  @Test
  @DisplayName("ADR 0003: a run is stopped by its automationContactId; stopping it again finds it not running")
  void stops_a_run_by_its_id() {
    String runId = automation.trigger(WELCOME_CODE, CONTACT, List.of()).startedRuns().get(0).runId().orElseThrow();

    assertThat(automation.stopRun(runId)).isEqualTo(StopOutcome.STOPPED);
    assertThat(sandbox.emulator.automations().run(runId).orElseThrow().status()).isEqualTo(RunStatus.STOPPED);
    assertThat(automation.stopRun(runId)).isEqualTo(StopOutcome.NOT_RUNNING);
    assertThatThrownBy(() -> automation.stopRun("ac-unknown"))
        .isInstanceOfSatisfying(
            MailPlusNotFoundException.class, e -> assertThat(e.errorType()).contains("RESOURCE_NOT_FOUND"));
  }

  @Test
  @DisplayName("ADR 0003: stopping an automation for a contact stops its runs; a lost answer is safely repeated")
  void stops_an_automation_for_a_contact_even_when_the_answer_is_lost() {
    automation.trigger(WELCOME_CODE, CONTACT, List.of());
    automation.trigger(WELCOME_CODE, OTHER_CONTACT, List.of());
    sandbox.server.faults().add(FaultRule.of(FaultRule.Kind.DROP_AFTER_HANDLING).onPath("/stop$").times(1));

    assertThat(automation.stopAutomation(WELCOME_ID, CONTACT)).isEqualTo(StopOutcome.NOT_RUNNING);

    assertThat(sandbox.emulator.automations().runsOf(CONTACT)).extracting(AutomationRun::status)
        .containsExactly(RunStatus.STOPPED);
    assertThat(sandbox.emulator.automations().runsOf(OTHER_CONTACT)).allMatch(AutomationRun::running);
    assertThat(sandbox.apiCalls()).extracting(RequestLog.Entry::status).endsWith(0, 400);
    assertThatThrownBy(() -> automation.stopAutomation(WELCOME_ID, "CRM-nobody"))
        .isInstanceOfSatisfying(
            MailPlusNotFoundException.class, e -> assertThat(e.errorType()).contains("CONTACT_NOT_FOUND"));
  }

  @Test
  @DisplayName("spotler-api.md §3.3: a campaign is listed, triggered by its trigger id and stopped by its own id")
  void triggers_and_stops_a_campaign() {
    assertThat(automation.campaigns())
        .containsExactly(
            new Campaign(CAMPAIGN_ID, "Onboarding", true, List.of(new CampaignTrigger(CAMPAIGN_TRIGGER_ID, "Start onboarding"))));

    automation.triggerCampaign(CAMPAIGN_TRIGGER_ID, CONTACT, List.of(AutomationField.text("invoiceEmail", "x@y.nl")));
    assertThat(sandbox.emulator.campaigns().participationsOf(CONTACT)).hasSize(1);
    assertThatThrownBy(() -> automation.triggerCampaign(CAMPAIGN_TRIGGER_ID, CONTACT, List.of()))
        .isInstanceOf(MailPlusInvalidRequestException.class)
        .hasMessageContaining("already active");

    assertThat(automation.stopCampaign(CAMPAIGN_ID, CONTACT)).isEqualTo(StopOutcome.STOPPED);
    assertThat(automation.stopCampaign(CAMPAIGN_ID, CONTACT)).isEqualTo(StopOutcome.NOT_RUNNING);
    assertThatThrownBy(() -> automation.triggerCampaign("t-unknown", CONTACT, List.of()))
        .isInstanceOfSatisfying(
            MailPlusNotFoundException.class, e -> assertThat(e.errorType()).contains("TRIGGER_NOTFOUND"));
  }

  @Test
  @DisplayName("design.md §5: a campaign trigger whose answer is lost is unknown and sent exactly once")
  void a_campaign_trigger_dropped_after_handling_is_never_repeated() {
    sandbox.server.faults().add(FaultRule.of(FaultRule.Kind.DROP_AFTER_HANDLING).times(1));

    assertThatThrownBy(() -> automation.triggerCampaign(CAMPAIGN_TRIGGER_ID, CONTACT, List.of()))
        .isInstanceOf(TriggerOutcomeUnknownException.class);
    assertThat(sandbox.apiCalls()).hasSize(1);
    assertThat(sandbox.emulator.campaigns().triggerCalls()).hasSize(1);
  }

  @Test
  @DisplayName("ADR 0003: tags are created (twice is fine), added, scored, listed and removed (absent is fine)")
  void manages_tags_and_scores() {
    automation.createTag("Lead");
    automation.createTag("Lead");
    automation.addTag(CONTACT, "Hot lead/2024");
    automation.setScore(CONTACT, "Lead", 10);

    assertThat(automation.changeScore(CONTACT, "Lead", -5)).isEqualTo(5);
    assertThat(automation.tags()).extracting(Tag::name).containsExactly("Lead", "Hot lead/2024");
    assertThat(automation.contactTags(CONTACT))
        .containsExactlyInAnyOrder(new ContactTag("Lead", 5), new ContactTag("Hot lead/2024", null));

    automation.removeTag(CONTACT, "Hot lead/2024");
    automation.removeTag(CONTACT, "Hot lead/2024");
    assertThat(automation.contactTags(CONTACT)).containsExactly(new ContactTag("Lead", 5));
  }

  @Test
  @DisplayName("ADR 0003: CONTACT_NOT_FOUND is an error for every contact tag call, removal included")
  void tag_calls_for_an_unknown_contact_fail() {
    assertThatThrownBy(() -> automation.removeTag("CRM-nobody", "Lead"))
        .isInstanceOfSatisfying(
            MailPlusNotFoundException.class, e -> assertThat(e.errorType()).contains("CONTACT_NOT_FOUND"));
    assertThatThrownBy(() -> automation.addTag("CRM-nobody", "Lead")).isInstanceOf(MailPlusNotFoundException.class);
    assertThatThrownBy(() -> automation.contactTags("CRM-nobody")).isInstanceOf(MailPlusNotFoundException.class);
    assertThatThrownBy(() -> automation.createTag("L".repeat(101)))
        .isInstanceOfSatisfying(
            MailPlusInvalidRequestException.class, e -> assertThat(e.errorType()).contains("INVALID_PARAMS"));
  }

  @Test
  @DisplayName("design.md §5: a score change whose answer is lost is unknown and applied exactly once")
  void a_score_change_dropped_after_handling_is_never_repeated() {
    automation.setScore(CONTACT, "Lead", 10);
    sandbox.server.faults().add(FaultRule.of(FaultRule.Kind.DROP_AFTER_HANDLING).onMethod("POST").times(1));

    assertThatThrownBy(() -> automation.changeScore(CONTACT, "Lead", -5))
        .isInstanceOf(MailPlusOutcomeUnknownException.class);

    assertThat(automation.contactTags(CONTACT)).containsExactly(new ContactTag("Lead", 5));
    assertThat(sandbox.apiCalls()).extracting(RequestLog.Entry::method).containsExactly("PUT", "POST", "GET");
  }
}
