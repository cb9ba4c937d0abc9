package org.spotlerconnector.sandbox.dataverse.metadata;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the table model does not hold but the definitions of Dataverse's standard tables publish: schema names
 * ({@code EMailAddress1}), English display names, object type codes, ownership and required levels, taken from the
 * table and column reference pages of the Dataverse documentation (e.g. {@code reference/entities/contact}).
 * Tables and columns added at run time are custom: their names come from their logical names.
 */
final class StandardNames {

  /** The names and codes of a standard table. */
  record Table(String schemaName, String displayName, String displayCollectionName, int objectTypeCode,
      String ownershipType) {}

  /** The names of a standard column. */
  record Column(String schemaName, String displayName) {}

  private static final Map<String, Table> TABLES =
      Map.ofEntries(
          Map.entry("account", new Table("Account", "Account", "Accounts", 1, "UserOwned")),
          Map.entry("contact", new Table("Contact", "Contact", "Contacts", 2, "UserOwned")),
          Map.entry("lead", new Table("Lead", "Lead", "Leads", 4, "UserOwned")),
          Map.entry("systemuser", new Table("SystemUser", "User", "Users", 8, "BusinessOwned")),
          Map.entry("post", new Table("Post", "Post", "Posts", 8000, "OrganizationOwned")),
          Map.entry("businessunit", new Table("BusinessUnit", "Business Unit", "Business Units", 10,
              "BusinessOwned")),
          Map.entry("publisher", new Table("Publisher", "Publisher", "Publishers", 7101, "OrganizationOwned")),
          Map.entry("solution", new Table("Solution", "Solution", "Solutions", 7100, "OrganizationOwned")),
          Map.entry("environmentvariabledefinition", new Table("EnvironmentVariableDefinition",
              "Environment Variable Definition", "Environment Variable Definitions", 380, "UserOwned")),
          Map.entry("environmentvariablevalue", new Table("EnvironmentVariableValue", "Environment Variable Value",
              "Environment Variable Values", 381, "UserOwned")),
          Map.entry("role", new Table("Role", "Security Role", "Security Roles", 1036, "BusinessOwned")),
          Map.entry("serviceendpoint", new Table("ServiceEndpoint", "Service Endpoint", "Service Endpoints", 4618,
              "OrganizationOwned")),
          Map.entry("sdkmessage", new Table("SdkMessage", "Sdk Message", "Sdk Messages", 4606,
              "OrganizationOwned")),
          Map.entry("sdkmessagefilter", new Table("SdkMessageFilter", "Sdk Message Filter", "Sdk Message Filters",
              4607, "OrganizationOwned")),
          Map.entry("sdkmessageprocessingstep", new Table("SdkMessageProcessingStep", "Sdk Message Processing Step",
              "Sdk Message Processing Steps", 4608, "OrganizationOwned")),
          Map.entry("asyncoperation", new Table("AsyncOperation", "System Job", "System Jobs", 4700,
              "UserOwned")),
          Map.entry("list", new Table("List", "Marketing List", "Marketing Lists", 4300, "UserOwned")),
          Map.entry("listmember", new Table("ListMember", "Marketing List Member", "Marketing List Members", 4301,
              "None")));

  private static final Map<String, Column> COLUMNS = new HashMap<>();

  /** Columns that must have a value: {@code <table>.<column>} or just the column for every table. */
  private static final Map<String, String> REQUIRED_LEVELS =
      Map.ofEntries(
          Map.entry("ownerid", "SystemRequired"),
          Map.entry("statecode", "SystemRequired"),
          Map.entry("contact.lastname", "ApplicationRequired"),
          Map.entry("lead.lastname", "ApplicationRequired"),
          Map.entry("lead.subject", "ApplicationRequired"),
          Map.entry("account.name", "ApplicationRequired"),
          Map.entry("systemuser.domainname", "SystemRequired"),
          Map.entry("list.listname", "SystemRequired"),
          Map.entry("list.type", "SystemRequired"),
          Map.entry("list.createdfromcode", "SystemRequired"),
          Map.entry("listmember.listid", "SystemRequired"),
          Map.entry("listmember.entityid", "SystemRequired"));

  /** Columns whose display name differs from table to table. */
  private static final Map<String, Column> TABLE_COLUMNS =
      Map.ofEntries(
          Map.entry("contact.contactid", new Column("ContactId", "Contact")),
          Map.entry("lead.leadid", new Column("LeadId", "Lead")),
          Map.entry("account.accountid", new Column("AccountId", "Account")),
          Map.entry("systemuser.systemuserid", new Column("SystemUserId", "User")),
          Map.entry("account.telephone1", new Column("Telephone1", "Main Phone")),
          Map.entry("lead.parentaccountid", new Column("ParentAccountId", "Parent Account for lead")),
          Map.entry("lead.parentcontactid", new Column("ParentContactId", "Parent Contact for lead")),
          Map.entry("lead.companyname", new Column("CompanyName", "Company Name")),
          Map.entry("account.parentaccountid", new Column("ParentAccountId", "Parent Account")),
          Map.entry("list.listid", new Column("ListId", "List")),
          Map.entry("list.description", new Column("Description", "Description")),
          Map.entry("listmember.listid", new Column("ListId", "Marketing List")),
          Map.entry("listmember.name", new Column("Name", "name")));

  static {
    column("firstname", "FirstName", "First Name");
    column("middlename", "MiddleName", "Middle Name");
    column("lastname", "LastName", "Last Name");
    column("fullname", "FullName", "Full Name");
    column("emailaddress1", "EMailAddress1", "Email");
    column("emailaddress2", "EMailAddress2", "Email Address 2");
    column("emailaddress3", "EMailAddress3", "Email Address 3");
    column("telephone1", "Telephone1", "Business Phone");
    column("mobilephone", "MobilePhone", "Mobile Phone");
    column("jobtitle", "JobTitle", "Job Title");
    column("salutation", "Salutation", "Salutation");
    column("description", "Description", "Description");
    column("gendercode", "GenderCode", "Gender");
    column("birthdate", "BirthDate", "Birthday");
    column("preferredcontactmethodcode", "PreferredContactMethodCode", "Preferred Method of Contact");
    column("parentcustomerid", "ParentCustomerId", "Company Name");
    column("parentcustomeridtype", "ParentCustomerIdType", "Parent Customer Type");
    column("donotemail", "DoNotEMail", "Do not allow Emails");
    column("donotbulkemail", "DoNotBulkEMail", "Do not allow Bulk Emails");
    column("donotphone", "DoNotPhone", "Do not allow Phone Calls");
    column("donotpostalmail", "DoNotPostalMail", "Do not allow Mails");
    column("statecode", "StateCode", "Status");
    column("statuscode", "StatusCode", "Status Reason");
    column("address1_line1", "Address1_Line1", "Address 1: Street 1");
    column("address1_line2", "Address1_Line2", "Address 1: Street 2");
    column("address1_city", "Address1_City", "Address 1: City");
    column("address1_postalcode", "Address1_PostalCode", "Address 1: ZIP/Postal Code");
    column("address1_stateorprovince", "Address1_StateOrProvince", "Address 1: State/Province");
    column("address1_country", "Address1_Country", "Address 1: Country/Region");
    column("subject", "Subject", "Topic");
    column("companyname", "CompanyName", "Company Name");
    column("websiteurl", "WebSiteUrl", "Website");
    column("leadsourcecode", "LeadSourceCode", "Lead Source");
    column("parentaccountid", "ParentAccountId", "Parent Account");
    column("parentcontactid", "ParentContactId", "Parent Contact");
    column("name", "Name", "Account Name");
    column("accountnumber", "AccountNumber", "Account Number");
    column("industrycode", "IndustryCode", "Industry");
    column("primarycontactid", "PrimaryContactId", "Primary Contact");
    column("revenue", "Revenue", "Annual Revenue");
    column("numberofemployees", "NumberOfEmployees", "Number of Employees");
    column("domainname", "DomainName", "User Name");
    column("internalemailaddress", "InternalEMailAddress", "Primary Email");
    column("applicationid", "ApplicationId", "Application ID");
    column("azureactivedirectoryobjectid", "AzureActiveDirectoryObjectId", "Azure AD Object ID");
    column("isdisabled", "IsDisabled", "Status");
    column("accessmode", "AccessMode", "Access Mode");
    column("createdon", "CreatedOn", "Created On");
    column("modifiedon", "ModifiedOn", "Modified On");
    column("versionnumber", "VersionNumber", "Version Number");
    column("createdby", "CreatedBy", "Created By");
    column("modifiedby", "ModifiedBy", "Modified By");
    column("ownerid", "OwnerId", "Owner");
    column("owneridtype", "OwnerIdType", "Owner Type");
    column("uniquename", "UniqueName", "Name");
    column("friendlyname", "FriendlyName", "Display Name");
    column("customizationprefix", "CustomizationPrefix", "Prefix");
    column("customizationoptionvalueprefix", "CustomizationOptionValuePrefix", "Option Value Prefix");
    column("version", "Version", "Version");
    column("publisherid", "PublisherId", "Publisher");
    column("schemaname", "SchemaName", "Schema Name");
    column("displayname", "DisplayName", "Display Name");
    column("defaultvalue", "DefaultValue", "Default Value");
    column("type", "Type", "Type");
    column("value", "Value", "Value");
    column("environmentvariabledefinitionid", "EnvironmentVariableDefinitionId", "Environment Variable Definition");
    column("businessunitid", "BusinessUnitId", "Business Unit");
    column("url", "Url", "Url");
    column("contract", "Contract", "Designation");
    column("authtype", "AuthType", "Specifies mode of authentication with SB");
    column("authvalue", "AuthValue", "AuthValue");
    column("messageformat", "MessageFormat", "Content type of the message");
    column("stage", "Stage", "Execution Stage");
    column("mode", "Mode", "Execution Mode");
    column("rank", "Rank", "Execution Order");
    column("filteringattributes", "FilteringAttributes", "Filtering Attributes");
    column("eventhandler", "EventHandler", "Event Handler");
    column("sdkmessageid", "SdkMessageId", "SDK Message");
    column("sdkmessagefilterid", "SdkMessageFilterId", "SdkMessage Filter");
    column("primaryobjecttypecode", "PrimaryObjectTypeCode", "Primary Object Type Code");
    column("asyncautodelete", "AsyncAutoDelete", "Asynchronous Automatic Delete");
    column("owningextensionid", "OwningExtensionId", "Owning Extension");
    column("listname", "ListName", "Name");
    column("createdfromcode", "CreatedFromCode", "Marketing List Member Type");
    column("query", "Query", "Query");
    column("membercount", "MemberCount", "Members Count");
    column("lockstatus", "LockStatus", "Locked");
    column("donotsendonoptout", "DoNotSendOnOptOut", "Exclude Members Who Opt Out");
    column("ignoreinactivelistmembers", "IgnoreInactiveListMembers", "Ignore Inactive List Members");
    column("purpose", "Purpose", "Purpose");
    column("source", "Source", "Source");
    column("cost", "Cost", "Cost");
    column("listmemberid", "ListMemberId", "");
    column("entityid", "EntityId", "Entity");
    column("entitytype", "EntityType", "");
  }

  private static final Set<String> EMAIL_COLUMNS =
      Set.of("emailaddress1", "emailaddress2", "emailaddress3", "internalemailaddress");
  private static final Set<String> PHONE_COLUMNS = Set.of("telephone1", "mobilephone");
  private static final Set<String> URL_COLUMNS = Set.of("websiteurl");

  private StandardNames() {}

  private static void column(String logicalName, String schemaName, String displayName) {
    COLUMNS.put(logicalName, new Column(schemaName, displayName));
  }

  static Optional<Table> table(String logicalName) {
    return Optional.ofNullable(TABLES.get(logicalName));
  }

  /** The names of a standard column of a standard table; empty for custom tables and columns. */
  static Optional<Column> column(String table, String column) {
    if (!TABLES.containsKey(table)) {
      return Optional.empty();
    }
    Column specific = TABLE_COLUMNS.get(table + "." + column);
    return Optional.ofNullable(specific != null ? specific : COLUMNS.get(column));
  }

  /** {@code None}, {@code SystemRequired} or {@code ApplicationRequired}. */
  static String requiredLevel(String table, String column) {
    String specific = REQUIRED_LEVELS.get(table + "." + column);
    return specific != null ? specific : REQUIRED_LEVELS.getOrDefault(column, "None");
  }

  /** The {@code Format} of a string column: {@code Email}, {@code Phone}, {@code Url} or {@code Text}. */
  static String stringFormat(String column) {
    if (EMAIL_COLUMNS.contains(column)) {
      return "Email";
    }
    if (PHONE_COLUMNS.contains(column)) {
      return "Phone";
    }
    return URL_COLUMNS.contains(column) ? "Url" : "Text";
  }
}
