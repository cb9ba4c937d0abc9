package org.spotlerconnector.sandbox.mailplus;

import java.time.Instant;
import java.util.List;

/**
 * A contact's way through a legacy campaign, started by a trigger; the API gives it no id (spotler-api.md §3.3).
 * {@code fields} are the {@code campaignFields} the trigger sent; {@code ended} is null while it runs.
 */
public record CampaignParticipation(
    String encryptedCampaignId,
    String encryptedTriggerId,
    String externalContactId,
    Instant started,
    RunStatus status,
    Instant ended,
    List<TriggerField> fields) {

  public CampaignParticipation {
    fields = List.copyOf(fields);
  }

  public boolean running() {
    return status == RunStatus.RUNNING;
  }

  CampaignParticipation ended(RunStatus endStatus, Instant at) {
    return new CampaignParticipation(
        encryptedCampaignId, encryptedTriggerId, externalContactId, started, endStatus, at, fields);
  }
}
