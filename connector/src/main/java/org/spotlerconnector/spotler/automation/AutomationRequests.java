package org.spotlerconnector.spotler.automation;

import java.util.List;

/** The request and answer bodies of the automation, campaign, tag and score calls (ADR 0003, spotler-api.md §3.3). */
final class AutomationRequests {
  private AutomationRequests() {}

  /** {@code AutomationTriggerRequest} plus the assumed {@code automationFields}, left out when there are none. */
  record AutomationTriggerBody(String externalContactId, List<AutomationField> automationFields) {
    static AutomationTriggerBody of(String externalContactId, List<AutomationField> fields) {
      return new AutomationTriggerBody(externalContactId, fields.isEmpty() ? null : List.copyOf(fields));
    }
  }

  /** {@code CampaignTriggerRequest} (spotler-api.md §3.3). */
  record CampaignTriggerBody(String externalContactId, List<AutomationField> campaignFields) {
    static CampaignTriggerBody of(String externalContactId, List<AutomationField> fields) {
      return new CampaignTriggerBody(externalContactId, fields.isEmpty() ? null : List.copyOf(fields));
    }
  }

  /** The body of the stop calls: {@code CampaignStopRequest}, and its assumed twin for automations. */
  record ContactReference(String externalContactId) {}

  record TagName(String name) {}

  record Score(int score) {}

  record ScoreDelta(int delta) {}
}
