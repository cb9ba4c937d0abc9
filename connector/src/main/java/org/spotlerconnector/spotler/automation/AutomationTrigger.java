package org.spotlerconnector.spotler.automation;

/**
 * An external trigger of an automation.
 *
 * @param code the UUID that {@link MailPlusAutomation#trigger} takes
 */
public record AutomationTrigger(String code, String label) {}
