package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The inspection calls for automations, campaigns and tags (no signature needed):
 *
 * <ul>
 *   <li>{@code GET /_sandbox/automations}; {@code POST} with one automation or an array, in the list's shape plus
 *       {@code participationLimit} (all or nothing; an existing id is replaced)
 *   <li>{@code GET /_sandbox/runs[?externalContactId=...]}; {@code POST /_sandbox/runs/{automationContactId}/finish}
 *       lets a run end as a contact that went through every step
 *   <li>{@code GET /_sandbox/trigger-calls}: every automation and campaign trigger call, refused ones included
 *   <li>{@code GET /_sandbox/campaigns} (with their participations); {@code POST} with one campaign or an array
 *   <li>{@code GET /_sandbox/tags}: the account's tags and every contact's tags with scores
 * </ul>
 */
final class AutomationInspection {
  private static final String RUN_PREFIX = "/_sandbox/runs/";
  private static final String FINISH_SUFFIX = "/finish";

  private final MailPlusAutomations automations;
  private final MailPlusCampaigns campaigns;
  private final MailPlusTags tags;

  AutomationInspection(MailPlusAutomations automations, MailPlusCampaigns campaigns, MailPlusTags tags) {
    this.automations = automations;
    this.campaigns = campaigns;
    this.tags = tags;
  }

  Optional<HttpResponse> handle(HttpRequest request) {
    String path = request.path();
    String method = request.method();
    if (method.equals("POST") && path.startsWith(RUN_PREFIX) && path.endsWith(FINISH_SUFFIX)) {
      return Optional.of(finish(path.substring(RUN_PREFIX.length(), path.length() - FINISH_SUFFIX.length())));
    }
    return switch (path + " " + method) {
      case "/_sandbox/automations GET" -> Optional.of(automationsJson());
      case "/_sandbox/automations POST" -> Optional.of(addAutomations(request));
      case "/_sandbox/runs GET" -> Optional.of(runs(request));
      case "/_sandbox/trigger-calls GET" -> Optional.of(triggerCalls());
      case "/_sandbox/campaigns GET" -> Optional.of(campaignsJson());
      case "/_sandbox/campaigns POST" -> Optional.of(addCampaigns(request));
      case "/_sandbox/tags GET" -> Optional.of(tagsJson());
      default -> Optional.empty();
    };
  }

  private HttpResponse automationsJson() {
    ArrayNode array = Json.array();
    automations.all().forEach(a -> array.add(AutomationJson.inspected(a)));
    return HttpResponse.json(200, array);
  }

  private HttpResponse addAutomations(HttpRequest request) {
    List<Automation> read = readAll(request.bodyJson(), AutomationJson::read);
    ArrayNode added = Json.array();
    read.forEach(a -> added.add(AutomationJson.inspected(automations.addAutomation(a))));
    return HttpResponse.json(200, added);
  }

  private HttpResponse runs(HttpRequest request) {
    Optional<String> contact = request.queryParameter("externalContactId");
    List<AutomationRun> runs = contact.map(automations::runsOf).orElseGet(automations::runs);
    ArrayNode array = Json.array();
    runs.forEach(r -> array.add(AutomationJson.run(r)));
    return HttpResponse.json(200, array);
  }

  private HttpResponse finish(String automationContactId) {
    try {
      return HttpResponse.json(200, AutomationJson.run(automations.finishRun(automationContactId)));
    } catch (NoSuchElementException e) {
      return HttpResponse.json(404, Map.of("error", e.getMessage()));
    } catch (IllegalStateException e) {
      return HttpResponse.json(409, Map.of("error", e.getMessage()));
    }
  }

  private HttpResponse triggerCalls() {
    ObjectNode node = Json.object();
    ArrayNode automation = node.putArray("automation");
    automations.triggerCalls().forEach(c -> automation.add(AutomationJson.triggerCall(c)));
    ArrayNode campaign = node.putArray("campaign");
    campaigns.triggerCalls().forEach(c -> campaign.add(AutomationJson.triggerCall(c)));
    return HttpResponse.json(200, node);
  }

  private HttpResponse campaignsJson() {
    ArrayNode array = Json.array();
    List<CampaignParticipation> participations = campaigns.participations();
    for (Campaign campaign : campaigns.all()) {
      ObjectNode node = CampaignJson.campaign(campaign);
      ArrayNode own = node.putArray("participations");
      participations.stream()
          .filter(p -> p.encryptedCampaignId().equals(campaign.encryptedId()))
          .forEach(p -> own.add(CampaignJson.participation(p)));
      array.add(node);
    }
    return HttpResponse.json(200, array);
  }

  private HttpResponse addCampaigns(HttpRequest request) {
    List<Campaign> read = readAll(request.bodyJson(), CampaignJson::read);
    ArrayNode added = Json.array();
    campaigns.addCampaigns(read).forEach(c -> added.add(CampaignJson.campaign(c)));
    return HttpResponse.json(200, added);
  }

  private HttpResponse tagsJson() {
    ObjectNode node = Json.object();
    ArrayNode names = node.putArray("tags");
    tags.all().forEach(names::add);
    ObjectNode contacts = node.putObject("contacts");
    tags.tagsByContact()
        .forEach(
            (externalId, contactTags) -> {
              ArrayNode list = contacts.putArray(externalId);
              contactTags.forEach(t -> list.addObject().put("name", t.name()).put("score", t.score()));
            });
    return HttpResponse.json(200, node);
  }

  /** One object or an array of them, all read before any is used. */
  private static <T> List<T> readAll(JsonNode body, Function<JsonNode, T> reader) {
    List<T> read = new ArrayList<>();
    if (body.isArray()) {
      body.forEach(node -> read.add(reader.apply(node)));
    } else {
      read.add(reader.apply(body));
    }
    return read;
  }
}
