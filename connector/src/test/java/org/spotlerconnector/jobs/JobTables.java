package org.spotlerconnector.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spotlerconnector.sandbox.dataverse.ColumnDefinition;
import org.spotlerconnector.sandbox.dataverse.DataverseEmulator;
import org.spotlerconnector.sandbox.dataverse.LookupTarget;
import org.spotlerconnector.sandbox.dataverse.TableDefinition;

/**
 * The job and automation tables of docs/dataverse-tables.md (prefix {@code spot}, option prefix {@code 10000}), plus
 * the {@code post} table of dataverse-api.md §5.4, declared straight in the Dataverse emulator for the job tests.
 */
final class JobTables {
  static final JobSchema SCHEMA = JobSchema.defaults();

  private JobTables() {}

  static void addTo(DataverseEmulator dataverse) {
    dataverse.addTable(automationTable());
    dataverse.addTable(jobTable());
    dataverse.addTable(postTable());
  }

  static TableDefinition jobTable() {
    Map<Integer, String> operations = new LinkedHashMap<>();
    for (JobOperation operation : JobOperation.values()) {
      operations.put(SCHEMA.operationValue(operation), operation.label());
    }
    return TableDefinition.builder("spot_spotlerjob", "spot_spotlerjobs")
        .primaryName("spot_name")
        .userOwned()
        .changeTracking(true)
        .column(ColumnDefinition.string("spot_name", 200))
        .column(ColumnDefinition.choice("spot_operation", operations))
        .column(ColumnDefinition.lookup("spot_customer",
            LookupTarget.of("spot_customer_account", "account"), LookupTarget.of("spot_customer_contact", "contact")))
        .column(ColumnDefinition.lookup("spot_lead", LookupTarget.of("spot_lead", "lead")))
        .column(ColumnDefinition.lookup("spot_automation", LookupTarget.of("spot_automation", "spot_spotlerautomation")))
        .column(ColumnDefinition.memo("spot_automationfields", 100000))
        .column(ColumnDefinition.string("spot_automationcontactid", 4000))
        .column(ColumnDefinition.string("spot_tag", 1000))
        .column(ColumnDefinition.integer("spot_score"))
        .column(ColumnDefinition.string("spot_resultcode", 100))
        .column(ColumnDefinition.memo("spot_resultmessage", 4000))
        .column(ColumnDefinition.integer("spot_attempts"))
        .column(ColumnDefinition.dateTime("spot_startedon"))
        .column(ColumnDefinition.dateTime("spot_completedon"))
        .column(ColumnDefinition.dateTime("spot_nextattempton"))
        .column(ColumnDefinition.choice("statecode", Map.of(0, "Active", 1, "Inactive")))
        .column(ColumnDefinition.choice("statuscode", Map.of(
            1, "Queued", 100000001, "In Progress", 2, "Completed", 100000002, "Failed", 100000003, "Cancelled")))
        .status(1, 0)
        .status(100000001, 0)
        .status(2, 1)
        .status(100000002, 1)
        .status(100000003, 1)
        .build();
  }

  static TableDefinition automationTable() {
    return TableDefinition.builder("spot_spotlerautomation", "spot_spotlerautomations")
        .primaryName("spot_name")
        .userOwned()
        .changeTracking(true)
        .column(ColumnDefinition.string("spot_name", 300))
        .column(ColumnDefinition.choice("spot_kind", Map.of(1, "Automation", 2, "Campaign")))
        .column(ColumnDefinition.string("spot_triggercode", 100))
        .column(ColumnDefinition.string("spot_spotlerid", 100))
        .column(ColumnDefinition.memo("spot_automationfields", 10000))
        .column(ColumnDefinition.bool("spot_isactive", "Yes", "No"))
        .column(ColumnDefinition.choice("statecode", Map.of(0, "Active", 1, "Inactive")))
        .column(ColumnDefinition.choice("statuscode", Map.of(1, "Active", 2, "Inactive")))
        .status(1, 0)
        .status(2, 1)
        .alternateKey("spot_triggercode")
        .build();
  }

  static TableDefinition postTable() {
    return TableDefinition.builder("post", "posts")
        .primaryName("text")
        .column(ColumnDefinition.string("text", 2000))
        .column(ColumnDefinition.memo("largetext", 100000))
        .column(ColumnDefinition.choice("source", Map.of(1, "Auto Post", 2, "Manual Post", 3, "ActionHub Post")))
        .column(ColumnDefinition.choice("type", Map.of(7, "Status")))
        .column(ColumnDefinition.lookup("regardingobjectid",
            LookupTarget.of("regardingobjectid_contact", "contact"), LookupTarget.of("regardingobjectid_account", "account"),
            LookupTarget.of("regardingobjectid_lead", "lead")))
        .build();
  }
}
