package org.spotlerconnector.sandbox.mailplus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The legacy campaigns of the emulated account and who takes part (spotler-api.md §3.3): what the campaign trigger and
 * stop calls act on. A contact goes through a campaign once; every trigger call is recorded, whatever its outcome.
 *
 * <p>Thread-safe; each operation is atomic.
 */
public final class MailPlusCampaigns {
  private final Clock clock;
  private final Predicate<String> contactExists;
  private final Map<String, Campaign> campaigns = new LinkedHashMap<>();
  private final List<CampaignParticipation> participations = new ArrayList<>();
  private final List<TriggerCall> calls = new ArrayList<>();

  MailPlusCampaigns(Clock clock, Predicate<String> contactExists) {
    this.clock = clock;
    this.contactExists = contactExists;
  }

  /**
   * Adds a campaign, or replaces the one with the same encryptedId (participations stay).
   *
   * @throws IllegalArgumentException when one of its trigger ids belongs to another campaign
   */
  public Campaign addCampaign(Campaign campaign) {
    return addCampaigns(List.of(campaign)).get(0);
  }

  /**
   * Adds campaigns all or nothing, each replacing the one with the same encryptedId.
   *
   * @throws IllegalArgumentException when a trigger id would belong to two campaigns
   */
  public synchronized List<Campaign> addCampaigns(List<Campaign> added) {
    Map<String, String> campaignByTrigger = new HashMap<>();
    campaigns.values().forEach(c -> c.triggers().forEach(t -> campaignByTrigger.put(t.encryptedId(), c.encryptedId())));
    Set<String> addedIds = new HashSet<>();
    added.forEach(c -> addedIds.add(c.encryptedId()));
    campaignByTrigger.values().removeIf(addedIds::contains);
    for (Campaign campaign : added) {
      for (CampaignTrigger trigger : campaign.triggers()) {
        String owner = campaignByTrigger.putIfAbsent(trigger.encryptedId(), campaign.encryptedId());
        if (owner != null && !owner.equals(campaign.encryptedId())) {
          throw new IllegalArgumentException(
              "trigger " + trigger.encryptedId() + " already belongs to campaign " + owner);
        }
      }
    }
    added.forEach(c -> campaigns.put(c.encryptedId(), c));
    return List.copyOf(added);
  }

  public synchronized List<Campaign> all() {
    return List.copyOf(campaigns.values());
  }

  public synchronized Optional<Campaign> campaign(String encryptedId) {
    return Optional.ofNullable(campaigns.get(encryptedId));
  }

  /** Every participation, oldest first. */
  public synchronized List<CampaignParticipation> participations() {
    return List.copyOf(participations);
  }

  public synchronized List<CampaignParticipation> participationsOf(String externalContactId) {
    return participations.stream().filter(p -> p.externalContactId().equals(externalContactId)).toList();
  }

  /**
   * Lets a contact reach the end of a campaign.
   *
   * @throws NoSuchElementException when the contact is not running through that campaign
   */
  public synchronized CampaignParticipation finishParticipation(String encryptedCampaignId, String externalContactId) {
    int index =
        runningIndex(encryptedCampaignId, externalContactId)
            .orElseThrow(
                () -> new NoSuchElementException(externalContactId + " is not running through " + encryptedCampaignId));
    CampaignParticipation finished = participations.get(index).ended(RunStatus.FINISHED, clock.instant());
    participations.set(index, finished);
    return finished;
  }

  /** Every call of {@code POST /campaign/trigger/{encryptedTriggerId}}, in order, including refused ones. */
  public synchronized List<TriggerCall> triggerCalls() {
    return List.copyOf(calls);
  }

  // ---- the API operations ----

  /**
   * {@code POST /campaign/trigger/{encryptedTriggerId}}: 404 "Trigger not found", or 400 "Contact not found",
   * "Campaign inactive", "Contact already active in campaign", "Contact already in campaign".
   */
  synchronized void trigger(String encryptedTriggerId, TriggerRequest request) {
    String contact = request.externalContactId();
    try {
      Campaign campaign =
          campaignOfTrigger(encryptedTriggerId)
              .orElseThrow(() -> new MailPlusException(404, ErrorType.TRIGGER_NOTFOUND, "Trigger not found"));
      if (!contactExists.test(contact)) {
        throw new MailPlusException(400, ErrorType.CONTACT_NOT_FOUND, "Contact not found");
      }
      request.fields().forEach(TriggerFields::checkPresent);
      if (!campaign.active()) {
        throw new MailPlusException(400, ErrorType.INVALID_STATE, "Campaign inactive");
      }
      if (runningIndex(campaign.encryptedId(), contact).isPresent()) {
        throw new MailPlusException(400, ErrorType.INVALID_STATE, "Contact already active in campaign");
      }
      if (!participationsOf(campaign.encryptedId(), contact).isEmpty()) {
        throw new MailPlusException(400, ErrorType.INVALID_STATE, "Contact already in campaign");
      }
      Instant now = clock.instant();
      participations.add(
          new CampaignParticipation(
              campaign.encryptedId(), encryptedTriggerId, contact, now, RunStatus.RUNNING, null, request.fields()));
      calls.add(call(encryptedTriggerId, contact, 204, "OK"));
    } catch (MailPlusException e) {
      recordRefused(encryptedTriggerId, contact, e);
      throw e;
    }
  }

  /** Records a trigger call refused before it reached a campaign, such as one with a malformed body. */
  synchronized void recordRefused(String encryptedTriggerId, String externalContactId, MailPlusException refusal) {
    calls.add(call(encryptedTriggerId, externalContactId, refusal.status(), refusal.errorType().name()));
  }

  /**
   * {@code POST /campaign/{encryptedCampaignId}/stop}: 404 "Campaign not found", or 400 "Contact not found",
   * "Campaign not triggered", "Campaign already finished".
   */
  synchronized void stop(String encryptedCampaignId, String externalContactId) {
    if (!campaigns.containsKey(encryptedCampaignId)) {
      throw new MailPlusException(404, ErrorType.CAMPAIGN_NOTFOUND, "Campaign not found");
    }
    if (!contactExists.test(externalContactId)) {
      throw new MailPlusException(400, ErrorType.CONTACT_NOT_FOUND, "Contact not found");
    }
    if (participationsOf(encryptedCampaignId, externalContactId).isEmpty()) {
      throw new MailPlusException(400, ErrorType.INVALID_STATE, "Campaign not triggered");
    }
    int index =
        runningIndex(encryptedCampaignId, externalContactId)
            .orElseThrow(() -> new MailPlusException(400, ErrorType.INVALID_STATE, "Campaign already finished"));
    participations.set(index, participations.get(index).ended(RunStatus.STOPPED, clock.instant()));
  }

  synchronized void reset() {
    campaigns.clear();
    participations.clear();
    calls.clear();
  }

  // ---- internals ----

  private Optional<Campaign> campaignOfTrigger(String encryptedTriggerId) {
    return campaigns.values().stream().filter(c -> c.hasTrigger(encryptedTriggerId)).findFirst();
  }

  private List<CampaignParticipation> participationsOf(String encryptedCampaignId, String externalContactId) {
    return participations.stream().filter(p -> isOf(p, encryptedCampaignId, externalContactId)).toList();
  }

  private Optional<Integer> runningIndex(String encryptedCampaignId, String externalContactId) {
    for (int i = 0; i < participations.size(); i++) {
      CampaignParticipation p = participations.get(i);
      if (p.running() && isOf(p, encryptedCampaignId, externalContactId)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static boolean isOf(CampaignParticipation p, String encryptedCampaignId, String externalContactId) {
    return p.encryptedCampaignId().equals(encryptedCampaignId) && p.externalContactId().equals(externalContactId);
  }

  private TriggerCall call(String encryptedTriggerId, String externalContactId, int status, String result) {
    long sequence = calls.size() + 1L;
    return new TriggerCall(sequence, clock.instant(), encryptedTriggerId, externalContactId, status, result, List.of());
  }
}
