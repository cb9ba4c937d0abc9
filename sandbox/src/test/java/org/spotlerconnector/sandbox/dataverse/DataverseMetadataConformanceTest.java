package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The metadata Web API: query-metadata-web-api.md ("Query table definitions using the Web API") and
 * retrieve-metadata-name-metadataid.md of the Dataverse documentation, and dataverse-api.md §8.
 */
class DataverseMetadataConformanceTest extends DataverseHttpTest {

  @Test
  @DisplayName("query-metadata-web-api.md: a table by LogicalName with $select and $expand of Attributes and "
      + "ManyToOneRelationships with nested $select; MetadataId is always returned")
  void retrieves_a_table_with_expanded_attributes_and_relationships() {
    Reply reply =
        get("EntityDefinitions(LogicalName='contact')?$select=LogicalName,EntitySetName,PrimaryIdAttribute,"
            + "PrimaryNameAttribute&$expand=Attributes($select=LogicalName,AttributeType,AttributeTypeName),"
            + "ManyToOneRelationships($select=ReferencingAttribute,ReferencedEntity,"
            + "ReferencingEntityNavigationPropertyName)");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.path("@odata.context").asText())
        .isEqualTo(root() + "/$metadata#EntityDefinitions(LogicalName,EntitySetName,PrimaryIdAttribute,"
            + "PrimaryNameAttribute,Attributes(LogicalName,AttributeType,AttributeTypeName),"
            + "ManyToOneRelationships(ReferencingAttribute,ReferencedEntity,ReferencingEntityNavigationPropertyName))"
            + "/$entity");
    assertThat(body.fieldNames()).toIterable()
        .containsExactly("@odata.context", "LogicalName", "EntitySetName", "PrimaryIdAttribute",
            "PrimaryNameAttribute", "MetadataId", "Attributes", "ManyToOneRelationships");
    assertThat(body.path("EntitySetName").asText()).isEqualTo("contacts");
    assertThat(body.path("PrimaryIdAttribute").asText()).isEqualTo("contactid");
    assertThat(body.path("PrimaryNameAttribute").asText()).isEqualTo("fullname");
    assertThat(body.path("MetadataId").asText()).matches("[0-9a-f-]{36}");

    JsonNode firstname = byName(body.path("Attributes"), "LogicalName", "firstname");
    assertThat(firstname.path("AttributeType").asText()).isEqualTo("String");
    assertThat(firstname.path("AttributeTypeName").path("Value").asText()).isEqualTo("StringType");
    assertThat(firstname.path("@odata.type").asText()).isEqualTo("#Microsoft.Dynamics.CRM.StringAttributeMetadata");
    assertThat(firstname.fieldNames()).toIterable()
        .containsExactly("@odata.type", "LogicalName", "AttributeType", "AttributeTypeName", "MetadataId");

    JsonNode toAccount = byName(body.path("ManyToOneRelationships"), "ReferencingEntityNavigationPropertyName",
        "parentcustomerid_account");
    assertThat(toAccount.path("ReferencingAttribute").asText()).isEqualTo("parentcustomerid");
    assertThat(toAccount.path("ReferencedEntity").asText()).isEqualTo("account");
    assertThat(toAccount.has("MetadataId")).isTrue();
    assertThat(toAccount.has("@odata.type")).isFalse();
  }

  @Test
  @DisplayName("query-metadata-web-api.md: the Attributes collection of a table; a lookup appears under its logical "
      + "name, with the AttributeType of its kind")
  void lists_attributes_with_their_types() {
    Reply reply = get("EntityDefinitions(LogicalName='contact')/Attributes?$select=LogicalName,AttributeType");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    String contactId = get("EntityDefinitions(LogicalName='contact')?$select=LogicalName").json()
        .path("MetadataId").asText();
    assertThat(reply.json().path("@odata.context").asText())
        .isEqualTo(root() + "/$metadata#EntityDefinitions(" + contactId + ")/Attributes(LogicalName,AttributeType)");
    Map<String, String> types = typesByName(reply.value());
    assertThat(types)
        .containsEntry("contactid", "Uniqueidentifier")
        .containsEntry("firstname", "String")
        .containsEntry("description", "Memo")
        .containsEntry("parentcustomerid", "Customer")
        .containsEntry("parentcustomeridtype", "EntityName")
        .containsEntry("ownerid", "Owner")
        .containsEntry("createdby", "Lookup")
        .containsEntry("gendercode", "Picklist")
        .containsEntry("statecode", "State")
        .containsEntry("statuscode", "Status")
        .containsEntry("donotemail", "Boolean")
        .containsEntry("birthdate", "DateTime")
        .containsEntry("createdon", "DateTime")
        .containsEntry("versionnumber", "BigInt")
        .doesNotContainKey("_parentcustomerid_value");
    Map<String, String> accountTypes =
        typesByName(get("EntityDefinitions(LogicalName='account')/Attributes?$select=LogicalName,AttributeType")
            .value());
    assertThat(accountTypes).containsEntry("revenue", "Money").containsEntry("numberofemployees", "Integer");
  }

  @Test
  @DisplayName("query-metadata-web-api.md: without $select an attribute carries the properties of its own type "
      + "(MaxLength for strings), IsValidForCreate/Update/Read and RequiredLevel")
  void retrieves_one_attribute_by_logical_name() {
    Reply reply = get("EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='emailaddress1')");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode email = reply.json();
    assertThat(email.path("@odata.context").asText()).endsWith("/Attributes/$entity");
    assertThat(email.path("@odata.type").asText()).isEqualTo("#Microsoft.Dynamics.CRM.StringAttributeMetadata");
    assertThat(email.path("SchemaName").asText()).isEqualTo("EMailAddress1");
    assertThat(email.path("MaxLength").asInt()).isEqualTo(100);
    assertThat(email.path("Format").asText()).isEqualTo("Email");
    assertThat(email.path("IsValidForCreate").asBoolean()).isTrue();
    assertThat(email.path("IsValidForUpdate").asBoolean()).isTrue();
    assertThat(email.path("IsValidForRead").asBoolean()).isTrue();
    assertThat(email.path("RequiredLevel").path("Value").asText()).isEqualTo("None");
    assertThat(email.path("DisplayName").path("UserLocalizedLabel").path("Label").asText()).isEqualTo("Email");

    JsonNode createdOn = get("EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='createdon')").json();
    assertThat(createdOn.path("IsValidForCreate").asBoolean()).isFalse();
    assertThat(createdOn.path("IsValidForUpdate").asBoolean()).isFalse();
    JsonNode primaryKey = get("EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='contactid')").json();
    assertThat(primaryKey.path("IsPrimaryId").asBoolean()).isTrue();
    assertThat(primaryKey.path("IsValidForCreate").asBoolean()).isTrue();
    assertThat(primaryKey.path("IsValidForUpdate").asBoolean()).isFalse();
    assertThat(primaryKey.path("RequiredLevel").path("Value").asText()).isEqualTo("SystemRequired");
  }

  @Test
  @DisplayName("query-metadata-web-api.md: properties of a derived attribute type need a cast; with the cast they can "
      + "be selected")
  void derived_properties_need_a_cast() {
    Reply withoutCast =
        get("EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='emailaddress1')?$select=MaxLength");
    Reply withCast =
        get("EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='emailaddress1')"
            + "/Microsoft.Dynamics.CRM.StringAttributeMetadata?$select=LogicalName,MaxLength");

    assertThat(withoutCast.status()).isEqualTo(400);
    assertThat(withoutCast.errorMessage())
        .isEqualTo("Could not find a property named 'MaxLength' on type 'Microsoft.Dynamics.CRM.AttributeMetadata'.");
    assertThat(withCast.status()).as(withCast.body()).isEqualTo(200);
    assertThat(withCast.json().path("@odata.context").asText())
        .endsWith("/Attributes/Microsoft.Dynamics.CRM.StringAttributeMetadata(LogicalName,MaxLength)/$entity");
    assertThat(withCast.json().fieldNames()).toIterable()
        .containsExactly("@odata.context", "LogicalName", "MaxLength", "MetadataId");
  }

  @Test
  @DisplayName("query-metadata-web-api.md: the Attributes cast to PicklistAttributeMetadata with $expand=OptionSet"
      + "($select=Options) gives the choices' values and labels")
  void lists_choice_options_through_a_cast() {
    Reply reply =
        get("EntityDefinitions(LogicalName='contact')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata"
            + "?$select=LogicalName&$expand=OptionSet($select=Options)");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().path("@odata.context").asText())
        .endsWith("/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata(LogicalName,OptionSet(Options))");
    assertThat(reply.value().findValuesAsText("LogicalName"))
        .containsExactly("gendercode", "preferredcontactmethodcode");
    JsonNode gender = byName(reply.value(), "LogicalName", "gendercode");
    assertThat(gender.has("@odata.type")).isFalse();
    JsonNode options = gender.path("OptionSet").path("Options");
    assertThat(options.findValuesAsText("Value")).containsExactly("1", "2");
    assertThat(options.get(1).path("Label").path("UserLocalizedLabel").path("Label").asText()).isEqualTo("Female");
    assertThat(options.get(1).path("Label").path("LocalizedLabels").get(0).path("LanguageCode").asInt())
        .isEqualTo(1033);
    assertThat(gender.path("OptionSet").has("MetadataId")).isTrue();
  }

  @Test
  @DisplayName("retrieve-metadata-name-metadataid.md: the OptionSet of one attribute addressed by path; state "
      + "options carry their default status, status options their state, yes/no columns True/FalseOption")
  void option_sets_of_state_status_and_boolean_columns() {
    String attributes = "EntityDefinitions(LogicalName='lead')/Attributes";
    Reply state = get(attributes + "(LogicalName='statecode')/Microsoft.Dynamics.CRM.StateAttributeMetadata/OptionSet");
    Reply status =
        get(attributes + "(LogicalName='statuscode')/Microsoft.Dynamics.CRM.StatusAttributeMetadata/OptionSet"
            + "?$select=Options");
    Reply bool =
        get(attributes + "(LogicalName='donotemail')/Microsoft.Dynamics.CRM.BooleanAttributeMetadata/OptionSet");

    assertThat(state.status()).as(state.body()).isEqualTo(200);
    assertThat(state.json().path("@odata.context").asText())
        .contains("/Attributes(")
        .endsWith("/Microsoft.Dynamics.CRM.StateAttributeMetadata/OptionSet/$entity");
    assertThat(state.json().path("OptionSetType").asText()).isEqualTo("State");
    JsonNode disqualified = byName(state.json().path("Options"), "Value", "2");
    assertThat(disqualified.path("@odata.type").asText()).isEqualTo("#Microsoft.Dynamics.CRM.StateOptionMetadata");
    assertThat(disqualified.path("DefaultStatus").asInt()).isEqualTo(4);
    assertThat(status.json().path("@odata.context").asText()).endsWith("/OptionSet(Options)/$entity");
    assertThat(byName(status.json().path("Options"), "Value", "3").path("State").asInt()).isEqualTo(1);
    assertThat(bool.json().path("OptionSetType").asText()).isEqualTo("Boolean");
    assertThat(bool.json().path("TrueOption").path("Value").asInt()).isEqualTo(1);
    assertThat(bool.json().path("TrueOption").path("Label").path("UserLocalizedLabel").path("Label").asText())
        .isEqualTo("Do Not Allow");
    assertThat(bool.json().path("FalseOption").path("Value").asInt()).isEqualTo(0);
  }

  @Test
  @DisplayName("use-web-api-metadata.md: MetadataIds identify definitions; the emulator keeps them stable across "
      + "restarts, and a table can be retrieved by its MetadataId")
  void metadata_ids_are_stable_and_address_definitions() throws IOException {
    String path = "EntityDefinitions(LogicalName='contact')?$select=LogicalName&$expand=Attributes($select=LogicalName)";
    JsonNode before = get(path).json();
    stopEmulator();
    startEmulator();
    JsonNode after = get(path).json();

    assertThat(after.path("MetadataId")).isEqualTo(before.path("MetadataId"));
    assertThat(after.path("Attributes")).isEqualTo(before.path("Attributes"));
    Reply byId = get("EntityDefinitions(" + after.path("MetadataId").asText() + ")?$select=LogicalName");
    assertThat(byId.json().path("LogicalName").asText()).isEqualTo("contact");
    String firstnameId = byName(after.path("Attributes"), "LogicalName", "firstname").path("MetadataId").asText();
    Reply attribute = get("EntityDefinitions(LogicalName='contact')/Attributes(" + firstnameId + ")?$select=LogicalName");
    assertThat(attribute.json().path("LogicalName").asText()).isEqualTo("firstname");
  }

  @Test
  @DisplayName("query-metadata-web-api.md: EntityDefinitions lists every table, all in the first response; $filter "
      + "on LogicalName or EntitySetName narrows it")
  void lists_and_filters_tables() {
    Reply all = get("EntityDefinitions?$select=LogicalName,EntitySetName");
    Reply one = get("EntityDefinitions?$select=LogicalName&$filter=LogicalName eq 'contact'");
    Reply bySet = get("EntityDefinitions?$select=LogicalName&$filter=EntitySetName eq 'leads' or LogicalName eq 'account'");

    assertThat(all.status()).as(all.body()).isEqualTo(200);
    assertThat(all.json().path("@odata.context").asText())
        .isEqualTo(root() + "/$metadata#EntityDefinitions(LogicalName,EntitySetName)");
    assertThat(all.value().findValuesAsText("LogicalName"))
        .startsWith("contact", "lead", "account", "systemuser")
        .contains("publisher", "solution", "environmentvariabledefinition", "sdkmessageprocessingstep");
    assertThat(all.json().has("@odata.nextLink")).isFalse();
    assertThat(one.value().findValuesAsText("LogicalName")).containsExactly("contact");
    assertThat(bySet.value().findValuesAsText("LogicalName")).containsExactly("lead", "account");
  }

  @Test
  @DisplayName("query-metadata-web-api.md: $filter on attributes with an enum value "
      + "(Microsoft.Dynamics.CRM.AttributeTypeCode'Picklist') and on RequiredLevel/Value")
  void filters_attributes_by_enum_values() {
    Reply picklists =
        get("EntityDefinitions(LogicalName='account')?$select=LogicalName&$expand=Attributes($select=LogicalName;"
            + "$filter=AttributeType eq Microsoft.Dynamics.CRM.AttributeTypeCode'Picklist')");
    Reply required =
        get("EntityDefinitions(LogicalName='contact')/Attributes?$select=SchemaName&$filter=RequiredLevel/Value eq "
            + "Microsoft.Dynamics.CRM.AttributeRequiredLevel'ApplicationRequired'");

    assertThat(picklists.status()).as(picklists.body()).isEqualTo(200);
    assertThat(picklists.json().path("Attributes").findValuesAsText("LogicalName")).containsExactly("industrycode");
    assertThat(required.status()).as(required.body()).isEqualTo(200);
    assertThat(required.value().findValuesAsText("SchemaName")).containsExactly("LastName");
  }

  @Test
  @DisplayName("query-metadata-web-api.md (querying relationship metadata): OneToManyRelationships lists the lookups "
      + "that point at a table")
  void lists_one_to_many_relationships() {
    Reply reply =
        get("EntityDefinitions(LogicalName='account')/OneToManyRelationships?$select=SchemaName,ReferencingEntity,"
            + "ReferencingAttribute,ReferencedAttribute");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode fromContacts = byName(reply.value(), "ReferencingAttribute", "parentcustomerid");
    assertThat(fromContacts.path("ReferencingEntity").asText()).isEqualTo("contact");
    assertThat(fromContacts.path("ReferencedAttribute").asText()).isEqualTo("accountid");
    assertThat(reply.value().findValuesAsText("ReferencingEntity")).contains("lead", "account");
    Reply manyToMany = get("EntityDefinitions(LogicalName='account')/ManyToManyRelationships");
    assertThat(manyToMany.status()).isEqualTo(200);
    assertThat(manyToMany.value().isEmpty()).isTrue();
  }

  @Test
  @DisplayName("dataverse-api.md §8: Keys lists a table's alternate keys with their KeyAttributes")
  void lists_alternate_keys() {
    emulator.addTable(BuiltInTables.contact().toBuilder().alternateKey("emailaddress1").build());

    Reply reply = get("EntityDefinitions(LogicalName='contact')/Keys?$select=LogicalName,KeyAttributes,"
        + "EntityKeyIndexStatus");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.value()).hasSize(1);
    assertThat(reply.value().get(0).path("KeyAttributes").get(0).asText()).isEqualTo("emailaddress1");
    assertThat(reply.value().get(0).path("EntityKeyIndexStatus").asText()).isEqualTo("Active");
    assertThat(get("EntityDefinitions(LogicalName='lead')/Keys").value().isEmpty()).isTrue();
  }

  @Test
  @DisplayName("dataverse-api.md §8: a table added at run time is a custom table; multi-select choices are Virtual "
      + "attributes of type MultiSelectPicklistType")
  void describes_custom_tables() {
    emulator.addTable(
        TableDefinition.builder("new_survey", "new_surveys")
            .primaryName("new_name")
            .column(ColumnDefinition.string("new_name", 100))
            .column(ColumnDefinition.multiChoice("new_topics", Map.of(1, "Sports", 2, "Music")))
            .column(ColumnDefinition.decimal("new_score"))
            .column(ColumnDefinition.floatingPoint("new_weight"))
            .build());

    JsonNode table = get("EntityDefinitions(LogicalName='new_survey')?$select=LogicalName,IsCustomEntity,"
        + "ObjectTypeCode,OwnershipType,ChangeTrackingEnabled").json();
    Map<String, String> types = typesByName(
        get("EntityDefinitions(LogicalName='new_survey')/Attributes?$select=LogicalName,AttributeType").value());
    JsonNode topics = get("EntityDefinitions(LogicalName='new_survey')/Attributes(LogicalName='new_topics')"
        + "?$select=AttributeTypeName").json();

    assertThat(table.path("IsCustomEntity").asBoolean()).isTrue();
    assertThat(table.path("ObjectTypeCode").asInt()).isGreaterThanOrEqualTo(10_000);
    assertThat(table.path("OwnershipType").asText()).isEqualTo("OrganizationOwned");
    assertThat(table.path("ChangeTrackingEnabled").asBoolean()).isFalse();
    assertThat(types)
        .containsEntry("new_topics", "Virtual")
        .containsEntry("new_score", "Decimal")
        .containsEntry("new_weight", "Double");
    assertThat(topics.path("AttributeTypeName").path("Value").asText()).isEqualTo("MultiSelectPicklistType");
    assertThat(topics.path("@odata.type").asText())
        .isEqualTo("#Microsoft.Dynamics.CRM.MultiSelectPicklistAttributeMetadata");
  }

  @Test
  @DisplayName("dataverse-api.md §2.2: an unknown table is 404 with the Dataverse error JSON")
  void unknown_table_is_404() {
    Reply byName = get("EntityDefinitions(LogicalName='xyz')");
    Reply byId = get("EntityDefinitions(00000000-0000-0000-0000-0000000000aa)");

    assertThat(byName.status()).isEqualTo(404);
    assertThat(byName.errorCode()).isEqualTo("0x80040217");
    assertThat(byName.errorMessage())
        .isEqualTo("Could not find an entity with name xyz and id 00000000-0000-0000-0000-000000000000.");
    assertThat(byId.status()).isEqualTo(404);
    assertThat(byId.errorMessage()).contains("00000000-0000-0000-0000-0000000000aa");
    assertThat(byName.header("Content-Type")).startsWith("application/json; odata.metadata=minimal");
  }

  @Test
  @DisplayName("dataverse-api.md §2.2: an unknown attribute is 404 with the Dataverse error JSON")
  void unknown_attribute_is_404() {
    Reply reply = get("EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='xyz')");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorMessage())
        .isEqualTo("'contact' entity doesn't contain attribute with Name = 'xyz' and NameMapping = 'Logical'.");
  }

  @Test
  @DisplayName("query-metadata-web-api.md: an unknown property in $select, $filter or $expand is 400 from the OData "
      + "URI parser")
  void unknown_properties_are_400() {
    Reply select = get("EntityDefinitions(LogicalName='contact')?$select=LogicalName,Foo");
    Reply filter = get("EntityDefinitions?$filter=Foo eq 'x'");
    Reply expand = get("EntityDefinitions(LogicalName='contact')?$expand=Columns");
    Reply nested = get("EntityDefinitions(LogicalName='contact')?$expand=Attributes($select=MaxLength)");

    for (Reply reply : new Reply[] {select, filter, expand, nested}) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(400);
      assertThat(reply.errorCode()).isEqualTo("0x80060888");
    }
    assertThat(select.errorMessage())
        .isEqualTo("Could not find a property named 'Foo' on type 'Microsoft.Dynamics.CRM.EntityMetadata'.");
    assertThat(expand.errorMessage())
        .isEqualTo("Could not find a property named 'Columns' on type 'Microsoft.Dynamics.CRM.EntityMetadata'.");
    assertThat(nested.errorMessage())
        .isEqualTo("Could not find a property named 'MaxLength' on type 'Microsoft.Dynamics.CRM.AttributeMetadata'.");
  }

  @Test
  @DisplayName("query-metadata-web-api.md: malformed keys, paths, casts and options are refused with 4xx")
  void malformed_requests_are_refused() {
    assertThat(get("EntityDefinitions(Name='contact')").status()).isEqualTo(400);
    assertThat(get("EntityDefinitions(LogicalName='contact')/Columns").status()).isEqualTo(404);
    assertThat(get("EntityDefinitions/Attributes").status()).isEqualTo(404);
    assertThat(get("EntityDefinitions(LogicalName='contact')/Attributes/Microsoft.Dynamics.CRM.EnumAttributeMetadata")
        .status()).isEqualTo(404);
    assertThat(get("EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='firstname')"
        + "/Microsoft.Dynamics.CRM.PicklistAttributeMetadata").status()).isEqualTo(404);
    assertThat(get("EntityDefinitions?$top=1").status()).isEqualTo(400);
    assertThat(get("EntityDefinitions?$filter=LogicalName eq 'contact").errorMessage())
        .isEqualTo("There is an unterminated literal at position 23 in 'LogicalName eq 'contact'.");
    assertThat(get("EntityDefinitions(LogicalName='contact')?$filter=LogicalName eq 'contact'").status())
        .isEqualTo(400);
    assertThat(call("POST", "EntityDefinitions").body("{}").send().status()).isEqualTo(400);
    assertThat(call("PATCH", "EntityDefinitions(LogicalName='contact')").body("{}").send().status()).isEqualTo(405);
  }

  @Test
  @DisplayName("dataverse-api.md §1: metadata requests need the bearer token like any other call")
  void refuses_a_request_without_a_token() {
    Reply reply = call("GET", "EntityDefinitions(LogicalName='contact')").withoutToken().send();

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer ");
  }

  @Test
  @DisplayName("dataverse-api.md §6: metadata requests count toward the service protection limits")
  void metadata_requests_count_toward_the_limits() {
    emulator.limits(ServiceProtectionLimits.DEFAULTS.withRequests(2));

    assertThat(get("EntityDefinitions?$select=LogicalName").status()).isEqualTo(200);
    assertThat(get("EntityDefinitions(LogicalName='contact')/Attributes").status()).isEqualTo(200);
    Reply limited = get("EntityDefinitions?$select=LogicalName");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotNull();
  }

  private static JsonNode byName(JsonNode array, String property, String value) {
    return StreamSupport.stream(array.spliterator(), false)
        .filter(item -> item.path(property).asText().equals(value))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no item with " + property + " = " + value + " in " + array));
  }

  private static Map<String, String> typesByName(JsonNode attributes) {
    Map<String, String> types = new LinkedHashMap<>();
    attributes.forEach(a -> types.put(a.path("LogicalName").asText(), a.path("AttributeType").asText()));
    return types;
  }
}
