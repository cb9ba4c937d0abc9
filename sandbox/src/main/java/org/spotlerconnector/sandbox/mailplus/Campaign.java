package org.spotlerconnector.sandbox.mailplus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A legacy campaign: the spec's {@code Campaign {encryptedId, name, active, triggers}} (spotler-api.md §3.3). Only
 * external triggers are listed, as the real list shows only those.
 */
public record Campaign(String encryptedId, String name, boolean active, List<CampaignTrigger> triggers) {
  public Campaign {
    if (encryptedId == null || encryptedId.isEmpty()) {
      throw new IllegalArgumentException("a campaign needs an encryptedId");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a campaign needs a name");
    }
    triggers = List.copyOf(triggers);
    Set<String> ids = new HashSet<>();
    for (CampaignTrigger trigger : triggers) {
      if (!ids.add(trigger.encryptedId())) {
        throw new IllegalArgumentException("trigger ids are unique: " + trigger.encryptedId());
      }
    }
  }

  /** Starts an active campaign with a new encryptedId and no triggers. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  public boolean hasTrigger(String encryptedTriggerId) {
    return triggers.stream().anyMatch(t -> t.encryptedId().equals(encryptedTriggerId));
  }

  /** Builds a {@link Campaign}; the defaults are a new encryptedId and active. */
  public static final class Builder {
    private final String name;
    private final List<CampaignTrigger> triggers = new ArrayList<>();
    private String encryptedId = Ids.encrypted();
    private boolean active = true;

    private Builder(String name) {
      this.name = name;
    }

    public Builder encryptedId(String id) {
      this.encryptedId = id;
      return this;
    }

    public Builder active(boolean isActive) {
      this.active = isActive;
      return this;
    }

    public Builder trigger(String encryptedTriggerId, String triggerName) {
      triggers.add(new CampaignTrigger(encryptedTriggerId, triggerName));
      return this;
    }

    /** A trigger with a new encryptedId. */
    public Builder trigger(String triggerName) {
      return trigger(Ids.encrypted(), triggerName);
    }

    public Campaign build() {
      return new Campaign(encryptedId, name, active, triggers);
    }
  }
}
