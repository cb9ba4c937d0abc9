package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The legacy {@code /campaign} resource of the 2022 Swagger spec (spotler-api.md §3.3). */
class MailPlusCampaignConformanceTest extends MailPlusHttpTest {
  static final String ONBOARDING = "c0a1b2c3d4e5f60718293a4b";
  static final String ONBOARDING_TRIGGER = "t0f1e2d3c4b5a69788796a5b";
  static final String ONBOARDING_SECOND_TRIGGER = "t0f1e2d3c4b5a69788796a5c";
  static final String SALE = "c1b2c3d4e5f60718293a4b5c";
  static final String SALE_TRIGGER = "t1e2d3c4b5a69788796a5b4c";

  @BeforeEach
  void arrangeCampaigns() {
    emulator.putContact("CRM-1", Map.of("email", "jan@example.nl"));
    emulator.putContact("CRM-2", Map.of("email", "piet@example.nl"));
    emulator.campaigns().addCampaign(
        Campaign.named("Onboarding")
            .encryptedId(ONBOARDING)
            .trigger(ONBOARDING_TRIGGER, "Start onboarding")
            .trigger(ONBOARDING_SECOND_TRIGGER, "Start onboarding from web")
            .build());
    emulator.campaigns().addCampaign(
        Campaign.named("Spring sale").encryptedId(SALE).active(false).trigger(SALE_TRIGGER, "Join sale").build());
  }

  private Reply trigger(String triggerId, String externalId) {
    return post("/campaign/trigger/" + triggerId, "{\"externalContactId\":\"" + externalId + "\"}");
  }

  private Reply stop(String campaignId, String externalId) {
    return post("/campaign/" + campaignId + "/stop", "{\"externalContactId\":\"" + externalId + "\"}");
  }

  @Test
  @DisplayName("Swagger externalCampaignTriggers: GET /campaign/list → [Campaign{encryptedId,name,active,triggers[{encryptedId,name}]}]")
  void lists_campaigns() {
    Reply reply = get("/campaign/list");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().toString())
        .isEqualTo(
            "[{\"encryptedId\":\"" + ONBOARDING + "\",\"name\":\"Onboarding\",\"active\":true,\"triggers\":["
                + "{\"encryptedId\":\"" + ONBOARDING_TRIGGER + "\",\"name\":\"Start onboarding\"},"
                + "{\"encryptedId\":\"" + ONBOARDING_SECOND_TRIGGER + "\",\"name\":\"Start onboarding from web\"}]},"
                + "{\"encryptedId\":\"" + SALE + "\",\"name\":\"Spring sale\",\"active\":false,\"triggers\":["
                + "{\"encryptedId\":\"" + SALE_TRIGGER + "\",\"name\":\"Join sale\"}]}]");
  }

  @Test
  @DisplayName("Swagger triggerCampaign: 204 without a body; the campaignFields are kept on the participation")
  void triggers_a_campaign() {
    Reply reply =
        post(
            "/campaign/trigger/" + ONBOARDING_TRIGGER,
            "{\"externalContactId\":\"CRM-1\",\"campaignFields\":["
                + "{\"name\":\"invoiceEmail\",\"type\":\"STRING\",\"value\":\"a@b.nl\"},"
                + "{\"name\":\"products\",\"type\":\"PRODUCTLIST\",\"values\":[\"SKU1\",\"SKU2\"]},"
                + "{\"name\":\"cta\",\"type\":\"URL\",\"value\":\"https://example.nl/x\"}]}");

    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.body()).isEmpty();
    CampaignParticipation participation = emulator.campaigns().participationsOf("CRM-1").get(0);
    assertThat(participation.encryptedCampaignId()).isEqualTo(ONBOARDING);
    assertThat(participation.encryptedTriggerId()).isEqualTo(ONBOARDING_TRIGGER);
    assertThat(participation.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(participation.fields())
        .containsExactly(
            new TriggerField("invoiceEmail", FieldType.STRING, "a@b.nl", null),
            new TriggerField("products", FieldType.PRODUCTLIST, null, List.of("SKU1", "SKU2")),
            new TriggerField("cta", FieldType.URL, "https://example.nl/x", null));
    assertThat(emulator.campaigns().triggerCalls()).extracting(TriggerCall::status).containsExactly(204);
  }

  @Test
  @DisplayName("Swagger triggerCampaign: 404 TRIGGER_NOTFOUND \"Trigger not found\"; the campaign's own id is not a trigger id (Q7)")
  void unknown_trigger_is_404() {
    for (String id : List.of("nope", ONBOARDING)) {
      Reply reply = trigger(id, "CRM-1");
      assertThat(reply.status()).as(id).isEqualTo(404);
      assertThat(reply.errorType()).as(id).isEqualTo("TRIGGER_NOTFOUND");
      assertThat(reply.json().path("message").asText()).isEqualTo("Trigger not found");
    }
    assertThat(emulator.campaigns().participations()).isEmpty();
  }

  @Test
  @DisplayName("Swagger triggerCampaign 400: Contact not found")
  void unknown_contact_is_400() {
    Reply reply = trigger(ONBOARDING_TRIGGER, "nobody");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("message").asText()).isEqualTo("Contact not found");
    assertThat(reply.errorType()).isEqualTo("CONTACT_NOT_FOUND");
  }

  @Test
  @DisplayName("Swagger triggerCampaign 400: Campaign inactive")
  void inactive_campaign_is_400() {
    Reply reply = trigger(SALE_TRIGGER, "CRM-1");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("message").asText()).isEqualTo("Campaign inactive");
    assertThat(emulator.campaigns().participations()).isEmpty();
  }

  @Test
  @DisplayName("Swagger triggerCampaign 400: Contact already active in campaign, also through its other trigger")
  void running_contact_is_400() {
    trigger(ONBOARDING_TRIGGER, "CRM-1");

    Reply again = trigger(ONBOARDING_SECOND_TRIGGER, "CRM-1");

    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().path("message").asText()).isEqualTo("Contact already active in campaign");
    assertThat(emulator.campaigns().participationsOf("CRM-1")).hasSize(1);
    assertThat(emulator.campaigns().triggerCalls()).hasSize(2);
  }

  @Test
  @DisplayName("Swagger triggerCampaign 400: Contact already in campaign, once it went through it")
  void finished_contact_is_400() {
    trigger(ONBOARDING_TRIGGER, "CRM-1");
    emulator.campaigns().finishParticipation(ONBOARDING, "CRM-1");

    Reply again = trigger(ONBOARDING_TRIGGER, "CRM-1");

    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().path("message").asText()).isEqualTo("Contact already in campaign");
  }

  @Test
  @DisplayName("Swagger CampaignField: name required, type STRING|PRODUCTLIST|URL, values for PRODUCTLIST, value otherwise (400)")
  void malformed_campaign_fields_are_400() {
    for (String fields :
        List.of(
            "[{\"type\":\"STRING\",\"value\":\"x\"}]",
            "[{\"name\":\"a\",\"type\":\"NUMBER\",\"value\":\"1\"}]",
            "[{\"name\":\"a\",\"type\":\"PRODUCTLIST\",\"value\":\"1\"}]",
            "[{\"name\":\"a\",\"values\":[\"1\"]}]",
            "[{\"name\":\"a\"}]",
            "{\"name\":\"a\"}")) {
      Reply reply = post("/campaign/trigger/" + ONBOARDING_TRIGGER, "{\"externalContactId\":\"CRM-1\",\"campaignFields\":" + fields + "}");
      assertThat(reply.status()).as(fields).isEqualTo(400);
      assertThat(reply.errorType()).as(fields).isEqualTo("INVALID_PARAMS");
    }
    assertThat(emulator.campaigns().participations()).isEmpty();
  }

  @Test
  @DisplayName("Swagger stopCampaign: stops the contact's participation (204), by the campaign's encryptedId (Q7)")
  void stops_a_participation() {
    trigger(ONBOARDING_TRIGGER, "CRM-1");
    trigger(ONBOARDING_TRIGGER, "CRM-2");

    Reply reply = stop(ONBOARDING, "CRM-1");

    assertThat(reply.status()).isEqualTo(204);
    assertThat(emulator.campaigns().participationsOf("CRM-1").get(0).status()).isEqualTo(RunStatus.STOPPED);
    assertThat(emulator.campaigns().participationsOf("CRM-2").get(0).status()).isEqualTo(RunStatus.RUNNING);
  }

  @Test
  @DisplayName("Swagger stopCampaign: 404 Campaign not found; 400 Contact not found / Campaign not triggered / Campaign already finished")
  void stop_refusals() {
    trigger(ONBOARDING_TRIGGER, "CRM-1");
    emulator.campaigns().finishParticipation(ONBOARDING, "CRM-1");

    Reply noCampaign = stop(ONBOARDING_TRIGGER, "CRM-1");
    Reply noContact = stop(ONBOARDING, "nobody");
    Reply notTriggered = stop(ONBOARDING, "CRM-2");
    Reply finished = stop(ONBOARDING, "CRM-1");

    assertThat(noCampaign.status()).isEqualTo(404);
    assertThat(noCampaign.errorType()).isEqualTo("CAMPAIGN_NOTFOUND");
    assertThat(noCampaign.json().path("message").asText()).isEqualTo("Campaign not found");
    assertThat(noContact.status()).isEqualTo(400);
    assertThat(noContact.json().path("message").asText()).isEqualTo("Contact not found");
    assertThat(notTriggered.status()).isEqualTo(400);
    assertThat(notTriggered.json().path("message").asText()).isEqualTo("Campaign not triggered");
    assertThat(finished.status()).isEqualTo(400);
    assertThat(finished.json().path("message").asText()).isEqualTo("Campaign already finished");
    stop(ONBOARDING, "CRM-1");
    assertThat(emulator.campaigns().participationsOf("CRM-1").get(0).status()).isEqualTo(RunStatus.FINISHED);
  }

  @Test
  @DisplayName("Swagger CampaignStopRequest: externalContactId is required (400 INVALID_PARAMS)")
  void stop_needs_a_contact() {
    Reply reply = post("/campaign/" + ONBOARDING + "/stop", "{}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorType()).isEqualTo("INVALID_PARAMS");
  }

  @Test
  @DisplayName("Swagger getCampaignMailings: 404 Campaign not found; a known campaign's list is empty (the sandbox sends no mail)")
  void campaign_mailings() {
    Reply known = get("/campaign/" + ONBOARDING + "/mailing");
    Reply unknown = get("/campaign/nope/mailing");

    assertThat(known.status()).isEqualTo(200);
    JsonNode body = known.json();
    assertThat(body.isArray()).isTrue();
    assertThat(body).isEmpty();
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorType()).isEqualTo("CAMPAIGN_NOTFOUND");
  }
}
