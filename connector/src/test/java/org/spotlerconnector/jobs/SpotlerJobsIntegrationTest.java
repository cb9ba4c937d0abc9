package org.spotlerconnector.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spotlerconnector.jobs.InstalledJobsSandbox.SCHEMA;
import static org.spotlerconnector.jobs.InstalledJobsSandbox.forContact;
import static org.spotlerconnector.jobs.InstalledJobsSandbox.job;
import static org.spotlerconnector.sandbox.mailplus.DemoAutomations.ONBOARDING_CAMPAIGN_ID;
import static org.spotlerconnector.sandbox.mailplus.DemoAutomations.ONBOARDING_TRIGGER_ID;
import static org.spotlerconnector.sandbox.mailplus.DemoAutomations.ORDER_FOLLOW_UP_TRIGGER_CODE;
import static org.spotlerconnector.sandbox.mailplus.DemoAutomations.WELCOME_TRIGGER_CODE;
import static org.spotlerconnector.sandbox.mailplus.DemoAutomations.WIN_BACK_TRIGGER_CODE;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.sandbox.http.FaultRule;
import org.spotlerconnector.sandbox.mailplus.AutomationRun;
import org.spotlerconnector.sandbox.mailplus.ContactTag;

/** Spotler Jobs end to end over real HTTP: the job table in the Dataverse emulator, the automations in Mail+'s. */
class SpotlerJobsIntegrationTest {
  private static final int CONTACTS_IN_SPOTLER = 10;
  private static final int CONTACTS_NOT_IN_SPOTLER = 5;
  private InstalledJobsSandbox env;

  @BeforeEach
  void start() throws IOException {
    env = new InstalledJobsSandbox(CONTACTS_IN_SPOTLER, CONTACTS_NOT_IN_SPOTLER);
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  @DisplayName("dataverse-tables.md: Refresh Automations writes one row per trigger, 🚀 automations and 📢 campaigns")
  void refresh_automations_fills_the_automation_table() {
    ObjectNode welcome = env.automationRow(WELCOME_TRIGGER_CODE);
    assertThat(welcome.get("spot_name").asText()).isEqualTo("🚀 Welcome journey - Start welcome");
    assertThat(welcome.get("spot_kind").asInt()).isEqualTo(1);
    assertThat(welcome.get("spot_isactive").asBoolean()).isTrue();
    assertThat(welcome.get("spot_automationfields").asText())
        .contains("invoiceEmail=<STRING>").contains("crosssell={<PRODUCTLIST>}").contains("orderLink=<URL>");
    ObjectNode onboarding = env.automationRow(ONBOARDING_TRIGGER_ID);
    assertThat(onboarding.get("spot_name").asText()).startsWith("📢 Onboarding (legacy)");
    assertThat(onboarding.get("spot_kind").asInt()).isEqualTo(2);
    assertThat(onboarding.get("spot_spotlerid").asText()).isEqualTo(ONBOARDING_CAMPAIGN_ID);
    assertThat(env.automationRow(WIN_BACK_TRIGGER_CODE).get("spot_isactive").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("dataverse-tables.md: rows whose trigger left Spotler are deactivated, not deleted")
  void refresh_automations_deactivates_vanished_triggers() {
    env.dataverse.create(SCHEMA.automationEntitySet(), JsonNodeFactory.instance.objectNode()
        .put("spot_name", "🚀 Gone").put("spot_kind", 1).put("spot_triggercode", "gone-code")
        .put("spot_spotlerid", "gone").put("spot_isactive", true));
    String jobId = env.create(job(JobOperation.REFRESH_AUTOMATIONS));
    env.runDueJobs();

    assertThat(env.row(jobId).get("spot_resultcode").asText()).isEqualTo("OK");
    assertThat(env.automationRow("gone-code").get("spot_isactive").asBoolean()).isFalse();
    assertThat(env.automationRow(WELCOME_TRIGGER_CODE).get("spot_isactive").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("issue: a started automation ends OK with the AutomationContactId stored and a timeline post")
  void start_automation_stores_the_run_id_and_posts_on_the_timeline() {
    String contact = env.contactId(0);
    ObjectNode job = env.withAutomation(forContact(job(JobOperation.START_AUTOMATION), contact),
        WELCOME_TRIGGER_CODE)
        .put("spot_automationfields", "invoiceEmail=jan@example.com;\ncrosssell={123,567}\norderLink=<URL>");
    String jobId = env.create(job);

    env.runDueJobs();

    ObjectNode row = env.row(jobId);
    assertThat(row.get("spot_resultcode").asText()).isEqualTo("OK");
    assertThat(row.get("statuscode").asInt()).isEqualTo(2);
    assertThat(row.get("statecode").asInt()).isEqualTo(1);
    assertThat(row.get("spot_attempts").asInt()).isEqualTo(1);
    assertThat(row.hasNonNull("spot_startedon")).isTrue();
    assertThat(row.hasNonNull("spot_completedon")).isTrue();
    assertThat(row.get("spot_name").asText()).isEqualTo("Start Automation");
    AutomationRun run = env.sandbox.mailplus().automations().runsOf(contact).get(0);
    assertThat(row.get("spot_automationcontactid").asText()).isEqualTo(run.automationContactId());
    assertThat(run.fields()).hasSize(2);
    assertThat(env.posts()).singleElement().satisfies(post -> {
      assertThat(post.get("text").asText()).contains("Welcome journey");
      assertThat(post.get("source").asInt()).isEqualTo(2);
      assertThat(post.get("type").asInt()).isEqualTo(7);
      assertThat(post.get("_regardingobjectid_value").asText()).isEqualTo(contact);
    });
  }

  @Test
  @DisplayName("manual: invalid Automation Fields fail the job with a message naming the field; nothing is sent")
  void invalid_automation_fields_fail_naming_the_field() {
    ObjectNode job = env.withAutomation(
        forContact(job(JobOperation.START_AUTOMATION), env.contactId(0)), WELCOME_TRIGGER_CODE)
        .put("spot_automationfields", "invoiceEmail=jan@example.com\norderLink=not a link");
    String jobId = env.create(job);

    env.runDueJobs();

    ObjectNode row = env.row(jobId);
    assertThat(row.get("spot_resultcode").asText()).isEqualTo("INVALID_AUTOMATION_FIELDS");
    assertThat(row.get("statuscode").asInt()).isEqualTo(100000002);
    assertThat(row.get("spot_resultmessage").asText()).contains("orderLink");
    assertThat(env.sandbox.mailplus().automations().triggerCalls()).isEmpty();
  }

  @Test
  @DisplayName("dataverse-tables.md: an automation Spotler no longer has fails as AUTOMATION_NOT_FOUND")
  void unknown_automation_fails_as_not_found() {
    String rowId = env.dataverse.create(SCHEMA.automationEntitySet(), JsonNodeFactory.instance.objectNode()
        .put("spot_name", "🚀 Gone").put("spot_kind", 1).put("spot_triggercode", "gone-code")
        .put("spot_spotlerid", "no-such-automation").put("spot_isactive", true));
    ObjectNode job = forContact(job(JobOperation.START_AUTOMATION), env.contactId(0));
    org.spotlerconnector.dataverse.Lookups.bind(job, "spot_automation", SCHEMA.automationEntitySet(),
        RecordKey.id(rowId));
    String jobId = env.create(job);

    env.runDueJobs();

    assertThat(env.row(jobId).get("spot_resultcode").asText()).isEqualTo("AUTOMATION_NOT_FOUND");
  }

  @Test
  @DisplayName("ADR 0003: a draft automation cannot be triggered: AUTOMATION_NOT_ACTIVE")
  void draft_automation_fails_as_not_active() {
    String jobId = env.create(env.withAutomation(
        forContact(job(JobOperation.START_AUTOMATION), env.contactId(0)), WIN_BACK_TRIGGER_CODE));

    env.runDueJobs();

    assertThat(env.row(jobId).get("spot_resultcode").asText()).isEqualTo("AUTOMATION_NOT_ACTIVE");
    assertThat(env.sandbox.mailplus().automations().runs()).isEmpty();
  }

  @Test
  @DisplayName("ADR 0003: 417 PARTICIPATION_LIMIT_REACHED ends the job as NOT_TRIGGERED")
  void participation_limit_fails_as_not_triggered() {
    String contact = env.contactId(0);
    String first = env.create(env.withAutomation(
        forContact(job(JobOperation.START_AUTOMATION), contact), ORDER_FOLLOW_UP_TRIGGER_CODE));
    env.runDueJobs();
    String second = env.create(env.withAutomation(
        forContact(job(JobOperation.START_AUTOMATION), contact), ORDER_FOLLOW_UP_TRIGGER_CODE));
    env.runDueJobs();

    assertThat(env.row(first).get("spot_resultcode").asText()).isEqualTo("OK");
    assertThat(env.row(second).get("spot_resultcode").asText()).isEqualTo("NOT_TRIGGERED");
  }

  @Test
  @DisplayName("design.md §5: a connection dropped after the trigger ends as OUTCOME_UNKNOWN and is never repeated")
  void dropped_answer_after_trigger_is_outcome_unknown_with_one_run() {
    env.sandbox.mailplusServer().faults()
        .add(FaultRule.of(FaultRule.Kind.DROP_AFTER_HANDLING).onPath("/automation/trigger").times(1));
    String jobId = env.create(env.withAutomation(
        forContact(job(JobOperation.START_AUTOMATION), env.contactId(0)), WELCOME_TRIGGER_CODE));

    env.runDueJobs();
    env.runDueJobs();

    ObjectNode row = env.row(jobId);
    assertThat(row.get("spot_resultcode").asText()).isEqualTo("OUTCOME_UNKNOWN");
    assertThat(row.get("statuscode").asInt()).isEqualTo(100000002);
    assertThat(env.sandbox.mailplus().automations().runs()).hasSize(1);
  }

  @Test
  @DisplayName("design.md §5: a job reclaimed after a crash while its trigger was being sent is OUTCOME_UNKNOWN")
  void job_reclaimed_with_the_trigger_marker_is_not_triggered_again() {
    ObjectNode job = env.withAutomation(
        forContact(job(JobOperation.START_AUTOMATION), env.contactId(0)), WELCOME_TRIGGER_CODE)
        .put("statecode", 0).put("statuscode", 100000001).put("spot_attempts", 1)
        .put("spot_startedon", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString())
        .put("spot_resultmessage", JobTable.TRIGGER_SENDING);
    String jobId = env.create(job);

    assertThat(env.runDueJobs()).isEqualTo(1);

    assertThat(env.row(jobId).get("spot_resultcode").asText()).isEqualTo("OUTCOME_UNKNOWN");
    assertThat(env.sandbox.mailplus().automations().triggerCalls()).isEmpty();
  }

  @Test
  @DisplayName("issue: Stop Automation by AutomationContactId, and NOT_RUNNING when nothing runs any more")
  void stop_automation_by_run_id() {
    String contact = env.contactId(0);
    String start = env.create(env.withAutomation(
        forContact(job(JobOperation.START_AUTOMATION), contact), WELCOME_TRIGGER_CODE));
    env.runDueJobs();
    String runId = env.row(start).get("spot_automationcontactid").asText();

    String stop = env.create(job(JobOperation.STOP_AUTOMATION).put("spot_automationcontactid", runId));
    env.runDueJobs();
    String again = env.create(job(JobOperation.STOP_AUTOMATION).put("spot_automationcontactid", runId));
    env.runDueJobs();

    assertThat(env.row(stop).get("spot_resultcode").asText()).isEqualTo("OK");
    assertThat(env.sandbox.mailplus().automations().run(runId).orElseThrow().running()).isFalse();
    assertThat(env.row(again).get("spot_resultcode").asText()).isEqualTo("NOT_RUNNING");
    assertThat(env.row(again).get("statuscode").asInt()).isEqualTo(2);
  }

  @Test
  @DisplayName("manual: Stop Automation for a contact and an automation stops its runs")
  void stop_automation_for_a_contact() {
    String contact = env.contactId(0);
    env.create(env.withAutomation(
        forContact(job(JobOperation.START_AUTOMATION), contact), WELCOME_TRIGGER_CODE));
    env.runDueJobs();

    String stop = env.create(env.withAutomation(
        forContact(job(JobOperation.STOP_AUTOMATION), contact), WELCOME_TRIGGER_CODE));
    env.runDueJobs();

    assertThat(env.row(stop).get("spot_resultcode").asText()).isEqualTo("OK");
    assertThat(env.sandbox.mailplus().automations().runsOf(contact)).noneMatch(AutomationRun::running);
  }

  @Test
  @DisplayName("manual: a legacy campaign starts by its trigger id and stops by its campaign id")
  void legacy_campaign_start_and_stop() {
    String contact = env.contactId(0);
    String start = env.create(env.withAutomation(
        forContact(job(JobOperation.START_AUTOMATION), contact), ONBOARDING_TRIGGER_ID));
    env.runDueJobs();
    assertThat(env.row(start).get("spot_resultcode").asText()).isEqualTo("OK");
    assertThat(env.sandbox.mailplus().campaigns().participationsOf(contact)).hasSize(1);

    String stop = env.create(env.withAutomation(
        forContact(job(JobOperation.STOP_AUTOMATION), contact), ONBOARDING_TRIGGER_ID));
    env.runDueJobs();
    assertThat(env.row(stop).get("spot_resultcode").asText()).isIn("OK", "NOT_RUNNING");
  }

  @Test
  @DisplayName("issue: Start Automation for a contact Spotler lacks syncs it first, then triggers")
  void start_automation_pushes_a_contact_spotler_lacks() {
    String contact = env.contactNotInSpotler();
    String jobId = env.create(env.withAutomation(
        forContact(job(JobOperation.START_AUTOMATION), contact), ORDER_FOLLOW_UP_TRIGGER_CODE));

    env.runDueJobs();

    assertThat(env.row(jobId).get("spot_resultcode").asText()).isEqualTo("OK");
    assertThat(env.pushed).extracting(JobRecord::id).containsExactly(contact);
    assertThat(env.sandbox.mailplus().automations().runsOf(contact)).hasSize(1);
  }

  @Test
  @DisplayName("issue: Add Tag tags the contact; without a customer or lead it only creates the tag")
  void add_tag_with_and_without_a_record() {
    String contact = env.contactId(0);
    String tagged = env.create(forContact(job(JobOperation.ADD_TAG), contact)
        .put("spot_tag", "VIP"));
    String created = env.create(job(JobOperation.ADD_TAG).put("spot_tag", "Newsletter; Events"));
    env.runDueJobs();

    assertThat(env.row(tagged).get("spot_resultcode").asText()).isEqualTo("OK");
    assertThat(env.row(created).get("spot_resultcode").asText()).isEqualTo("OK");
    assertThat(env.sandbox.mailplus().tags().tagsOf(contact)).extracting(ContactTag::name).contains("VIP");
    assertThat(env.sandbox.mailplus().tags().all()).contains("Newsletter", "Events");
  }

  @Test
  @DisplayName("issue: Remove Tag removes several tags separated by comma or semicolon, with their scores")
  void remove_tags_and_scores() {
    String contact = env.contactId(0);
    env.sandbox.mailplus().tags().tagContact(contact, "Lead", 10);
    env.sandbox.mailplus().tags().tagContact(contact, "Customer", null);
    env.sandbox.mailplus().tags().tagContact(contact, "VIP", null);
    String jobId = env.create(forContact(job(JobOperation.REMOVE_TAG), contact)
        .put("spot_tag", "Lead, Customer"));

    env.runDueJobs();

    assertThat(env.row(jobId).get("spot_resultcode").asText()).isEqualTo("OK");
    assertThat(env.sandbox.mailplus().tags().tagsOf(contact)).extracting(ContactTag::name).containsExactly("VIP");
  }

  @Test
  @DisplayName("issue: Set, Increase and Decrease Score change the contact's score on a tag")
  void score_operations() {
    String contact = env.contactId(0);
    env.create(forContact(job(JobOperation.SET_SCORE), contact)
        .put("spot_tag", "Lead").put("spot_score", 10));
    env.runDueJobs();
    env.create(forContact(job(JobOperation.INCREASE_SCORE), contact)
        .put("spot_tag", "Lead").put("spot_score", 5));
    env.runDueJobs();
    String decrease = env.create(forContact(job(JobOperation.DECREASE_SCORE), contact)
        .put("spot_tag", "Lead").put("spot_score", 3));
    env.runDueJobs();

    assertThat(env.row(decrease).get("spot_resultcode").asText()).isEqualTo("OK");
    assertThat(env.sandbox.mailplus().tags().tagsOf(contact))
        .filteredOn(t -> t.name().equals("Lead")).singleElement().extracting(ContactTag::score).isEqualTo(12);
  }

  @Test
  @DisplayName("issue: a transient 503 on a tag call is retried, then the job ends OK")
  void transient_failure_on_a_tag_call_is_retried() {
    String contact = env.contactId(0);
    env.sandbox.mailplusServer().faults().add(FaultRule.status(503).onPath("/tag").times(4));
    String jobId = env.create(forContact(job(JobOperation.ADD_TAG), contact)
        .put("spot_tag", "VIP"));

    env.runDueJobs();
    ObjectNode waiting = env.row(jobId);
    assertThat(waiting.get("statuscode").asInt()).isEqualTo(100000001);
    assertThat(waiting.hasNonNull("spot_nextattempton")).isTrue();
    assertThat(waiting.get("spot_resultmessage").asText()).contains("Attempt 1 failed");

    env.runDueJobs();
    ObjectNode done = env.row(jobId);
    assertThat(done.get("spot_resultcode").asText()).isEqualTo("OK");
    assertThat(done.get("spot_attempts").asInt()).isEqualTo(2);
    assertThat(env.sandbox.mailplus().tags().tagsOf(contact)).extracting(ContactTag::name).contains("VIP");
  }

  @Test
  @DisplayName("dataverse-tables.md: still failing after the last attempt ends as TRANSIENT_FAILURE")
  void transient_failure_after_the_last_attempt() {
    env.sandbox.mailplusServer().faults().add(FaultRule.status(503).onPath("/tag"));
    String jobId = env.create(forContact(job(JobOperation.ADD_TAG), env.contactId(0))
        .put("spot_tag", "VIP"));

    for (int i = 0; i < 3; i++) {
      env.runDueJobs();
    }

    ObjectNode row = env.row(jobId);
    assertThat(row.get("spot_resultcode").asText()).isEqualTo("TRANSIENT_FAILURE");
    assertThat(row.get("spot_attempts").asInt()).isEqualTo(3);
  }

  @Test
  @DisplayName("dataverse-tables.md: missing inputs fail as INVALID_INPUT; an operation the runner is not set up for"
      + " (here the list operations) as UNSUPPORTED_OPERATION")
  void invalid_input_and_unsupported_operations() {
    String noTag = env.create(forContact(job(JobOperation.ADD_TAG), env.contactId(0)));
    String noRecord = env.create(job(JobOperation.SYNC_CONTACT));
    String notSetUp = env.create(job(JobOperation.SYNC_MARKETING_LIST));
    env.runDueJobs();

    assertThat(env.row(noTag).get("spot_resultcode").asText()).isEqualTo("INVALID_INPUT");
    assertThat(env.row(noTag).get("spot_resultmessage").asText()).startsWith("Tag:");
    assertThat(env.row(noRecord).get("spot_resultcode").asText()).isEqualTo("INVALID_INPUT");
    assertThat(env.row(notSetUp).get("spot_resultcode").asText()).isEqualTo("UNSUPPORTED_OPERATION");
  }

  @Test
  @DisplayName("issue: Sync Contact pushes the record to Spotler")
  void sync_contact() {
    String contact = env.contactNotInSpotler();
    String jobId = env.create(forContact(job(JobOperation.SYNC_CONTACT), contact));
    env.runDueJobs();

    assertThat(env.row(jobId).get("spot_resultcode").asText()).isEqualTo("OK");
    assertThat(env.sandbox.mailplus().contact(contact)).isPresent();
  }

  @Test
  @DisplayName("dataverse-tables.md: a cancelled job is not run")
  void cancelled_jobs_are_left_alone() {
    String jobId = env.create(forContact(job(JobOperation.ADD_TAG), env.contactId(0))
        .put("spot_tag", "VIP").put("statecode", 1).put("statuscode", 100000003));

    assertThat(env.runDueJobs()).isZero();
    assertThat(env.row(jobId).hasNonNull("spot_resultcode")).isFalse();
  }
}
