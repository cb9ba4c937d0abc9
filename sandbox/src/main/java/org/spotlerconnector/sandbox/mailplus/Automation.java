package org.spotlerconnector.sandbox.mailplus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An automation of the emulated account, as {@code GET /automation/list} shows it (ADR 0003), plus the participation
 * limit per contact that Mail+ lets a user set on it (null: no limit).
 */
public record Automation(
    String id,
    String name,
    AutomationStatus status,
    boolean published,
    List<AutomationTrigger> triggers,
    List<AutomationField> automationFields,
    Integer participationLimit) {

  public Automation {
    Objects.requireNonNull(id, "id");
    Ids.requireUuid(id, "an automation id");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an automation needs a name");
    }
    Objects.requireNonNull(status, "status");
    triggers = List.copyOf(triggers);
    automationFields = List.copyOf(automationFields);
    Set<String> fieldNames = new HashSet<>();
    for (AutomationField field : automationFields) {
      if (!fieldNames.add(field.name())) {
        throw new IllegalArgumentException("automation field names are unique per automation: " + field.name());
      }
    }
    if (participationLimit != null && participationLimit < 1) {
      throw new IllegalArgumentException("a participation limit is at least 1");
    }
  }

  /** Starts a final, published automation with a new id, no triggers, no fields and no limit. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /** Whether a trigger may start it: final and published. */
  public boolean active() {
    return status == AutomationStatus.FINAL && published;
  }

  public boolean hasTrigger(String code) {
    return triggers.stream().anyMatch(t -> t.code().equalsIgnoreCase(code));
  }

  /** Builds an {@link Automation}; the defaults are a new id, FINAL, published, no limit. */
  public static final class Builder {
    private final String name;
    private final List<AutomationTrigger> triggers = new ArrayList<>();
    private final List<AutomationField> fields = new ArrayList<>();
    private String id = UUID.randomUUID().toString();
    private AutomationStatus status = AutomationStatus.FINAL;
    private boolean published = true;
    private Integer participationLimit;

    private Builder(String name) {
      this.name = name;
    }

    public Builder id(String automationId) {
      this.id = automationId;
      return this;
    }

    public Builder draft() {
      this.status = AutomationStatus.DRAFT;
      return this;
    }

    public Builder status(AutomationStatus newStatus) {
      this.status = newStatus;
      return this;
    }

    public Builder published(boolean isPublished) {
      this.published = isPublished;
      return this;
    }

    public Builder trigger(String code, String label) {
      triggers.add(new AutomationTrigger(code, label));
      return this;
    }

    public Builder field(String fieldName, FieldType type) {
      fields.add(new AutomationField(fieldName, type));
      return this;
    }

    /** How often one contact may take part, counting finished and stopped runs too. */
    public Builder participationLimit(int limit) {
      this.participationLimit = limit;
      return this;
    }

    public Automation build() {
      return new Automation(id, name, status, published, triggers, fields, participationLimit);
    }
  }
}
