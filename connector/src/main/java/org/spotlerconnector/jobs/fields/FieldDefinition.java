package org.spotlerconnector.jobs.fields;

import java.util.Objects;

/**
 * An Automation Field that an automation accepts. Spotler keeps names unique per automation, case-sensitive and
 * without spaces (docs/adr/0003); a name that could not be written as {@code name=value} is refused here, because
 * the marketer could never fill it in.
 */
public record FieldDefinition(String name, FieldType type) {
  public FieldDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (name.isEmpty() || name.codePoints().anyMatch(FieldDefinition::breaksTheSyntax)) {
      throw new IllegalArgumentException(
          "automation field name '" + name + "' must be non-empty, without spaces, '=' or ';'");
    }
  }

  private static boolean breaksTheSyntax(int codePoint) {
    return Blanks.isBlank(codePoint) || Character.isISOControl(codePoint) || codePoint == '=' || codePoint == ';';
  }
}
