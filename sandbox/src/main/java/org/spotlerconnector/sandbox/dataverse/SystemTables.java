package org.spotlerconnector.sandbox.dataverse;

import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.bool;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.choice;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.dateTime;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.guid;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.integer;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.lookup;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.memo;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.string;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform tables an installer works with besides the business tables (dataverse-api.md §7, §8): business units,
 * publishers and solutions, environment variables, security roles, and the registration of webhooks (service
 * endpoints, SDK messages, their filters and processing steps) with the system jobs that record asynchronous runs.
 * Column names, lengths, option values and relationship names follow the table reference pages of the Dataverse
 * documentation ({@code reference/entities/<table>}); only the columns an installer or a webhook needs are modelled.
 */
public final class SystemTables {
  static final String BUSINESS_UNIT = "businessunit";
  static final String PUBLISHER = "publisher";
  static final String SOLUTION = "solution";
  static final String VARIABLE_DEFINITION = "environmentvariabledefinition";
  static final String VARIABLE_VALUE = "environmentvariablevalue";
  static final String ROLE = "role";
  static final String PRIVILEGE = "privilege";
  static final String ROLE_PRIVILEGE = "roleprivileges";
  static final String SERVICE_ENDPOINT = "serviceendpoint";
  static final String SDK_MESSAGE = "sdkmessage";
  static final String SDK_MESSAGE_FILTER = "sdkmessagefilter";
  static final String STEP = "sdkmessageprocessingstep";
  static final String ASYNC_OPERATION = "asyncoperation";

  /** {@code serviceendpoint.contract} 8: a webhook. */
  static final int WEBHOOK_CONTRACT = 8;
  /** {@code sdkmessageprocessingstep.mode} 1: asynchronous. */
  static final int ASYNCHRONOUS = 1;

  private SystemTables() {}

  public static List<TableDefinition> all() {
    return List.of(
        businessUnit(), publisher(), solution(), environmentVariableDefinition(), environmentVariableValue(), role(),
        privilege(), rolePrivileges(), serviceEndpoint(), sdkMessage(), sdkMessageFilter(), sdkMessageProcessingStep(),
        asyncOperation());
  }

  public static TableDefinition businessUnit() {
    return TableDefinition.builder(BUSINESS_UNIT, "businessunits")
        .primaryName("name")
        .column(string("name", 160))
        .column(lookup("parentbusinessunitid",
            LookupTarget.of("parentbusinessunitid", BUSINESS_UNIT, "business_unit_parent_business_unit")))
        .column(bool("isdisabled", "Disabled", "Enabled"))
        .build();
  }

  public static TableDefinition publisher() {
    return TableDefinition.builder(PUBLISHER, "publishers")
        .primaryName("friendlyname")
        .column(string("friendlyname", 256))
        .column(string("uniquename", 256))
        .column(string("customizationprefix", 8))
        .column(integer("customizationoptionvalueprefix"))
        .column(memo("description", 2000))
        .column(string("emailaddress", 100))
        .column(string("supportingwebsiteurl", 200))
        .column(bool("isreadonly", "Yes", "No").readOnly())
        .build();
  }

  public static TableDefinition solution() {
    return TableDefinition.builder(SOLUTION, "solutions")
        .primaryName("friendlyname")
        .column(string("friendlyname", 256))
        .column(string("uniquename", 65))
        .column(string("version", 256))
        .column(memo("description", 2000))
        .column(lookup("publisherid", LookupTarget.of("publisherid", PUBLISHER, "publisher_solution")))
        .column(bool("ismanaged", "Managed", "Unmanaged").readOnly())
        .column(dateTime("installedon").readOnly())
        .build();
  }

  /** environmentvariabledefinition.md: {@code type} String 100000000 … Secret 100000005. */
  public static TableDefinition environmentVariableDefinition() {
    return activeInactive(TableDefinition.builder(VARIABLE_DEFINITION, "environmentvariabledefinitions")
            .primaryName("schemaname")
            .userOwned()
            .column(string("schemaname", 100))
            .column(string("displayname", 100))
            .column(memo("description", 2000))
            .column(memo("defaultvalue", 2000))
            .column(choice("type", options(
                100000000, "String", 100000001, "Number", 100000002, "Boolean", 100000003, "JSON",
                100000004, "Data source", 100000005, "Secret")))
            .column(bool("isrequired", "Yes", "No"))
            .column(memo("valueschema", 2000)))
        .build();
  }

  /** environmentvariablevalue.md: the lookup's navigation property is {@code EnvironmentVariableDefinitionId}. */
  public static TableDefinition environmentVariableValue() {
    return activeInactive(TableDefinition.builder(VARIABLE_VALUE, "environmentvariablevalues")
            .primaryName("schemaname")
            .userOwned()
            .column(string("schemaname", 100))
            .column(memo("value", 2000))
            .column(lookup("environmentvariabledefinitionid", LookupTarget.of(
                "EnvironmentVariableDefinitionId", VARIABLE_DEFINITION,
                "environmentvariabledefinition_environmentvariablevalue"))))
        .build();
  }

  public static TableDefinition role() {
    return TableDefinition.builder(ROLE, "roles")
        .primaryName("name")
        .column(string("name", 100))
        .column(lookup("businessunitid", LookupTarget.of("businessunitid", BUSINESS_UNIT, "business_unit_roles")))
        .column(memo("description", 2000))
        .column(bool("ismanaged", "Managed", "Unmanaged").readOnly())
        .build();
  }

  /** privilege.md: one row per table and access right, e.g. {@code prvCreatecontact}; {@code accessright} a flag. */
  public static TableDefinition privilege() {
    return TableDefinition.builder(PRIVILEGE, "privileges")
        .primaryName("name")
        .column(string("name", 100))
        .column(integer("accessright"))
        .column(bool("canbebasic", "Yes", "No"))
        .column(bool("canbelocal", "Yes", "No"))
        .column(bool("canbedeep", "Yes", "No"))
        .column(bool("canbeglobal", "Yes", "No"))
        .build();
  }

  /**
   * The privileges of roles, written by the {@code AddPrivilegesRole} action; {@code privilegedepthmask} is 1 Basic,
   * 2 Local, 4 Deep or 8 Global. An intersect table: {@code roleid} and {@code privilegeid} are plain Edm.Guid
   * properties, not lookups (Web API reference, roleprivileges EntityType: "no lookup properties").
   */
  public static TableDefinition rolePrivileges() {
    return TableDefinition.builder(ROLE_PRIVILEGE, "roleprivilegescollection")
        .primaryId("roleprivilegeid")
        .column(guid("roleid"))
        .column(guid("privilegeid"))
        .column(integer("privilegedepthmask"))
        .build();
  }

  /** serviceendpoint.md; {@code authvalue} can be written but never read back. */
  public static TableDefinition serviceEndpoint() {
    return TableDefinition.builder(SERVICE_ENDPOINT, "serviceendpoints")
        .primaryName("name")
        .column(string("name", 256))
        .column(string("description", 256))
        .column(string("url", 2000))
        .column(choice("contract", options(
            1, "OneWay", 2, "Queue", 3, "Rest", 4, "TwoWay", 5, "Topic", 6, "Queue (Persistent)", 7, "Event Hub",
            8, "Webhook", 9, "Event Grid", 10, "Managed Data Lake")))
        .column(choice("authtype", options(
            1, "ACS", 2, "SAS Key", 3, "SAS Token", 4, "Webhook Key", 5, "Http Header", 6, "Http Query String",
            7, "Connection String", 8, "Access Key")))
        .column(memo("authvalue", 2048))
        .column(choice("messageformat", options(1, "Binary XML", 2, "Json", 3, "Text XML")))
        .column(choice("connectionmode", options(1, "Normal", 2, "Federated")))
        .column(choice("userclaim", options(1, "None", 2, "UserId", 3, "UserInfo")))
        .writeOnly("authvalue")
        .build();
  }

  public static TableDefinition sdkMessage() {
    return TableDefinition.builder(SDK_MESSAGE, "sdkmessages")
        .primaryName("name")
        .column(string("name", 256))
        .column(string("categoryname", 25))
        .column(bool("isprivate", "Yes", "No"))
        .build();
  }

  /** sdkmessagefilter.md: {@code primaryobjecttypecode} is an EntityName column, read as a table's logical name. */
  public static TableDefinition sdkMessageFilter() {
    return TableDefinition.builder(SDK_MESSAGE_FILTER, "sdkmessagefilters")
        .primaryName("name")
        .column(string("name", 256))
        .column(lookup("sdkmessageid", LookupTarget.of("sdkmessageid", SDK_MESSAGE, "sdkmessageid_sdkmessagefilter")))
        .column(string("primaryobjecttypecode", 64))
        .column(string("secondaryobjecttypecode", 64))
        .column(bool("iscustomprocessingstepallowed", "Yes", "No"))
        .column(bool("isvisible", "Yes", "No"))
        .build();
  }

  /** sdkmessageprocessingstep.md. */
  public static TableDefinition sdkMessageProcessingStep() {
    return TableDefinition.builder(STEP, "sdkmessageprocessingsteps")
        .primaryName("name")
        .column(string("name", 256))
        .column(string("description", 256))
        .column(choice("stage", options(
            10, "Pre-validation", 20, "Pre-operation", 30, "Main Operation", 40, "Post-operation")))
        .column(choice("mode", options(0, "Synchronous", 1, "Asynchronous")))
        .column(integer("rank"))
        .column(choice("supporteddeployment", options(
            0, "Server Only", 1, "Microsoft Dynamics 365 Client for Outlook Only", 2, "Both")))
        .column(choice("invocationsource", options(-1, "Internal", 0, "Parent", 1, "Child")))
        .column(bool("asyncautodelete", "Yes", "No"))
        .column(string("filteringattributes", 100_000))
        .column(string("configuration", Integer.MAX_VALUE))
        .column(lookup("eventhandler",
            LookupTarget.of(
                "eventhandler_serviceendpoint", SERVICE_ENDPOINT, "serviceendpoint_sdkmessageprocessingstep"),
            LookupTarget.of("eventhandler_plugintype", "plugintype", "plugintype_sdkmessageprocessingstep")))
        .column(lookup("sdkmessageid",
            LookupTarget.of("sdkmessageid", SDK_MESSAGE, "sdkmessageid_sdkmessageprocessingstep")))
        .column(lookup("sdkmessagefilterid",
            LookupTarget.of("sdkmessagefilterid", SDK_MESSAGE_FILTER, "sdkmessagefilterid_sdkmessageprocessingstep")))
        .column(lookup("impersonatinguserid", LookupTarget.of("impersonatinguserid", "systemuser")))
        .column(choice(TableDefinition.STATE, options(0, "Enabled", 1, "Disabled")))
        .column(choice(TableDefinition.STATUS, options(1, "Enabled", 2, "Disabled")))
        .status(1, 0)
        .status(2, 1)
        .build();
  }

  /** asyncoperation.md: a system job; failed ones have statecode 3 (Completed) and statuscode 31 (Failed). */
  public static TableDefinition asyncOperation() {
    return TableDefinition.builder(ASYNC_OPERATION, "asyncoperations")
        .primaryName("name")
        .userOwned()
        .column(string("name", 256))
        .column(choice("operationtype", options(1, "System Event")))
        .column(string("messagename", 160))
        .column(string("primaryentitytype", 64))
        .column(memo("message", Integer.MAX_VALUE))
        .column(memo("friendlymessage", Integer.MAX_VALUE))
        .column(integer("errorcode"))
        .column(guid("correlationid"))
        .column(integer("depth"))
        .column(integer("retrycount"))
        .column(dateTime("startedon"))
        .column(dateTime("completedon"))
        .column(lookup("owningextensionid", LookupTarget.of(
            "owningextensionid", STEP, "sdkmessageprocessingstep_asyncoperation")))
        .column(choice(TableDefinition.STATE, options(0, "Ready", 1, "Suspended", 2, "Locked", 3, "Completed")))
        .column(choice(TableDefinition.STATUS, options(
            0, "Waiting For Resources", 10, "Waiting", 20, "In Progress", 21, "Pausing", 22, "Canceling",
            30, "Succeeded", 31, "Failed", 32, "Canceled")))
        .status(0, 0)
        .status(10, 1)
        .status(20, 2)
        .status(21, 2)
        .status(22, 2)
        .status(30, 3)
        .status(31, 3)
        .status(32, 3)
        .build();
  }

  private static TableDefinition.Builder activeInactive(TableDefinition.Builder b) {
    return b.column(choice(TableDefinition.STATE, options(0, "Active", 1, "Inactive")))
        .column(choice(TableDefinition.STATUS, options(1, "Active", 2, "Inactive")))
        .status(1, 0)
        .status(2, 1);
  }

  private static Map<Integer, String> options(Object... valueLabelPairs) {
    Map<Integer, String> options = new LinkedHashMap<>();
    for (int i = 0; i < valueLabelPairs.length; i += 2) {
      options.put((Integer) valueLabelPairs[i], (String) valueLabelPairs[i + 1]);
    }
    return options;
  }
}
