package org.spotlerconnector.install;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.spotlerconnector.install.RolePrivilege.Access;
import org.spotlerconnector.install.RolePrivilege.Depth;

/**
 * The connector's tables, security roles and environment variables, as docs/dataverse-tables.md specifies them: the
 * one place that lists them. Names are built from the publisher's customisation prefix, choice values from its option
 * value prefix ({@code 10000} gives {@code 100000001}, …).
 */
public final class ConnectorTables {
  public static final String SPOTLER_JOB = "spotlerjob";
  public static final String SPOTLER_AUTOMATION = "spotlerautomation";
  public static final String SPOTLER_PERMISSION = "spotlerpermission";
  public static final String SPOTLER_INFO = "spotlerinfo";
  public static final String MARKETING_INTERACTION = "marketinginteraction";
  public static final String WEBSITE_VISITOR = "websitevisitor";
  /** The Yes/No column on the marketing list table ({@code list}) that marks a list for sync, without the prefix. */
  public static final String SYNC_TO_SPOTLER = "synctospotler";
  /** The job's lookup to the marketing list of a Sync Marketing List job, without the prefix. */
  public static final String MARKETING_LIST = "marketinglist";
  /** The job's audience name of an Add to List or Remove from List job, without the prefix. */
  public static final String AUDIENCE = "audience";
  /** The marketing list table, added by Dynamics 365 Sales and Marketing, absent from Power Apps alone. */
  public static final String LIST_TABLE = "list";
  /** The environment variable with the permissions pre-populated on new records, without the prefix. */
  public static final String PERMISSIONS_VARIABLE = "permissions";
  /** The environment variable with the pre-populated permissions that start enabled, without the prefix. */
  public static final String PERMISSIONS_ENABLED_BY_DEFAULT_VARIABLE = "permissions_enabled_by_default";

  private static final String AUTOMATION_TABLE = "SpotlerAutomation";
  private static final String JOB_TABLE = "SpotlerJob";
  private static final String PERMISSION_TABLE = "SpotlerPermission";
  private static final String INFO_TABLE = "SpotlerInfo";
  private static final String INTERACTION_TABLE = "MarketingInteraction";
  private static final String VISITOR_TABLE = "WebsiteVisitor";
  /** The schema names of the connector's tables without the prefix, in creation order. */
  private static final List<String> OWN_TABLES = List.of(
      AUTOMATION_TABLE, JOB_TABLE, PERMISSION_TABLE, INFO_TABLE, INTERACTION_TABLE, VISITOR_TABLE);
  private static final List<String> OPERATIONS = List.of(
      "Sync Contact", "Refresh Automations", "Start Automation", "Stop Automation", "Add Tag", "Remove Tag",
      "Set Score", "Increase Score", "Decrease Score", "Sync Marketing List", "Add to List", "Remove from List");
  private static final List<String> INTERACTION_TYPES = List.of("Sent", "Opened", "Clicked", "Bounced");
  private static final int ACTIVE = 0;
  private static final int INACTIVE = 1;

  private final String prefix;
  private final int optionBase;

  private ConnectorTables(String prefix, int optionValuePrefix) {
    if (!prefix.matches("[a-z][a-z0-9]{1,7}")) {
      throw new IllegalArgumentException("a customisation prefix is 2 to 8 lower-case letters or digits: " + prefix);
    }
    if (optionValuePrefix < 10_000 || optionValuePrefix > 99_999) {
      throw new IllegalArgumentException("an option value prefix is between 10000 and 99999: " + optionValuePrefix);
    }
    this.prefix = prefix;
    this.optionBase = optionValuePrefix * 10_000;
  }

  /** The tables in creation order: a table's lookup targets come before it. */
  public static List<TableSpec> definitions(String prefix, int optionValuePrefix) {
    ConnectorTables tables = new ConnectorTables(prefix, optionValuePrefix);
    return List.of(
        tables.automation(), tables.job(), tables.permission(), tables.info(), tables.interaction(),
        tables.websiteVisitor());
  }

  /** The columns added to tables the connector does not own: the marketing list's sync flag. */
  public static List<StandardTableColumn> standardTableColumns(String prefix, int optionValuePrefix) {
    ConnectorTables tables = new ConnectorTables(prefix, optionValuePrefix);
    return List.of(
        new StandardTableColumn(LIST_TABLE, new Column.YesNo(tables.name("SyncToSpotler"), "Sync to Spotler")));
  }

  public static List<EnvironmentVariable> environmentVariables(String prefix) {
    return List.of(
        new EnvironmentVariable(prefix + "_" + PERMISSIONS_VARIABLE, "Spotler permissions",
            "Semicolon list of the Spotler permissions pre-populated on new records (; disables it).", null),
        new EnvironmentVariable(prefix + "_" + PERMISSIONS_ENABLED_BY_DEFAULT_VARIABLE,
            "Spotler permissions enabled by default",
            "The Spotler permissions subscribed by default, or [All].", null));
  }

  /**
   * The roles and their privileges (docs/dataverse-tables.md, "Security roles"). A user works with their own jobs,
   * and may point a job at any customer, lead, marketing list or automation (a lookup needs Append on the job and
   * AppendTo on its target); the connector's application user sees and changes everything it syncs.
   */
  public static List<SecurityRole> roles(String prefix) {
    List<String> own = OWN_TABLES.stream().map(table -> prefix + "_" + table).toList();
    String job = prefix + "_" + JOB_TABLE;
    List<RolePrivilege> user = new ArrayList<>();
    own.forEach(table -> user.add(new RolePrivilege(Access.READ, table, Depth.GLOBAL)));
    Stream.of(Access.CREATE, Access.WRITE, Access.APPEND)
        .forEach(access -> user.add(new RolePrivilege(access, job, Depth.BASIC)));
    user.add(new RolePrivilege(Access.WRITE, prefix + "_" + PERMISSION_TABLE, Depth.GLOBAL));
    Stream.of("Contact", "Lead", "Account", "List", prefix + "_" + AUTOMATION_TABLE)
        .forEach(table -> user.add(new RolePrivilege(Access.APPEND_TO, table, Depth.GLOBAL)));

    List<RolePrivilege> service = new ArrayList<>();
    own.forEach(table -> Stream.of(Access.values())
        .forEach(access -> service.add(new RolePrivilege(access, table, Depth.GLOBAL))));
    Stream.of("Contact", "Lead", "Account", "List", "Campaign", "Post").forEach(table -> Stream.of(
            Access.READ, Access.WRITE, Access.CREATE, Access.APPEND, Access.APPEND_TO)
        .forEach(access -> service.add(new RolePrivilege(access, table, Depth.GLOBAL))));
    // the users table's privileges are named prvReadUser…, not after its schema name SystemUser
    Stream.of("User", "EnvironmentVariableDefinition", "EnvironmentVariableValue")
        .forEach(table -> service.add(new RolePrivilege(Access.READ, table, Depth.GLOBAL)));
    // the daily refresh writes the permissions variable's value row, which points at its definition
    Stream.of(Access.CREATE, Access.WRITE, Access.APPEND)
        .forEach(access -> service.add(new RolePrivilege(access, "EnvironmentVariableValue", Depth.GLOBAL)));
    service.add(new RolePrivilege(Access.APPEND_TO, "EnvironmentVariableDefinition", Depth.GLOBAL));

    return List.of(
        new SecurityRole("Spotler User",
            "Read the connector's tables; create Spotler Jobs and change one's own; change Spotler Permissions.",
            user),
        new SecurityRole("Spotler Service",
            "The connector's application user: full access to its tables; read and write contact, lead, account,"
                + " list, campaign and post; read users and environment variables; write environment variable"
                + " values.",
            service));
  }

  private TableSpec job() {
    Map<Integer, String> operations = new LinkedHashMap<>();
    for (int n = 1; n <= OPERATIONS.size(); n++) {
      operations.put(optionBase + n, OPERATIONS.get(n - 1));
    }
    return new TableSpec(name(JOB_TABLE), "Spotler Job", "Spotler Jobs",
        "A request from a CRM user to the connector, and its outcome.",
        text("Name", "Name", 200),
        List.of(
            new Column.Choice(name("Operation"), "Operation", true, operations),
            customer(SPOTLER_JOB),
            lead(SPOTLER_JOB),
            new Column.Lookup(name("Automation"), "Automation", List.of(prefix + "_" + SPOTLER_AUTOMATION),
                List.of(name(SPOTLER_AUTOMATION + "_" + SPOTLER_JOB + "_automation"))),
            new Column.Memo(name("AutomationFields"), "Automation Fields", 100_000),
            text("AutomationContactId", "Automation Contact Id", 4_000),
            text("Tag", "Tag", 1_000),
            new Column.Lookup(name("MarketingList"), "Marketing List", List.of(LIST_TABLE),
                List.of(name(LIST_TABLE + "_" + SPOTLER_JOB + "_" + MARKETING_LIST))),
            text("Audience", "Audience", 255),
            new Column.WholeNumber(name("Score"), "Score"),
            text("ResultCode", "Result Code", 100),
            new Column.Memo(name("ResultMessage"), "Result Message", 4_000),
            new Column.WholeNumber(name("Attempts"), "Attempts"),
            new Column.DateAndTime(name("StartedOn"), "Started On"),
            new Column.DateAndTime(name("CompletedOn"), "Completed On"),
            new Column.DateAndTime(name("NextAttemptOn"), "Next Attempt On")),
        List.of(
            new StatusReason(1, "Queued", ACTIVE, true),
            new StatusReason(optionBase + 1, "In Progress", ACTIVE, false),
            new StatusReason(2, "Completed", INACTIVE, true),
            new StatusReason(optionBase + 2, "Failed", INACTIVE, false),
            new StatusReason(optionBase + 3, "Cancelled", INACTIVE, false)),
        List.of());
  }

  private TableSpec automation() {
    return new TableSpec(name(AUTOMATION_TABLE), "Spotler Automation", "Spotler Automations",
        "A Spotler automation trigger or campaign trigger, filled by Refresh Automations.",
        text("Name", "Name", 300),
        List.of(
            new Column.Choice(name("Kind"), "Kind", false, kinds()),
            text("TriggerCode", "Trigger Code", 100),
            text("SpotlerId", "Spotler Id", 100),
            new Column.Memo(name("AutomationFields"), "Automation Fields", 10_000),
            new Column.YesNo(name("IsActive"), "Is Active")),
        builtInStatusReasons(),
        List.of(new AlternateKey(name("TriggerCode_Key"), "Trigger Code", List.of(prefix + "_triggercode"))));
  }

  private TableSpec permission() {
    return new TableSpec(name(PERMISSION_TABLE), "Spotler Permission", "Spotler Permissions",
        "A Spotler permission (bit) of a customer or lead.",
        text("Name", "Name", 200),
        List.of(
            customer(SPOTLER_PERMISSION),
            lead(SPOTLER_PERMISSION),
            new Column.WholeNumber(name("Bit"), "Bit"),
            new Column.YesNo(name("IsEnabled"), "Is Enabled")),
        builtInStatusReasons(),
        List.of(new AlternateKey(name("RecordBit_Key"), "Record and Bit",
            List.of(prefix + "_customer", prefix + "_lead", prefix + "_bit"))));
  }

  private TableSpec info() {
    return new TableSpec(name(INFO_TABLE), "Spotler Info", "Spotler Infos",
        "What the connector knows about a synced record in Spotler.",
        text("Name", "Name", 200),
        List.of(
            customer(SPOTLER_INFO),
            lead(SPOTLER_INFO),
            text("SpotlerId", "Spotler Id", 100),
            text("LastStatus", "Last Status", 100),
            new Column.DateAndTime(name("LastSyncedOn"), "Last Synced On"),
            new Column.YesNo(name("IsActive"), "Is Active"),
            new Column.Memo(name("LastError"), "Last Error", 4_000)),
        builtInStatusReasons(),
        List.of());
  }

  private TableSpec interaction() {
    Map<Integer, String> types = new LinkedHashMap<>();
    for (int n = 1; n <= INTERACTION_TYPES.size(); n++) {
      types.put(optionBase + n, INTERACTION_TYPES.get(n - 1));
    }
    return new TableSpec(name(INTERACTION_TABLE), "Marketing Interaction", "Marketing Interactions",
        "A mailing result: sent, opened, clicked or bounced.",
        text("Name", "Name", 200),
        List.of(
            customer(MARKETING_INTERACTION),
            lead(MARKETING_INTERACTION),
            new Column.Choice(name("Type"), "Type", false, types),
            text("MailingId", "Mailing Id", 100),
            new Column.DateAndTime(name("OccurredOn"), "Occurred On"),
            new Column.Text(name("Url"), "URL", 2_000, "Url")),
        builtInStatusReasons(),
        List.of());
  }

  private TableSpec websiteVisitor() {
    return new TableSpec(name(VISITOR_TABLE), "Website Visitor", "Website Visitors",
        "A company that visited the website.",
        text("Name", "Name", 200),
        List.of(
            text("Company", "Company", 200),
            new Column.WholeNumber(name("Visits"), "Visits"),
            new Column.WholeNumber(name("Score"), "Score"),
            customer(WEBSITE_VISITOR)),
        builtInStatusReasons(),
        List.of());
  }

  private Column.Lookup customer(String table) {
    return new Column.Lookup(name("Customer"), "Customer", List.of("account", "contact"),
        List.of(name(table + "_customer_account"), name(table + "_customer_contact")));
  }

  private Column.Lookup lead(String table) {
    return new Column.Lookup(name("Lead"), "Lead", List.of("lead"), List.of(name(table + "_lead")));
  }

  private Column.Text text(String schemaSuffix, String displayName, int maxLength) {
    return new Column.Text(name(schemaSuffix), displayName, maxLength, "Text");
  }

  private String name(String schemaSuffix) {
    return prefix + "_" + schemaSuffix;
  }

  private static Map<Integer, String> kinds() {
    Map<Integer, String> kinds = new LinkedHashMap<>();
    kinds.put(1, "Automation");
    kinds.put(2, "Campaign");
    return kinds;
  }

  private static List<StatusReason> builtInStatusReasons() {
    return List.of(new StatusReason(1, "Active", ACTIVE, true), new StatusReason(2, "Inactive", INACTIVE, true));
  }
}
