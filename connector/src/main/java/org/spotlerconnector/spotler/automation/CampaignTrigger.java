package org.spotlerconnector.spotler.automation;

/**
 * An external trigger of a legacy campaign.
 *
 * @param encryptedId the id {@link MailPlusAutomation#triggerCampaign} takes (not the campaign's id, spotler-api.md §8
 *     Q7)
 */
public record CampaignTrigger(String encryptedId, String name) {}
