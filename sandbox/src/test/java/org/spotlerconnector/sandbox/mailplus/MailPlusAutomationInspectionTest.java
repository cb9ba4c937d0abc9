package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The automation, campaign and tag inspection calls, the in-process API and the demo seed. */
class MailPlusAutomationInspectionTest extends MailPlusHttpTest {
  private static final String ID = "6f1c0a52-0000-4000-8000-0000000000cc";
  private static final String CODE = "bc0a8795-0000-4000-8000-0000000000cc";

  @Test
  @DisplayName("POST /_sandbox/automations adds automations in the list's shape plus participationLimit; GET shows them")
  void seeds_automations_over_http() {
    Reply added =
        inspect(
            "POST",
            "/_sandbox/automations",
            "[{\"id\":\"" + ID + "\",\"name\":\"Welcome\",\"triggers\":[{\"code\":\"" + CODE + "\",\"label\":\"Start\"}],"
                + "\"automationFields\":[{\"name\":\"link\",\"type\":\"URL\"}],\"participationLimit\":2},"
                + "{\"name\":\"Draft\",\"status\":\"DRAFT\",\"published\":false}]");

    assertThat(added.status()).isEqualTo(200);
    assertThat(added.json()).hasSize(2);
    Automation welcome = emulator.automations().automation(ID).orElseThrow();
    assertThat(welcome.active()).isTrue();
    assertThat(welcome.participationLimit()).isEqualTo(2);
    assertThat(welcome.automationFields()).containsExactly(new AutomationField("link", FieldType.URL));
    Automation draft = emulator.automations().all().get(1);
    assertThat(draft.status()).isEqualTo(AutomationStatus.DRAFT);
    assertThat(Ids.isUuid(draft.id())).as("a new id is a UUID").isTrue();
    JsonNode listed = inspect("GET", "/_sandbox/automations", null).json();
    assertThat(listed.get(0).path("participationLimit").asInt()).isEqualTo(2);
    assertThat(listed.get(1).path("participationLimit").isNull()).isTrue();
  }

  @Test
  @DisplayName("Adding an automation with an existing id replaces it; its runs stay")
  void replacing_an_automation_keeps_its_runs() {
    emulator.putContact("CRM-1", Map.of());
    emulator.automations().addAutomation(Automation.named("Welcome").id(ID).trigger(CODE, "Start").build());
    post("/automation/trigger/" + CODE, "{\"externalContactId\":\"CRM-1\"}");

    emulator.automations().addAutomation(Automation.named("Welcome").id(ID).published(false).trigger(CODE, "Start").build());

    assertThat(emulator.automations().all()).hasSize(1);
    assertThat(emulator.automations().runs()).hasSize(1);
    assertThat(post("/automation/trigger/" + CODE, "{\"externalContactId\":\"CRM-1\"}").status()).isEqualTo(417);
  }

  @Test
  @DisplayName("GET /_sandbox/runs lists runs with their fields (optionally per contact); POST .../finish ends one")
  void runs_and_finishing_over_http() {
    emulator.putContact("CRM-1", Map.of());
    emulator.putContact("CRM-2", Map.of());
    emulator.automations().addAutomation(
        Automation.named("Welcome").id(ID).trigger(CODE, "Start").field("link", FieldType.URL).build());
    String runId =
        post(
                "/automation/trigger/" + CODE,
                "{\"externalContactId\":\"CRM-1\",\"automationFields\":[{\"name\":\"link\",\"type\":\"URL\",\"value\":\"https://example.nl\"}]}")
            .json()
            .path("automationResults")
            .get(0)
            .path("automationContactId")
            .asText();
    post("/automation/trigger/" + CODE, "{\"externalContactId\":\"CRM-2\"}");
    clock.advance(Duration.ofHours(1));

    JsonNode runs = inspect("GET", "/_sandbox/runs?externalContactId=CRM-1", null).json();
    Reply finished = inspect("POST", "/_sandbox/runs/" + runId + "/finish", null);
    Reply again = inspect("POST", "/_sandbox/runs/" + runId + "/finish", null);

    assertThat(runs).hasSize(1);
    JsonNode run = runs.get(0);
    assertThat(run.path("automationContactId").asText()).isEqualTo(runId);
    assertThat(run.path("automationId").asText()).isEqualTo(ID);
    assertThat(run.path("status").asText()).isEqualTo("RUNNING");
    assertThat(run.path("started").asText()).isEqualTo(START.toString());
    assertThat(run.path("ended").isNull()).isTrue();
    assertThat(run.path("fields").toString()).isEqualTo("[{\"name\":\"link\",\"type\":\"URL\",\"value\":\"https://example.nl\"}]");
    assertThat(inspect("GET", "/_sandbox/runs", null).json()).hasSize(2);
    assertThat(finished.status()).isEqualTo(200);
    assertThat(finished.json().path("status").asText()).isEqualTo("FINISHED");
    assertThat(finished.json().path("ended").asText()).isEqualTo(START.plus(Duration.ofHours(1)).toString());
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  @DisplayName("GET /_sandbox/trigger-calls lists every automation and campaign trigger call, refused ones too")
  void trigger_calls_over_http() {
    emulator.putContact("CRM-1", Map.of());
    emulator.automations().addAutomation(Automation.named("Welcome").id(ID).trigger(CODE, "Start").build());
    post("/automation/trigger/" + CODE, "{\"externalContactId\":\"CRM-1\"}");
    post("/automation/trigger/" + CODE, "{\"externalContactId\":\"nobody\"}");
    post("/campaign/trigger/none", "{\"externalContactId\":\"CRM-1\"}");

    JsonNode calls = inspect("GET", "/_sandbox/trigger-calls", null).json();

    assertThat(calls.path("automation").findValuesAsText("result")).containsExactly("OK", "CONTACT_NOTFOUND");
    assertThat(calls.path("automation").get(0).path("runIds")).hasSize(1);
    assertThat(calls.path("campaign").findValuesAsText("result")).containsExactly("TRIGGER_NOTFOUND");
    assertThat(calls.path("campaign").get(0).path("status").asInt()).isEqualTo(404);
  }

  @Test
  @DisplayName("POST /_sandbox/campaigns adds campaigns; GET shows them with their participations")
  void campaigns_over_http() {
    emulator.putContact("CRM-1", Map.of());
    Reply added =
        inspect(
            "POST",
            "/_sandbox/campaigns",
            "{\"encryptedId\":\"camp-1\",\"name\":\"Onboarding\",\"triggers\":[{\"encryptedId\":\"trig-1\",\"name\":\"Start\"},{\"name\":\"Web\"}]}");
    post("/campaign/trigger/trig-1", "{\"externalContactId\":\"CRM-1\",\"campaignFields\":[{\"name\":\"a\",\"value\":\"b\"}]}");

    JsonNode campaigns = inspect("GET", "/_sandbox/campaigns", null).json();

    assertThat(added.status()).isEqualTo(200);
    JsonNode campaign = campaigns.get(0);
    assertThat(campaign.path("active").asBoolean()).isTrue();
    assertThat(campaign.path("triggers")).hasSize(2);
    assertThat(campaign.path("triggers").get(1).path("encryptedId").asText()).isNotBlank();
    JsonNode participation = campaign.path("participations").get(0);
    assertThat(participation.path("externalContactId").asText()).isEqualTo("CRM-1");
    assertThat(participation.path("status").asText()).isEqualTo("RUNNING");
    assertThat(participation.path("campaignFields").toString()).isEqualTo("[{\"name\":\"a\",\"type\":\"STRING\",\"value\":\"b\"}]");
  }

  @Test
  @DisplayName("GET /_sandbox/tags shows the account's tags and every contact's tags with scores")
  void tags_over_http() {
    emulator.putContact("CRM-1", Map.of());
    emulator.tags().addTag("Customer");
    emulator.tags().tagContact("CRM-1", "Lead", 5);
    emulator.tags().tagContact("CRM-1", "Customer", null);

    JsonNode tags = inspect("GET", "/_sandbox/tags", null).json();

    assertThat(tags.path("tags").toString()).isEqualTo("[\"Customer\",\"Lead\"]");
    assertThat(tags.path("contacts").path("CRM-1").toString())
        .isEqualTo("[{\"name\":\"Lead\",\"score\":5},{\"name\":\"Customer\",\"score\":null}]");
  }

  @Test
  @DisplayName("POST /_sandbox/reset also clears automations, runs, campaigns and tags")
  void reset_clears_everything() {
    DemoAutomations.seed(emulator);
    emulator.putContact("CRM-1", Map.of());
    post("/automation/trigger/" + DemoAutomations.WELCOME_TRIGGER_CODE, "{\"externalContactId\":\"CRM-1\"}");

    assertThat(inspect("POST", "/_sandbox/reset", null).status()).isEqualTo(204);

    assertThat(emulator.automations().all()).isEmpty();
    assertThat(emulator.automations().runs()).isEmpty();
    assertThat(emulator.automations().triggerCalls()).isEmpty();
    assertThat(emulator.campaigns().all()).isEmpty();
    assertThat(emulator.tags().all()).isEmpty();
  }

  @Test
  @DisplayName("The in-process API refuses what Mail+ would not hold")
  void java_api_refusals() {
    emulator.putContact("CRM-1", Map.of());
    assertThatThrownBy(() -> Automation.named("X").id("not-a-uuid").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Automation.named("X").trigger("welcome", "Start")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Automation.named("X").field("a", FieldType.STRING).field("a", FieldType.URL).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Automation.named("X").field("with space", FieldType.STRING)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Automation.named("X").participationLimit(0).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> emulator.automations().finishRun("ac-none")).isInstanceOf(NoSuchElementException.class);
    emulator.campaigns().addCampaign(Campaign.named("A").encryptedId("a").trigger("t", "Start").build());
    assertThatThrownBy(() -> emulator.campaigns().addCampaign(Campaign.named("B").trigger("t", "Start").build()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> emulator.campaigns().finishParticipation("a", "CRM-1")).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> emulator.tags().tagContact("nobody", "Lead", null)).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> emulator.tags().addTag("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("finishRun ends a running run once; a second time is refused")
  void finish_run_in_process() {
    emulator.putContact("CRM-1", Map.of());
    emulator.automations().addAutomation(Automation.named("Welcome").id(ID).trigger(CODE, "Start").build());
    post("/automation/trigger/" + CODE, "{\"externalContactId\":\"CRM-1\"}");
    String runId = emulator.automations().runsOf("CRM-1").get(0).automationContactId();

    AutomationRun finished = emulator.automations().finishRun(runId);

    assertThat(finished.status()).isEqualTo(RunStatus.FINISHED);
    assertThat(finished.ended()).isEqualTo(START);
    assertThatThrownBy(() -> emulator.automations().finishRun(runId)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("DemoAutomations.seed: a triggerable journey with STRING/PRODUCTLIST/URL fields, a limited one, a draft, two campaigns")
  void demo_seed_works_over_http() {
    DemoAutomations.seed(emulator);
    emulator.putContact("CRM-1", Map.of());

    JsonNode list = get("/automation/list").json();
    Reply welcome =
        post(
            "/automation/trigger/" + DemoAutomations.WELCOME_TRIGGER_CODE,
            "{\"externalContactId\":\"CRM-1\",\"automationFields\":[{\"name\":\"invoiceEmail\",\"type\":\"STRING\",\"value\":\"jan@example.nl\"},"
                + "{\"name\":\"crosssell\",\"type\":\"PRODUCTLIST\",\"values\":[\"123\"]},"
                + "{\"name\":\"orderLink\",\"type\":\"URL\",\"value\":\"https://shop.example.nl/o/1\"}]}");
    Reply followUp = post("/automation/trigger/" + DemoAutomations.ORDER_FOLLOW_UP_TRIGGER_CODE, "{\"externalContactId\":\"CRM-1\"}");
    Reply followUpAgain = post("/automation/trigger/" + DemoAutomations.ORDER_FOLLOW_UP_TRIGGER_CODE, "{\"externalContactId\":\"CRM-1\"}");
    Reply draft = post("/automation/trigger/" + DemoAutomations.WIN_BACK_TRIGGER_CODE, "{\"externalContactId\":\"CRM-1\"}");
    Reply onboarding = post("/campaign/trigger/" + DemoAutomations.ONBOARDING_TRIGGER_ID, "{\"externalContactId\":\"CRM-1\"}");
    Reply sale = post("/campaign/trigger/" + DemoAutomations.SPRING_SALE_TRIGGER_ID, "{\"externalContactId\":\"CRM-1\"}");

    assertThat(list.findValuesAsText("id"))
        .containsExactly(
            DemoAutomations.WELCOME_AUTOMATION_ID, DemoAutomations.ORDER_FOLLOW_UP_AUTOMATION_ID, DemoAutomations.WIN_BACK_AUTOMATION_ID);
    assertThat(welcome.status()).isEqualTo(200);
    assertThat(followUp.status()).isEqualTo(200);
    assertThat(followUpAgain.json().path("automationResults").get(0).path("result").asText()).isEqualTo("PARTICIPATION_LIMIT_REACHED");
    assertThat(draft.json().path("automationResults").get(0).path("result").asText()).isEqualTo("AUTOMATION_INACTIVE");
    assertThat(onboarding.status()).isEqualTo(204);
    assertThat(sale.json().path("message").asText()).isEqualTo("Campaign inactive");
    assertThat(emulator.tags().all()).containsExactly("Lead", "Customer");
    assertThat(emulator.automations().runsOf("CRM-1")).hasSize(2);
    DemoAutomations.seed(emulator);
    assertThat(emulator.automations().all()).as("seeding twice replaces").hasSize(3);
    assertThat(emulator.campaigns().all()).hasSize(2);
  }

  @Test
  @DisplayName("The contact routes keep working next to the tag routes")
  void contact_routes_unchanged() {
    emulator.putContact("CRM-1", Map.of("firstName", "Jan"));

    assertThat(get("/contact/CRM-1").json().path("properties").path("firstName").asText()).isEqualTo("Jan");
    assertThat(get("/contact/CRM-1/mailings").status()).isEqualTo(200);
    assertThat(get("/contact/nobody/tag/list").status()).isEqualTo(404);
    assertThat(List.of(get("/contact/properties/list").status(), get("/tag/list").status())).containsOnly(200);
  }
}
