package org.spotlerconnector.sandbox.dataverse;

import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.bool;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.choice;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.dateOnly;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.guid;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.integer;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.lookup;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.memo;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.money;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The tables every environment starts with: {@code contact}, {@code lead}, {@code account}, {@code systemuser} and
 * {@code post} (timeline posts),
 * with the columns (names, lengths, option values) of the standard Dataverse tables that the connector touches.
 * All have change tracking enabled.
 */
public final class BuiltInTables {
  private static final String FULL_NAME = "fullname";

  private BuiltInTables() {}

  public static List<TableDefinition> all() {
    return List.of(contact(), lead(), account(), systemUser(), post());
  }

  public static TableDefinition contact() {
    TableDefinition.Builder b =
        TableDefinition.builder("contact", "contacts")
            .primaryName(FULL_NAME)
            .userOwned()
            .changeTracking(true)
            .column(string("firstname", 50))
            .column(string("middlename", 50))
            .column(string("lastname", 50))
            .column(string(FULL_NAME, 160).computedBy(BuiltInTables::fullName))
            .column(string("emailaddress1", 100))
            .column(string("emailaddress2", 100))
            .column(string("emailaddress3", 100))
            .column(string("telephone1", 50))
            .column(string("mobilephone", 50))
            .column(string("jobtitle", 100))
            .column(string("salutation", 100))
            .column(memo("description", 2000))
            .column(choice("gendercode", options(1, "Male", 2, "Female")))
            .column(dateOnly("birthdate"))
            .column(
                choice(
                    "preferredcontactmethodcode",
                    options(1, "Any", 2, "Email", 3, "Phone", 4, "Fax", 5, "Mail")))
            .column(
                lookup(
                    "parentcustomerid",
                    LookupTarget.of("parentcustomerid_account", "account"),
                    LookupTarget.of("parentcustomerid_contact", "contact")))
            .column(doNotAllow("donotemail"))
            .column(doNotAllow("donotbulkemail"))
            .column(doNotAllow("donotphone"))
            .column(doNotAllow("donotpostalmail"))
            .column(choice(TableDefinition.STATE, options(0, "Active", 1, "Inactive")))
            .column(choice(TableDefinition.STATUS, options(1, "Active", 2, "Inactive")))
            .status(1, 0)
            .status(2, 1);
    address(b);
    return b.build();
  }

  public static TableDefinition lead() {
    TableDefinition.Builder b =
        TableDefinition.builder("lead", "leads")
            .primaryName(FULL_NAME)
            .userOwned()
            .changeTracking(true)
            .column(string("subject", 300))
            .column(string("firstname", 50))
            .column(string("middlename", 50))
            .column(string("lastname", 50))
            .column(string(FULL_NAME, 160).computedBy(BuiltInTables::fullName))
            .column(string("companyname", 100))
            .column(string("jobtitle", 100))
            .column(string("emailaddress1", 100))
            .column(string("telephone1", 50))
            .column(string("mobilephone", 50))
            .column(string("websiteurl", 200))
            .column(memo("description", 2000))
            .column(
                choice(
                    "leadsourcecode",
                    options(
                        1, "Advertisement", 2, "Employee Referral", 3, "External Referral", 4, "Partner",
                        5, "Public Relations", 6, "Seminar", 7, "Trade Show", 8, "Web", 9, "Word of Mouth",
                        10, "Other")))
            .column(lookup("parentaccountid", LookupTarget.of("parentaccountid", "account")))
            .column(lookup("parentcontactid", LookupTarget.of("parentcontactid", "contact")))
            .column(doNotAllow("donotemail"))
            .column(doNotAllow("donotbulkemail"))
            .column(doNotAllow("donotphone"))
            .column(choice(TableDefinition.STATE, options(0, "Open", 1, "Qualified", 2, "Disqualified")))
            .column(
                choice(
                    TableDefinition.STATUS,
                    options(
                        1, "New", 2, "Contacted", 3, "Qualified", 4, "Lost", 5, "Cannot Contact",
                        6, "No Longer Interested", 7, "Canceled")))
            .status(1, 0)
            .status(2, 0)
            .status(3, 1)
            .status(4, 2)
            .status(5, 2)
            .status(6, 2)
            .status(7, 2);
    address(b);
    return b.build();
  }

  public static TableDefinition account() {
    TableDefinition.Builder b =
        TableDefinition.builder("account", "accounts")
            .primaryName("name")
            .userOwned()
            .changeTracking(true)
            .column(string("name", 160))
            .column(string("accountnumber", 20))
            .column(string("emailaddress1", 100))
            .column(string("telephone1", 50))
            .column(string("websiteurl", 200))
            .column(memo("description", 2000))
            .column(choice("industrycode", industries()))
            .column(lookup("primarycontactid", LookupTarget.of("primarycontactid", "contact")))
            .column(lookup("parentaccountid", LookupTarget.of("parentaccountid", "account")))
            .column(money("revenue"))
            .column(integer("numberofemployees"))
            .column(doNotAllow("donotemail"))
            .column(doNotAllow("donotbulkemail"))
            .column(doNotAllow("donotphone"))
            .column(choice(TableDefinition.STATE, options(0, "Active", 1, "Inactive")))
            .column(choice(TableDefinition.STATUS, options(1, "Active", 2, "Inactive")))
            .status(1, 0)
            .status(2, 1);
    address(b);
    return b.build();
  }

  /** Users; the emulator adds one application user per client id that calls it (firstname "#", as Dataverse does). */
  public static TableDefinition systemUser() {
    return TableDefinition.builder("systemuser", "systemusers")
        .primaryName(FULL_NAME)
        .changeTracking(true)
        .column(string("firstname", 64))
        .column(string("lastname", 64))
        .column(string(FULL_NAME, 200).computedBy(BuiltInTables::fullName))
        .column(string("domainname", 1024))
        .column(string("internalemailaddress", 100))
        .column(guid("applicationid"))
        .column(guid("azureactivedirectoryobjectid"))
        .column(bool("isdisabled", "Disabled", "Enabled"))
        .column(
            choice(
                "accessmode",
                options(0, "Read-Write", 1, "Administrative", 2, "Read", 3, "Support User", 4, "Non-interactive",
                    5, "Delegated Admin")))
        .build();
  }

  /** A timeline post (dataverse-api.md §5.4): text, source and type, regarding a contact, account or lead. */
  public static TableDefinition post() {
    return TableDefinition.builder("post", "posts")
        .primaryName("text")
        .changeTracking(false)
        .column(memo("text", 2000))
        .column(memo("largetext", 1_048_576))
        .column(choice("source", options(1, "Auto Post", 2, "Manual Post", 3, "ActionHub Post")))
        .column(choice("type", options(1, "Check-in", 2, "Idea", 3, "News", 4, "Private Message", 5, "Question",
            6, "Re-post", 7, "Status")))
        .column(
            lookup(
                "regardingobjectid",
                LookupTarget.of("regardingobjectid_contact", "contact"),
                LookupTarget.of("regardingobjectid_account", "account"),
                LookupTarget.of("regardingobjectid_lead", "lead")))
        .build();
  }

  private static void address(TableDefinition.Builder b) {
    b.column(string("address1_line1", 250))
        .column(string("address1_line2", 250))
        .column(string("address1_city", 80))
        .column(string("address1_postalcode", 20))
        .column(string("address1_stateorprovince", 50))
        .column(string("address1_country", 80));
  }

  private static ColumnDefinition doNotAllow(String logicalName) {
    return bool(logicalName, "Do Not Allow", "Allow");
  }

  /** Dataverse's default full name format: "First Last". */
  private static TextNode fullName(ObjectNode row) {
    String name =
        Stream.of(row.path("firstname").asText(""), row.path("lastname").asText(""))
            .filter(s -> !s.isBlank())
            .collect(Collectors.joining(" "));
    return name.isEmpty() ? null : TextNode.valueOf(name);
  }

  private static Map<Integer, String> options(Object... valueLabelPairs) {
    Map<Integer, String> options = new LinkedHashMap<>();
    for (int i = 0; i < valueLabelPairs.length; i += 2) {
      options.put((Integer) valueLabelPairs[i], (String) valueLabelPairs[i + 1]);
    }
    return options;
  }

  private static Map<Integer, String> industries() {
    String[] labels = {
      "Accounting", "Agriculture and Non-petrol Natural Resource Extraction", "Broadcasting Printing and Publishing",
      "Brokers", "Building Supply Retail", "Business Services", "Consulting", "Consumer Services",
      "Design, Direction and Creative Management", "Distributors, Dispatchers and Processors",
      "Doctor's Offices and Clinics", "Durable Manufacturing", "Eating and Drinking Places", "Entertainment Retail",
      "Equipment Rental and Leasing", "Financial", "Food and Tobacco Processing",
      "Inbound Capital Intensive Processing",
      "Inbound Repair and Services", "Insurance", "Legal Services", "Non-Durable Merchandise Retail",
      "Outbound Consumer Service", "Petrochemical Extraction and Distribution", "Service Retail", "SIG Affiliations",
      "Social Services", "Special Outbound Trade Contractors", "Specialty Realty", "Transportation",
      "Utility Creation and Distribution", "Vehicle Retail", "Wholesale"
    };
    Map<Integer, String> options = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i++) {
      options.put(i + 1, labels[i]);
    }
    return options;
  }
}
