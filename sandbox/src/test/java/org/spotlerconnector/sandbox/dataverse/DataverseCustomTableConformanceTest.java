package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spotlerconnector.sandbox.dataverse.MetadataBodies.attribute;
import static org.spotlerconnector.sandbox.dataverse.MetadataBodies.bool;
import static org.spotlerconnector.sandbox.dataverse.MetadataBodies.customerLookup;
import static org.spotlerconnector.sandbox.dataverse.MetadataBodies.label;
import static org.spotlerconnector.sandbox.dataverse.MetadataBodies.picklist;
import static org.spotlerconnector.sandbox.dataverse.MetadataBodies.relationship;
import static org.spotlerconnector.sandbox.dataverse.MetadataBodies.string;
import static org.spotlerconnector.sandbox.dataverse.MetadataBodies.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Tables created through the metadata Web API (create-update-entity-definitions-using-web-api.md,
 * create-update-entity-relationships-using-web-api.md, dataverse-api.md §8, §10.1 item 13) and used afterwards like
 * any other table.
 */
class DataverseCustomTableConformanceTest extends DataverseHttpTest {
  private static final String SOLUTION = "SpotlerConnector";
  private static final String JOBS = "spm_spotlerjobs";

  @Test
  @DisplayName("create-update-entity-definitions-using-web-api.md: POST EntityDefinitions with "
      + "MSCRM.SolutionUniqueName answers 204 with OData-EntityId …/EntityDefinitions(<MetadataId>); the definition "
      + "reads back with its names")
  void creates_a_table_in_a_solution() {
    createPublisherAndSolution();

    Reply reply = solutionCall("POST", "EntityDefinitions", table("spm_SpotlerJob", "Spotler Job", "spm_Name"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    String metadataId = get("EntityDefinitions(LogicalName='spm_spotlerjob')?$select=LogicalName").json()
        .path("MetadataId").asText();
    assertThat(reply.header("OData-EntityId")).isEqualTo(root() + "/EntityDefinitions(" + metadataId + ")");
    JsonNode table = get("EntityDefinitions(" + metadataId + ")?$select=SchemaName,EntitySetName,"
        + "CollectionSchemaName,PrimaryIdAttribute,PrimaryNameAttribute,DisplayName,OwnershipType,IsCustomEntity,"
        + "ChangeTrackingEnabled").json();
    assertThat(table.path("SchemaName").asText()).isEqualTo("spm_SpotlerJob");
    assertThat(table.path("EntitySetName").asText()).isEqualTo(JOBS);
    assertThat(table.path("CollectionSchemaName").asText()).isEqualTo("spm_SpotlerJobs");
    assertThat(table.path("PrimaryIdAttribute").asText()).isEqualTo("spm_spotlerjobid");
    assertThat(table.path("PrimaryNameAttribute").asText()).isEqualTo("spm_name");
    assertThat(table.path("DisplayName").path("UserLocalizedLabel").path("Label").asText()).isEqualTo("Spotler Job");
    assertThat(table.path("OwnershipType").asText()).isEqualTo("UserOwned");
    assertThat(table.path("IsCustomEntity").asBoolean()).isTrue();
    assertThat(table.path("ChangeTrackingEnabled").asBoolean()).isFalse();
    JsonNode name = get("EntityDefinitions(LogicalName='spm_spotlerjob')/Attributes(LogicalName='spm_name')").json();
    assertThat(name.path("SchemaName").asText()).isEqualTo("spm_Name");
    assertThat(name.path("IsPrimaryName").asBoolean()).isTrue();
    assertThat(name.path("MaxLength").asInt()).isEqualTo(100);
    assertThat(get("").value().findValuesAsText("name")).contains(JOBS);
  }

  @Test
  @DisplayName("create-update-entity-definitions-using-web-api.md (Create columns): typed attributes are added with "
      + "204 + OData-EntityId …/Attributes(<id>) and read back with their types")
  void adds_typed_columns() {
    createJobTable();

    List<Reply> replies = new ArrayList<>();
    replies.add(addColumn(string("spm_ResultCode", "Result Code", 50)));
    replies.add(addColumn(attribute("MemoAttributeMetadata", "spm_Message", "Message").put("MaxLength", 4000)));
    replies.add(addColumn(attribute("IntegerAttributeMetadata", "spm_Attempts", "Attempts")
        .put("MinValue", 0).put("MaxValue", 100)));
    replies.add(addColumn(attribute("DecimalAttributeMetadata", "spm_Score", "Score").put("Precision", 1)));
    replies.add(addColumn(attribute("MoneyAttributeMetadata", "spm_Amount", "Amount").put("PrecisionSource", 2)));
    replies.add(addColumn(bool("spm_Urgent", "Urgent", "Urgent", "Normal")));
    replies.add(addColumn(dateColumn("spm_DueOn", "DateOnly", "DateOnly")));
    replies.add(addColumn(dateColumn("spm_StartedOn", "DateAndTime", "UserLocal")));
    replies.add(addColumn(picklist("PicklistAttributeMetadata", "spm_Kind", "Kind",
        727000000, "Start Automation", 727000001, "Add Tag")));
    replies.add(addColumn(picklist("MultiSelectPicklistAttributeMetadata", "spm_Channels", "Channels",
        727000000, "Email", 727000001, "SMS")));

    assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(204));
    assertThat(replies.get(0).header("OData-EntityId"))
        .startsWith(root() + "/EntityDefinitions(LogicalName='spm_spotlerjob')/Attributes(");
    JsonNode attributes = get("EntityDefinitions(LogicalName='spm_spotlerjob')/Attributes?$select=LogicalName,"
        + "SchemaName,AttributeType").value();
    assertThat(typeOf(attributes, "spm_resultcode")).isEqualTo("String");
    assertThat(typeOf(attributes, "spm_message")).isEqualTo("Memo");
    assertThat(typeOf(attributes, "spm_attempts")).isEqualTo("Integer");
    assertThat(typeOf(attributes, "spm_score")).isEqualTo("Decimal");
    assertThat(typeOf(attributes, "spm_amount")).isEqualTo("Money");
    assertThat(typeOf(attributes, "spm_urgent")).isEqualTo("Boolean");
    assertThat(typeOf(attributes, "spm_dueon")).isEqualTo("DateTime");
    assertThat(typeOf(attributes, "spm_kind")).isEqualTo("Picklist");
    assertThat(typeOf(attributes, "spm_channels")).isEqualTo("Virtual");
    assertThat(typeOf(attributes, "statecode")).isEqualTo("State");
    assertThat(typeOf(attributes, "statuscode")).isEqualTo("Status");
    assertThat(typeOf(attributes, "ownerid")).isEqualTo("Owner");
    JsonNode attempts = get("EntityDefinitions(LogicalName='spm_spotlerjob')/Attributes(LogicalName='spm_attempts')"
        + "/Microsoft.Dynamics.CRM.IntegerAttributeMetadata?$select=SchemaName,MaxValue").json();
    assertThat(attempts.path("SchemaName").asText()).isEqualTo("spm_Attempts");
    assertThat(attempts.path("MaxValue").asInt()).isEqualTo(100);
    JsonNode due = get("EntityDefinitions(LogicalName='spm_spotlerjob')/Attributes(LogicalName='spm_dueon')"
        + "/Microsoft.Dynamics.CRM.DateTimeAttributeMetadata?$select=Format,DateTimeBehavior").json();
    assertThat(due.path("Format").asText()).isEqualTo("DateOnly");
    assertThat(due.path("DateTimeBehavior").path("Value").asText()).isEqualTo("DateOnly");
    JsonNode urgent = get("EntityDefinitions(LogicalName='spm_spotlerjob')/Attributes(LogicalName='spm_urgent')"
        + "/Microsoft.Dynamics.CRM.BooleanAttributeMetadata/OptionSet").json();
    assertThat(urgent.path("TrueOption").path("Label").path("UserLocalizedLabel").path("Label").asText())
        .isEqualTo("Urgent");
  }

  @Test
  @DisplayName("dataverse-api.md §8: a created table takes rows like any other: create, read with formatted values, "
      + "update, filter, delete")
  void created_table_supports_crud_and_queries() {
    createJobTable();
    addColumn(string("spm_ResultCode", "Result Code", 50));
    addColumn(attribute("IntegerAttributeMetadata", "spm_Attempts", "Attempts"));
    addColumn(attribute("MoneyAttributeMetadata", "spm_Amount", "Amount"));
    addColumn(bool("spm_Urgent", "Urgent", "Urgent", "Normal"));
    addColumn(dateColumn("spm_DueOn", "DateOnly", "DateOnly"));
    addColumn(picklist("PicklistAttributeMetadata", "spm_Kind", "Kind", 727000000, "Start Automation",
        727000001, "Add Tag"));
    addColumn(picklist("MultiSelectPicklistAttributeMetadata", "spm_Channels", "Channels", 727000000, "Email",
        727000001, "SMS"));

    UUID first = create(JOBS, """
        {"spm_name":"Welcome","spm_attempts":1,"spm_amount":12.5,"spm_urgent":true,"spm_dueon":"2024-06-01",
         "spm_kind":727000000,"spm_channels":"727000000,727000001"}""");
    UUID second = create(JOBS, "{\"spm_name\":\"Tag\",\"spm_kind\":727000001}");
    Reply read = call("GET", JOBS + "(" + first + ")").prefer("odata.include-annotations=\"*\"").send();
    Reply updated = patch(JOBS + "(" + second + ")", "{\"spm_resultcode\":\"OK\",\"spm_attempts\":2}");
    Reply filtered = get(JOBS + "?$select=spm_name&$filter=spm_kind eq 727000001 and spm_resultcode eq 'OK'");
    Reply outOfRange = post(JOBS, "{\"spm_name\":\"Bad\",\"spm_kind\":1}");
    Reply deleted = delete(JOBS + "(" + first + ")");

    assertThat(read.status()).as(read.body()).isEqualTo(200);
    JsonNode row = read.json();
    assertThat(row.path("spm_name").asText()).isEqualTo("Welcome");
    assertThat(row.path("spm_kind@OData.Community.Display.V1.FormattedValue").asText()).isEqualTo("Start Automation");
    assertThat(row.path("spm_urgent@OData.Community.Display.V1.FormattedValue").asText()).isEqualTo("Urgent");
    assertThat(row.path("statecode").asInt()).isZero();
    assertThat(row.path("statuscode").asInt()).isEqualTo(1);
    assertThat(row.path("_ownerid_value").asText()).isNotBlank();
    assertThat(updated.status()).isEqualTo(204);
    assertThat(filtered.value().findValuesAsText("spm_name")).containsExactly("Tag");
    assertThat(outOfRange.status()).isEqualTo(400);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(emulator.table(JOBS).count()).isEqualTo(1);
  }

  @Test
  @DisplayName("create-update-entity-relationships-using-web-api.md: POST RelationshipDefinitions adds the lookup; "
      + "it binds through its navigation property (the lookup's SchemaName) and expands")
  void adds_a_lookup_through_a_relationship() {
    createJobTable();

    Reply reply = solutionCall("POST", "RelationshipDefinitions",
        relationship("spm_account_spm_spotlerjob", "account", "spm_spotlerjob", "spm_AccountId", "Account"));
    UUID account = create("accounts", "{\"name\":\"Contoso\"}");
    UUID job = create(JOBS, "{\"spm_name\":\"Job\",\"spm_AccountId@odata.bind\":\"/accounts(" + account + ")\"}");
    Reply lowercase = post(JOBS, "{\"spm_name\":\"Job\",\"spm_accountid@odata.bind\":\"/accounts(" + account + ")\"}");
    JsonNode row = get(JOBS + "(" + job + ")?$select=_spm_accountid_value&$expand=spm_AccountId($select=name)").json();
    JsonNode relationship = get("RelationshipDefinitions(SchemaName='spm_account_spm_spotlerjob')").json();
    create(JOBS, "{\"spm_name\":\"Later job\",\"spm_AccountId@odata.bind\":\"/accounts(" + account + ")\"}");
    JsonNode jobs = get("accounts(" + account + ")?$select=name&$expand=spm_account_spm_spotlerjob($select=spm_name;"
        + "$filter=startswith(spm_name,'Job') or startswith(spm_name,'Later');$orderby=spm_name desc;$top=2)").json();
    Reply nested = get("accounts?$expand=spm_account_spm_spotlerjob($expand=spm_AccountId)");

    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    assertThat(reply.header("OData-EntityId")).startsWith(root() + "/RelationshipDefinitions(");
    assertThat(row.path("_spm_accountid_value").asText()).isEqualTo(account.toString());
    assertThat(row.path("spm_AccountId").path("name").asText()).isEqualTo("Contoso");
    assertThat(lowercase.status()).isEqualTo(400);
    assertThat(relationship.path("ReferencedEntity").asText()).isEqualTo("account");
    assertThat(relationship.path("ReferencingAttribute").asText()).isEqualTo("spm_accountid");
    assertThat(relationship.path("ReferencingEntityNavigationPropertyName").asText()).isEqualTo("spm_AccountId");
    assertThat(jobs.path("spm_account_spm_spotlerjob").findValuesAsText("spm_name"))
        .containsExactly("Later job", "Job");
    assertThat(nested.status()).isEqualTo(400);
  }

  @Test
  @DisplayName("create-update-entity-definitions-using-web-api.md (Create a customer lookup column): "
      + "CreateCustomerRelationships answers 200 with RelationshipIds and AttributeId; the lookup takes accounts and "
      + "contacts")
  void adds_a_customer_lookup() {
    createJobTable();

    Reply reply = solutionCall("POST", "CreateCustomerRelationships",
        customerLookup("spm_spotlerjob", "spm_CustomerId", "spm"));
    UUID account = create("accounts", "{\"name\":\"Contoso\"}");
    UUID contact = create("contacts", "{\"lastname\":\"Jansen\"}");
    UUID forAccount =
        create(JOBS, "{\"spm_name\":\"A\",\"spm_CustomerId_account@odata.bind\":\"/accounts(" + account + ")\"}");
    UUID forContact =
        create(JOBS, "{\"spm_name\":\"C\",\"spm_CustomerId_contact@odata.bind\":\"/contacts(" + contact + ")\"}");
    Reply wrongSet =
        post(JOBS, "{\"spm_name\":\"X\",\"spm_CustomerId_account@odata.bind\":\"/contacts(" + contact + ")\"}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().path("@odata.context").asText())
        .isEqualTo(root() + "/$metadata#Microsoft.Dynamics.CRM.CreateCustomerRelationshipsResponse");
    assertThat(reply.json().path("RelationshipIds")).hasSize(2);
    assertThat(reply.json().path("AttributeId").asText()).matches("[0-9a-f-]{36}");
    assertThat(lookupTable(forAccount)).isEqualTo("account");
    assertThat(lookupTable(forContact)).isEqualTo("contact");
    assertThat(wrongSet.status()).isEqualTo(400);
    JsonNode attribute =
        get("EntityDefinitions(LogicalName='spm_spotlerjob')/Attributes(LogicalName='spm_customerid')").json();
    assertThat(attribute.path("AttributeType").asText()).isEqualTo("Customer");
    assertThat(attribute.path("Targets")).extracting(JsonNode::asText).containsExactlyInAnyOrder("account", "contact");
  }

  @Test
  @DisplayName("InsertStatusValue (Web API reference): status reasons are added to a state, numbered from the "
      + "publisher's option value prefix; statuscode then implies its statecode")
  void adds_status_reasons() {
    createJobTable();

    int queued = insertStatus("Queued", 0);
    int inProgress = insertStatus("In Progress", 0);
    int completed = insertStatus("Completed", 1);
    int failed = insertStatus("Failed", 1);
    int cancelled = insertStatus("Cancelled", 1);
    UUID job = create(JOBS, "{\"spm_name\":\"Job\",\"statuscode\":" + queued + "}");
    Reply toFailed = patch(JOBS + "(" + job + ")", "{\"statuscode\":" + failed + "}");
    JsonNode afterFailure = get(JOBS + "(" + job + ")?$select=statecode,statuscode").json();
    Reply contradiction = patch(JOBS + "(" + job + ")", "{\"statecode\":0,\"statuscode\":" + completed + "}");
    JsonNode options = get("EntityDefinitions(LogicalName='spm_spotlerjob')/Attributes(LogicalName='statuscode')"
        + "/Microsoft.Dynamics.CRM.StatusAttributeMetadata/OptionSet").json().path("Options");

    assertThat(List.of(queued, inProgress, completed, failed, cancelled))
        .containsExactly(727000000, 727000001, 727000002, 727000003, 727000004);
    assertThat(get(JOBS + "(" + job + ")?$select=statecode").json().path("statecode").asInt()).isOne();
    assertThat(toFailed.status()).isEqualTo(204);
    assertThat(afterFailure.path("statecode").asInt()).isOne();
    assertThat(afterFailure.path("statuscode").asInt()).isEqualTo(failed);
    assertThat(contradiction.status()).isEqualTo(400);
    assertThat(options.findValuesAsText("Value")).contains("1", "2", String.valueOf(queued), String.valueOf(cancelled));
    JsonNode queuedOption = byValue(options, queued);
    assertThat(queuedOption.path("State").asInt()).isZero();
    assertThat(queuedOption.path("Label").path("UserLocalizedLabel").path("Label").asText()).isEqualTo("Queued");
  }

  @Test
  @DisplayName("InsertStatusValue: a status reason for an unknown state, with a taken value or on an unknown table is "
      + "refused")
  void refuses_bad_status_reasons() {
    createJobTable();

    Reply unknownState = post("InsertStatusValue", statusBody("Queued", 7).toString());
    Reply taken = post("InsertStatusValue", statusBody("Again", 0).put("Value", 1).toString());
    Reply unknownTable =
        post("InsertStatusValue", statusBody("Queued", 0).put("EntityLogicalName", "spm_x").toString());

    assertThat(unknownState.status()).isEqualTo(400);
    assertThat(taken.status()).isEqualTo(400);
    assertThat(unknownTable.status()).isEqualTo(404);
    assertThat(unknownTable.errorMessage()).contains("spm_x");
  }

  @Test
  @DisplayName("UpdateOptionValue (Web API reference): POST UpdateOptionValue answers 204 and relabels a built-in "
      + "status reason and a local choice's option; definitions and formatted values read the new label")
  void relabels_status_reasons_and_options() {
    createJobTable();
    addColumn(picklist("PicklistAttributeMetadata", "spm_Kind", "Kind", 727000000, "Automation"));
    UUID job = create(JOBS, "{\"spm_name\":\"Job\",\"spm_kind\":727000000}");

    Reply status = solutionCall("POST", "UpdateOptionValue", relabel("statuscode", 1, "Queued"));
    Reply option = solutionCall("POST", "UpdateOptionValue",
        relabel("spm_kind", 727000000, "Automation trigger").put("SolutionUniqueName", SOLUTION));
    JsonNode statusOptions = get("EntityDefinitions(LogicalName='spm_spotlerjob')/Attributes(LogicalName="
        + "'statuscode')/Microsoft.Dynamics.CRM.StatusAttributeMetadata/OptionSet").json().path("Options");
    JsonNode kindOptions = get("EntityDefinitions(LogicalName='spm_spotlerjob')/Attributes(LogicalName='spm_kind')"
        + "/Microsoft.Dynamics.CRM.PicklistAttributeMetadata/OptionSet").json().path("Options");
    JsonNode row = call("GET", JOBS + "(" + job + ")?$select=statuscode,spm_kind")
        .prefer("odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"").send().json();

    assertThat(status.status()).as(status.body()).isEqualTo(204);
    assertThat(status.body()).isEmpty();
    assertThat(option.status()).as(option.body()).isEqualTo(204);
    assertThat(byValue(statusOptions, 1).path("Label").path("UserLocalizedLabel").path("Label").asText())
        .isEqualTo("Queued");
    assertThat(byValue(statusOptions, 1).path("State").asInt()).isZero();
    assertThat(byValue(statusOptions, 2).path("Label").path("UserLocalizedLabel").path("Label").asText())
        .isEqualTo("Inactive");
    assertThat(statusOptions.findValuesAsText("Value")).containsExactly("1", "2");
    assertThat(byValue(kindOptions, 727000000).path("Label").path("UserLocalizedLabel").path("Label").asText())
        .isEqualTo("Automation trigger");
    assertThat(row.path("statuscode@OData.Community.Display.V1.FormattedValue").asText()).isEqualTo("Queued");
    assertThat(row.path("spm_kind@OData.Community.Display.V1.FormattedValue").asText())
        .isEqualTo("Automation trigger");
  }

  @Test
  @DisplayName("UpdateOptionValue: an unknown table (404), column (404) or value (400), a statecode or a yes/no column, "
      + "a missing Label or an unknown solution are refused and change nothing")
  void refuses_bad_option_updates() {
    createJobTable();
    addColumn(bool("spm_IsActive", "Is Active", "Yes", "No"));
    String before = get("EntityDefinitions(LogicalName='spm_spotlerjob')/Attributes").body();

    Reply unknownTable = post("UpdateOptionValue", relabel("statuscode", 1, "Queued")
        .put("EntityLogicalName", "spm_nothing").toString());
    Reply unknownColumn = post("UpdateOptionValue", relabel("spm_nothing", 1, "Queued").toString());
    Reply unknownValue = post("UpdateOptionValue", relabel("statuscode", 727000099, "Queued").toString());
    Reply state = post("UpdateOptionValue", relabel("statecode", 0, "Open").toString());
    Reply yesNo = post("UpdateOptionValue", relabel("spm_isactive", 1, "Active").toString());
    ObjectNode withoutLabel = relabel("statuscode", 1, "Queued");
    withoutLabel.remove("Label");
    Reply noLabel = post("UpdateOptionValue", withoutLabel.toString());
    Reply unknownSolution =
        post("UpdateOptionValue", relabel("statuscode", 1, "Queued").put("SolutionUniqueName", "Nope").toString());

    assertThat(unknownTable.status()).isEqualTo(404);
    assertThat(unknownTable.errorMessage()).contains("spm_nothing");
    assertThat(unknownColumn.status()).isEqualTo(404);
    assertThat(unknownColumn.errorMessage()).contains("spm_nothing");
    assertThat(unknownValue.status()).isEqualTo(400);
    assertThat(unknownValue.errorMessage()).contains("727000099");
    assertThat(state.status()).isEqualTo(400);
    assertThat(yesNo.status()).isEqualTo(400);
    assertThat(noLabel.status()).isEqualTo(400);
    assertThat(unknownSolution.status()).isEqualTo(404);
    assertThat(get("EntityDefinitions(LogicalName='spm_spotlerjob')/Attributes").body()).isEqualTo(before);
  }

  @Test
  @DisplayName("InsertOptionValue: an option is added to a local choice and accepted in rows")
  void adds_a_choice_option() {
    createJobTable();
    addColumn(picklist("PicklistAttributeMetadata", "spm_Kind", "Kind", 727000000, "Start Automation"));

    ObjectNode option =
        Json.object().put("EntityLogicalName", "spm_spotlerjob").put("AttributeLogicalName", "spm_kind");
    option.set("Label", label("Stop Automation"));
    Reply reply = post("InsertOptionValue", option.toString());

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    int value = reply.json().path("NewOptionValue").asInt();
    assertThat(value).isEqualTo(100000000);
    assertThat(post(JOBS, "{\"spm_name\":\"Stop\",\"spm_kind\":" + value + "}").status()).isEqualTo(204);
  }

  @Test
  @DisplayName("dataverse-api.md §3, §8: change tracking is off for a new table until PUT EntityDefinitions sets "
      + "ChangeTrackingEnabled; then delta links work; it cannot be switched off again")
  void enables_change_tracking_with_put() {
    createJobTable();
    create(JOBS, "{\"spm_name\":\"Before\"}");

    Reply refused = call("GET", JOBS + "?$select=spm_name").prefer("odata.track-changes").send();
    ObjectNode definition = table("spm_SpotlerJob", "Spotler Job", "spm_Name");
    definition.remove("Attributes");
    definition.put("ChangeTrackingEnabled", true);
    Reply put = call("PUT", "EntityDefinitions(LogicalName='spm_spotlerjob')").header("MSCRM.MergeLabels", "true")
        .body(definition.toString()).send();
    Reply first = call("GET", JOBS + "?$select=spm_name").prefer("odata.track-changes").send();
    create(JOBS, "{\"spm_name\":\"After\"}");
    Reply delta = get(first.json().path("@odata.deltaLink").asText());
    Reply disable = call("PUT", "EntityDefinitions(LogicalName='spm_spotlerjob')")
        .body(definition.put("ChangeTrackingEnabled", false).toString()).send();
    Reply patchRefused = call("PATCH", "EntityDefinitions(LogicalName='spm_spotlerjob')")
        .body(definition.toString()).send();

    assertThat(refused.status()).isEqualTo(400);
    assertThat(put.status()).as(put.body()).isEqualTo(204);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.value().findValuesAsText("spm_name")).containsExactly("Before");
    assertThat(delta.value().findValuesAsText("spm_name")).containsExactly("After");
    assertThat(disable.status()).isEqualTo(400);
    assertThat(patchRefused.status()).isEqualTo(405);
    assertThat(get("EntityDefinitions(LogicalName='spm_spotlerjob')?$select=ChangeTrackingEnabled").json()
        .path("ChangeTrackingEnabled").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("dataverse-api.md §2.6, §8: POST …/Keys adds an alternate key; rows are then addressed and upserted "
      + "by it and duplicates are refused")
  void adds_an_alternate_key() {
    createJobTable();
    addColumn(string("spm_JobNumber", "Job Number", 20));

    ObjectNode key = Json.object().put("@odata.type", "Microsoft.Dynamics.CRM.EntityKeyMetadata");
    key.put("SchemaName", "spm_jobnumber_key");
    key.set("DisplayName", label("Job number"));
    key.set("KeyAttributes", Json.array().add("spm_jobnumber"));
    Reply reply = solutionCall("POST", "EntityDefinitions(LogicalName='spm_spotlerjob')/Keys", key);
    Reply upsert = call("PATCH", JOBS + "(spm_jobnumber='J-1')").body("{\"spm_name\":\"First\"}").send();
    Reply read = get(JOBS + "(spm_jobnumber='J-1')?$select=spm_name");
    Reply duplicate = post(JOBS, "{\"spm_name\":\"Second\",\"spm_jobnumber\":\"J-1\"}");
    JsonNode created = get("EntityDefinitions(LogicalName='spm_spotlerjob')/Keys(LogicalName='spm_jobnumber_key')")
        .json();

    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    assertThat(reply.header("OData-EntityId")).contains("/Keys(");
    assertThat(upsert.status()).isEqualTo(204);
    assertThat(read.json().path("spm_name").asText()).isEqualTo("First");
    assertThat(duplicate.status()).isEqualTo(412);
    assertThat(created.path("SchemaName").asText()).isEqualTo("spm_jobnumber_key");
    assertThat(created.path("EntityKeyIndexStatus").asText()).isEqualTo("Active");
  }

  @Test
  @DisplayName("dataverse-api.md §8 (EntityKeyIndexStatus): a key over columns whose rows already repeat a value "
      + "fails to build and is not enforced")
  void a_key_over_duplicate_rows_fails() {
    createJobTable();
    create(JOBS, "{\"spm_name\":\"Same\"}");
    create(JOBS, "{\"spm_name\":\"Same\"}");

    ObjectNode key = Json.object().put("SchemaName", "spm_name_key");
    key.set("KeyAttributes", Json.array().add("spm_name"));
    Reply reply = post("EntityDefinitions(LogicalName='spm_spotlerjob')/Keys", key.toString());

    assertThat(reply.status()).isEqualTo(204);
    assertThat(get("EntityDefinitions(LogicalName='spm_spotlerjob')/Keys?$select=EntityKeyIndexStatus").value()
        .findValuesAsText("EntityKeyIndexStatus")).containsExactly("Failed");
    assertThat(post(JOBS, "{\"spm_name\":\"Same\"}").status()).isEqualTo(204);
  }

  @Test
  @DisplayName("a name that exists is refused with 0x80044363 \"The schema name … is not unique\" (the platform's "
      + "text for option sets, ALM4Dataverse/Rnwood.Dataverse.Data.PowerShell#1412; assumed for the other types)")
  void refuses_duplicate_names() {
    createJobTable();
    addColumn(string("spm_ResultCode", "Result Code", 50));
    solutionCall("POST", "RelationshipDefinitions",
        relationship("spm_account_spm_spotlerjob", "account", "spm_spotlerjob", "spm_AccountId", "Account"));
    String before = get("EntityDefinitions(LogicalName='spm_spotlerjob')?$expand=Attributes").body();

    Reply table = solutionCall("POST", "EntityDefinitions", table("spm_SpotlerJob", "Another", "spm_Name"));
    Reply column = addColumn(string("spm_ResultCode", "Result Code", 50));
    Reply relationship = solutionCall("POST", "RelationshipDefinitions",
        relationship("spm_account_spm_spotlerjob", "account", "spm_spotlerjob", "spm_OtherId", "Other"));

    assertThat(table.status()).isEqualTo(400);
    assertThat(table.errorCode()).isEqualTo("0x80044363");
    assertThat(table.errorMessage()).isEqualTo("The schema name spm_SpotlerJob for type Entity is not unique. An"
        + " spm_SpotlerJob with same name already exists.");
    assertThat(column.status()).isEqualTo(400);
    assertThat(column.errorCode()).isEqualTo("0x80044363");
    assertThat(relationship.errorCode()).isEqualTo("0x80044363");
    assertThat(get("EntityDefinitions(LogicalName='spm_spotlerjob')?$expand=Attributes").body()).isEqualTo(before);
  }

  @Test
  @DisplayName("create-update-entity-definitions-using-web-api.md: a table needs its primary name attribute and "
      + "labels; a solution's publisher prefix is required; an unknown solution is refused")
  void refuses_invalid_table_definitions() {
    createPublisherAndSolution();
    ObjectNode noPrimaryName = table("spm_Thing", "Thing", "spm_Name");
    noPrimaryName.withArray("Attributes").removeAll();
    ObjectNode noLabel = table("spm_Thing", "Thing", "spm_Name");
    noLabel.remove("DisplayName");

    Reply missingPrimary = solutionCall("POST", "EntityDefinitions", noPrimaryName);
    Reply missingLabel = solutionCall("POST", "EntityDefinitions", noLabel);
    Reply wrongPrefix = solutionCall("POST", "EntityDefinitions", table("new_Thing", "Thing", "new_Name"));
    Reply noPrefix = post("EntityDefinitions", table("Thing", "Thing", "Name").toString());
    Reply unknownSolution = call("POST", "EntityDefinitions").header("MSCRM.SolutionUniqueName", "Nope")
        .body(table("spm_Thing", "Thing", "spm_Name").toString()).send();
    Reply lookupAsColumn = post("EntityDefinitions(LogicalName='contact')/Attributes",
        attribute("LookupAttributeMetadata", "spm_Other", "Other").toString());
    Reply notJson = call("POST", "EntityDefinitions").body("{").send();

    assertThat(missingPrimary.status()).isEqualTo(400);
    assertThat(missingPrimary.errorMessage()).contains("primary name attribute");
    assertThat(missingLabel.status()).isEqualTo(400);
    assertThat(wrongPrefix.status()).isEqualTo(400);
    assertThat(wrongPrefix.errorMessage()).contains("'spm_'");
    assertThat(noPrefix.status()).isEqualTo(400);
    assertThat(unknownSolution.status()).isEqualTo(404);
    assertThat(lookupAsColumn.status()).isEqualTo(400);
    assertThat(lookupAsColumn.errorMessage()).contains("RelationshipDefinitions");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(get("EntityDefinitions?$select=LogicalName&$filter=LogicalName eq 'spm_thing'").value()).isEmpty();
  }

  @Test
  @DisplayName("create-update-entity-definitions-using-web-api.md: PublishXml and PublishAllXml answer 204")
  void publishes() {
    assertThat(post("PublishAllXml", "{}").status()).isEqualTo(204);
    assertThat(post("PublishXml", "{\"ParameterXml\":\"<importexportxml/>\"}").status()).isEqualTo(204);
    assertThat(get("PublishAllXml").status()).isEqualTo(405);
  }

  @Test
  @DisplayName("a column added to a standard table through the API is a custom column of it")
  void adds_a_column_to_a_standard_table() {
    Reply reply = post("EntityDefinitions(LogicalName='contact')/Attributes",
        string("new_SpotlerId", "Spotler Id", 40).toString());
    UUID contact = create("contacts", "{\"lastname\":\"Jansen\",\"new_spotlerid\":\"42\"}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    assertThat(get("contacts(" + contact + ")?$select=new_spotlerid").json().path("new_spotlerid").asText())
        .isEqualTo("42");
    JsonNode attribute = get("EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='new_spotlerid')"
        + "?$select=SchemaName,IsCustomAttribute").json();
    assertThat(attribute.path("SchemaName").asText()).isEqualTo("new_SpotlerId");
    assertThat(attribute.path("IsCustomAttribute").asBoolean()).isTrue();
  }

  private void createPublisherAndSolution() {
    UUID publisher = create("publishers", """
        {"uniquename":"spotler","friendlyname":"Spotler","customizationprefix":"spm",
         "customizationoptionvalueprefix":72700}""");
    create("solutions", "{\"uniquename\":\"" + SOLUTION + "\",\"friendlyname\":\"Spotler Connector\","
        + "\"version\":\"1.0.0.0\",\"publisherid@odata.bind\":\"/publishers(" + publisher + ")\"}");
  }

  private void createJobTable() {
    createPublisherAndSolution();
    Reply reply = solutionCall("POST", "EntityDefinitions", table("spm_SpotlerJob", "Spotler Job", "spm_Name"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
  }

  private Reply addColumn(ObjectNode attribute) {
    return solutionCall("POST", "EntityDefinitions(LogicalName='spm_spotlerjob')/Attributes", attribute);
  }

  private Reply solutionCall(String method, String path, ObjectNode body) {
    return call(method, path).header("MSCRM.SolutionUniqueName", SOLUTION).body(body.toString()).send();
  }

  private int insertStatus(String label, int state) {
    Reply reply = call("POST", "InsertStatusValue").header("MSCRM.SolutionUniqueName", SOLUTION)
        .body(statusBody(label, state).toString()).send();
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().path("NewOptionValue").asInt();
  }

  private static ObjectNode statusBody(String label, int state) {
    ObjectNode body =
        Json.object().put("EntityLogicalName", "spm_spotlerjob").put("AttributeLogicalName", "statuscode");
    body.set("Label", label(label));
    return body.put("StateCode", state);
  }

  private static ObjectNode relabel(String attribute, int value, String label) {
    ObjectNode body = Json.object()
        .put("EntityLogicalName", "spm_spotlerjob")
        .put("AttributeLogicalName", attribute)
        .put("Value", value)
        .put("MergeLabels", true);
    body.set("Label", label(label));
    return body;
  }

  private static ObjectNode dateColumn(String schemaName, String format, String behavior) {
    ObjectNode attribute = attribute("DateTimeAttributeMetadata", schemaName, schemaName).put("Format", format);
    attribute.putObject("DateTimeBehavior").put("Value", behavior);
    return attribute;
  }

  private String lookupTable(UUID job) {
    return call("GET", JOBS + "(" + job + ")?$select=_spm_customerid_value")
        .prefer("odata.include-annotations=\"*\"").send().json()
        .path("_spm_customerid_value@Microsoft.Dynamics.CRM.lookuplogicalname").asText();
  }

  private static String typeOf(JsonNode attributes, String logicalName) {
    for (JsonNode attribute : attributes) {
      if (attribute.path("LogicalName").asText().equals(logicalName)) {
        return attribute.path("AttributeType").asText();
      }
    }
    return null;
  }

  private static JsonNode byValue(JsonNode options, int value) {
    for (JsonNode option : options) {
      if (option.path("Value").asInt() == value) {
        return option;
      }
    }
    throw new AssertionError("no option " + value);
  }
}
