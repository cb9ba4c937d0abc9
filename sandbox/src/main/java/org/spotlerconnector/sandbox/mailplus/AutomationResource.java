package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The {@code /automation} resource: the spec's trigger call, extended with automation fields and the per-run id, and
 * the list and stop calls, all as ADR 0003 assumes them.
 */
final class AutomationResource {
  private final MailPlusAutomations automations;

  AutomationResource(MailPlusAutomations automations) {
    this.automations = automations;
  }

  /** Routes a path below {@code /automation}; literal segments win over ids, as in JAX-RS. */
  HttpResponse handle(HttpRequest request, List<String> segments) {
    String method = request.method();
    if (segments.size() == 2 && segments.get(1).equals("list")) {
      return Routes.only(method, "GET", this::list);
    }
    if (segments.size() == 3 && segments.get(1).equals("trigger")) {
      return Routes.only(method, "POST", () -> trigger(request, segments.get(2)));
    }
    if (segments.size() == 3 && segments.get(2).equals("stop")) {
      return Routes.only(method, "POST", () -> stopAll(request, segments.get(1)));
    }
    if (segments.size() == 4 && segments.get(1).equals("run") && segments.get(3).equals("stop")) {
      return Routes.only(method, "POST", () -> stopRun(segments.get(2)));
    }
    throw ContactResource.notFound();
  }

  /** {@code GET /automation/list}: every automation, drafts included, with triggers and fields. */
  private HttpResponse list() {
    ArrayNode array = Json.array();
    automations.all().forEach(a -> array.add(AutomationJson.automation(a)));
    return Routes.json(200, array);
  }

  /**
   * {@code POST /automation/trigger/{triggerCode}}: answers {@code ExternalTriggerValidationResult} with 200, 404 or
   * 417, or an {@code ErrorResponse} with 400 for a malformed body or unfit fields.
   */
  private HttpResponse trigger(HttpRequest request, String triggerCode) {
    TriggerRequest body;
    try {
      body = TriggerRequest.read(request, "automationFields");
    } catch (MailPlusException e) {
      automations.recordRefused(triggerCode, TriggerRequest.externalContactIdIfAny(request), e);
      throw e;
    }
    MailPlusAutomations.TriggerOutcome outcome = automations.trigger(triggerCode, body);
    ObjectNode answer = Json.object().put("result", outcome.result());
    if (!outcome.automationResults().isEmpty()) {
      ArrayNode results = answer.putArray("automationResults");
      for (MailPlusAutomations.AutomationResult result : outcome.automationResults()) {
        ObjectNode item = results.addObject().put("automationId", result.automationId()).put("result", result.result());
        if (result.automationContactId() != null) {
          item.put("automationContactId", result.automationContactId());
        }
      }
    }
    return Routes.json(outcome.status(), answer);
  }

  /** {@code POST /automation/{automationId}/stop} with {@code {"externalContactId": "..."}}: 204. */
  private HttpResponse stopAll(HttpRequest request, String automationId) {
    String externalContactId = TriggerRequest.externalContactId(ApiRequests.jsonObjectBody(request));
    automations.stopAll(automationId, externalContactId);
    return HttpResponse.empty(204);
  }

  /** {@code POST /automation/run/{automationContactId}/stop}: 204. */
  private HttpResponse stopRun(String automationContactId) {
    automations.stopRun(automationContactId);
    return HttpResponse.empty(204);
  }
}
