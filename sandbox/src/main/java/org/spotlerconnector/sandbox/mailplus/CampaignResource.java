package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The {@code /campaign} resource of the Swagger spec (spotler-api.md §3.3): list, trigger, stop and the campaign's
 * mailings, which are always empty as the sandbox sends no mail.
 */
final class CampaignResource {
  private final MailPlusCampaigns campaigns;

  CampaignResource(MailPlusCampaigns campaigns) {
    this.campaigns = campaigns;
  }

  /** Routes a path below {@code /campaign}; literal segments win over ids, as in JAX-RS. */
  HttpResponse handle(HttpRequest request, List<String> segments) {
    String method = request.method();
    if (segments.size() == 2 && segments.get(1).equals("list")) {
      return Routes.only(method, "GET", this::list);
    }
    if (segments.size() == 3 && segments.get(1).equals("trigger")) {
      return Routes.only(method, "POST", () -> trigger(request, segments.get(2)));
    }
    if (segments.size() == 3 && segments.get(2).equals("stop")) {
      return Routes.only(method, "POST", () -> stop(request, segments.get(1)));
    }
    if (segments.size() == 3 && segments.get(2).equals("mailing")) {
      return Routes.only(method, "GET", () -> mailings(segments.get(1)));
    }
    throw ContactResource.notFound();
  }

  /** externalCampaignTriggers: every campaign with its external triggers. */
  private HttpResponse list() {
    ArrayNode array = Json.array();
    campaigns.all().forEach(c -> array.add(CampaignJson.campaign(c)));
    return Routes.json(200, array);
  }

  /** triggerCampaign: {@code CampaignTriggerRequest}; 204, 404 "Trigger not found", 400 with the spec's messages. */
  private HttpResponse trigger(HttpRequest request, String encryptedTriggerId) {
    TriggerRequest body;
    try {
      body = TriggerRequest.read(request, "campaignFields");
    } catch (MailPlusException e) {
      campaigns.recordRefused(encryptedTriggerId, TriggerRequest.externalContactIdIfAny(request), e);
      throw e;
    }
    campaigns.trigger(encryptedTriggerId, body);
    return HttpResponse.empty(204);
  }

  /** stopCampaign: {@code CampaignStopRequest}; 204, 404 "Campaign not found", 400 with the spec's messages. */
  private HttpResponse stop(HttpRequest request, String encryptedCampaignId) {
    String externalContactId = TriggerRequest.externalContactId(ApiRequests.jsonObjectBody(request));
    campaigns.stop(encryptedCampaignId, externalContactId);
    return HttpResponse.empty(204);
  }

  /** getCampaignMailings: 404 "Campaign not found", else the campaign's mailings (none in the sandbox). */
  private HttpResponse mailings(String encryptedCampaignId) {
    campaigns
        .campaign(encryptedCampaignId)
        .orElseThrow(() -> new MailPlusException(404, ErrorType.CAMPAIGN_NOTFOUND, "Campaign not found"));
    return Routes.json(200, Json.array());
  }
}
