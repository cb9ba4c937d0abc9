package org.spotlerconnector.sandbox.mailplus;

/** An external trigger of a legacy campaign: the spec's {@code CampaignTrigger {encryptedId, name}}. */
public record CampaignTrigger(String encryptedId, String name) {
  public CampaignTrigger {
    if (encryptedId == null || encryptedId.isEmpty() || name == null) {
      throw new IllegalArgumentException("a campaign trigger needs an encryptedId and a name");
    }
  }
}
