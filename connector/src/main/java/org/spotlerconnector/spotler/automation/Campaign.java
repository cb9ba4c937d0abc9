package org.spotlerconnector.spotler.automation;

import java.util.List;

/**
 * A legacy campaign from {@code GET /campaign/list}, with only its external triggers (spotler-api.md §3.3).
 *
 * @param encryptedId the id {@link MailPlusAutomation#stopCampaign} takes
 */
public record Campaign(String encryptedId, String name, boolean active, List<CampaignTrigger> triggers) {
  public Campaign {
    triggers = triggers == null ? List.of() : List.copyOf(triggers);
  }
}
