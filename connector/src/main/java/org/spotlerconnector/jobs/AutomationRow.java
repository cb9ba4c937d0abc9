package org.spotlerconnector.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A row of {@code <p>_spotlerautomation}: one external trigger of an automation or of a legacy campaign.
 *
 * @param triggerCode the automation's trigger code, or the campaign trigger's encrypted id
 * @param spotlerId the automation id, or the campaign's encrypted id (what a stop takes)
 */
record AutomationRow(String id, String name, boolean campaign, String triggerCode, String spotlerId) {
  static final int KIND_AUTOMATION = 1;
  static final int KIND_CAMPAIGN = 2;

  static AutomationRow fromRow(ObjectNode row, JobSchema schema) {
    return new AutomationRow(
        row.path(schema.automationIdColumn()).asText(),
        row.path(schema.column("name")).asText(""),
        row.path(schema.column("kind")).asInt(KIND_AUTOMATION) == KIND_CAMPAIGN,
        row.path(schema.column("triggercode")).asText(""),
        row.path(schema.column("spotlerid")).asText(""));
  }

  static String[] columns(JobSchema schema) {
    return new String[] {
      schema.automationIdColumn(), schema.column("name"), schema.column("kind"), schema.column("triggercode"),
      schema.column("spotlerid")
    };
  }
}
