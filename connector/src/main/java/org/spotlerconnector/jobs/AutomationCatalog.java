package org.spotlerconnector.jobs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.ODataQuery;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.jobs.fields.AutomationFieldsTemplate;
import org.spotlerconnector.jobs.fields.FieldDefinition;
import org.spotlerconnector.jobs.fields.FieldType;
import org.spotlerconnector.spotler.automation.Automation;
import org.spotlerconnector.spotler.automation.AutomationFieldType;
import org.spotlerconnector.spotler.automation.AutomationTrigger;
import org.spotlerconnector.spotler.automation.Campaign;
import org.spotlerconnector.spotler.automation.CampaignTrigger;
import org.spotlerconnector.spotler.automation.MailPlusAutomation;

/**
 * Refresh Automations: one {@code <p>_spotlerautomation} row per external trigger of an automation (🚀) or a legacy
 * campaign (📢), upserted by trigger code; rows whose trigger left Spotler are deactivated, not deleted.
 */
final class AutomationCatalog {
  private static final int MAX_NAME = 300;

  private final DataverseClient dataverse;
  private final MailPlusAutomation spotler;
  private final JobSchema schema;

  AutomationCatalog(DataverseClient dataverse, MailPlusAutomation spotler, JobSchema schema) {
    this.dataverse = dataverse;
    this.spotler = spotler;
    this.schema = schema;
  }

  JobOutcome refresh() {
    Set<String> present = new HashSet<>();
    for (Automation automation : spotler.automations()) {
      String template = AutomationFieldsTemplate.prefill(definitions(automation));
      for (AutomationTrigger trigger : automation.triggers()) {
        upsert(trigger.code(), "🚀 " + automation.name() + " - " + trigger.label(), AutomationRow.KIND_AUTOMATION,
            automation.id(), template, automation.isTriggerable());
        present.add(trigger.code());
      }
    }
    int campaigns = 0;
    for (Campaign campaign : spotler.campaigns()) {
      for (CampaignTrigger trigger : campaign.triggers()) {
        upsert(trigger.encryptedId(), "📢 " + campaign.name() + " - " + trigger.name(), AutomationRow.KIND_CAMPAIGN,
            campaign.encryptedId(), "", campaign.active());
        present.add(trigger.encryptedId());
        campaigns++;
      }
    }
    int deactivated = deactivateAllBut(present);
    return JobOutcome.ok("Refreshed " + (present.size() - campaigns) + " automation trigger(s) and " + campaigns
        + " campaign trigger(s); deactivated " + deactivated + " that Spotler no longer has.");
  }

  private void upsert(String triggerCode, String name, int kind, String spotlerId, String fields, boolean active) {
    ObjectNode row = JsonNodeFactory.instance.objectNode()
        .put(schema.column("name"), name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME))
        .put(schema.column("kind"), kind)
        .put(schema.column("spotlerid"), spotlerId)
        .put(schema.column("automationfields"), fields)
        .put(schema.column("isactive"), active);
    dataverse.upsert(schema.automationEntitySet(), RecordKey.alternate(schema.column("triggercode"), triggerCode), row);
  }

  private int deactivateAllBut(Set<String> present) {
    String triggerCode = schema.column("triggercode");
    ODataQuery active = ODataQuery.of(schema.automationEntitySet())
        .select(schema.automationIdColumn(), triggerCode)
        .filter(schema.column("isactive") + " eq true");
    int[] deactivated = new int[1];
    dataverse.query(active).forEachPage(rows -> {
      for (ObjectNode row : rows) {
        if (!present.contains(row.path(triggerCode).asText())) {
          dataverse.update(schema.automationEntitySet(), RecordKey.id(row.path(schema.automationIdColumn()).asText()),
              JsonNodeFactory.instance.objectNode().put(schema.column("isactive"), false));
          deactivated[0]++;
        }
      }
    });
    return deactivated[0];
  }

  private static List<FieldDefinition> definitions(Automation automation) {
    return automation.automationFields().stream()
        .filter(f -> f.type() != AutomationFieldType.UNRECOGNIZED)
        .map(f -> new FieldDefinition(f.name(), FieldType.valueOf(f.type().name())))
        .toList();
  }
}
