package org.spotlerconnector.spotler.automation;

/**
 * A field an automation's messages use as {@code [automationField:name]} (spotler-api.md §3.2).
 *
 * @param name unique within the automation, case-sensitive, without spaces
 * @param type {@code STRING} when Mail+ leaves it out, as documented
 */
public record AutomationFieldDefinition(String name, AutomationFieldType type) {
  public AutomationFieldDefinition {
    type = type == null ? AutomationFieldType.STRING : type;
  }
}
