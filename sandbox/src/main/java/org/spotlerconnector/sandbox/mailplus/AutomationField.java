package org.spotlerconnector.sandbox.mailplus;

import java.util.Objects;

/**
 * A personalisation field of an automation: unique per automation, case-sensitive, without spaces (ADR 0003, HC-af).
 */
public record AutomationField(String name, FieldType type) {
  public AutomationField {
    Objects.requireNonNull(type, "type");
    if (name == null || name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("an automation field name is not empty and has no spaces: '" + name + "'");
    }
  }
}
