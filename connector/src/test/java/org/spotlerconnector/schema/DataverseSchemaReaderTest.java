package org.spotlerconnector.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.spotlerconnector.dataverse.AccessDeniedException;
import org.spotlerconnector.dataverse.DataverseError;
import org.spotlerconnector.dataverse.DataverseException;
import org.spotlerconnector.dataverse.NotFoundException;
import org.spotlerconnector.mapping.ColumnType;
import org.spotlerconnector.mapping.LookupTarget;
import org.spotlerconnector.mapping.TableSchema;
import org.spotlerconnector.mapping.TableSchema.Navigation;

/** Table definitions read from recorded answers of the metadata Web API (EntityMetadata with expanded attributes). */
class DataverseSchemaReaderTest {
  private final RecordedMetadata metadata = RecordedMetadata.of("contact", "account", "lead");
  private final DataverseSchemaReader reader = new DataverseSchemaReader(metadata);

  @Test
  @DisplayName(
      "query-metadata-web-api.md: the definition with its attributes and relationships, then one query per attribute"
          + " type with details, cast to that type: 14 requests for contact, which has all 13 such types")
  void reads_a_table_and_the_details_of_its_attribute_types() {
    reader.read("contact");

    String typed = "EntityDefinitions(LogicalName='contact')/Attributes/Microsoft.Dynamics.CRM.";
    String choices = "?$select=LogicalName&$expand=OptionSet($select=Options),GlobalOptionSet($select=Options)";
    assertThat(metadata.requests())
        .containsExactly(
            "EntityDefinitions(LogicalName='contact')"
                + "?$select=LogicalName,EntitySetName,PrimaryIdAttribute,PrimaryNameAttribute"
                + "&$expand=Attributes($select=LogicalName,AttributeType,AttributeTypeName),"
                + "ManyToOneRelationships($select=ReferencingAttribute,ReferencedEntity,"
                + "ReferencingEntityNavigationPropertyName)",
            typed + "StringAttributeMetadata?$select=LogicalName,MaxLength",
            typed + "MemoAttributeMetadata?$select=LogicalName,MaxLength",
            typed + "IntegerAttributeMetadata?$select=LogicalName,MinValue,MaxValue",
            typed + "BigIntAttributeMetadata?$select=LogicalName,MinValue,MaxValue",
            typed + "DecimalAttributeMetadata?$select=LogicalName,MinValue,MaxValue,Precision",
            typed + "DoubleAttributeMetadata?$select=LogicalName,MinValue,MaxValue,Precision",
            typed + "MoneyAttributeMetadata?$select=LogicalName,MinValue,MaxValue,Precision,PrecisionSource",
            typed + "DateTimeAttributeMetadata?$select=LogicalName,DateTimeBehavior",
            typed + "BooleanAttributeMetadata?$select=LogicalName"
                + "&$expand=OptionSet($select=TrueOption,FalseOption),GlobalOptionSet($select=TrueOption,FalseOption)",
            typed + "PicklistAttributeMetadata" + choices,
            typed + "StateAttributeMetadata" + choices,
            typed + "StatusAttributeMetadata" + choices,
            typed + "MultiSelectPicklistAttributeMetadata" + choices);
  }

  @Test
  @DisplayName("only the attribute types the table has are queried: a table of text and lookups takes 2 requests")
  void queries_only_the_attribute_types_the_table_has() {
    ObjectNode definition = definition("new_thing");
    definition.withArray("Attributes").addObject().put("LogicalName", "new_name").put("AttributeType", "String");
    definition.withArray("Attributes").addObject().put("LogicalName", "new_ref").put("AttributeType", "Lookup");
    definition.withArray("Attributes").addObject().put("LogicalName", "new_thingid")
        .put("AttributeType", "Uniqueidentifier");
    metadata.answer("new_thing", definition);

    reader.read("new_thing");

    assertThat(metadata.requests())
        .hasSize(2)
        .last()
        .isEqualTo(
            "EntityDefinitions(LogicalName='new_thing')/Attributes/Microsoft.Dynamics.CRM.StringAttributeMetadata"
                + "?$select=LogicalName,MaxLength");
  }

  @Test
  void reads_the_names_the_web_api_addresses_rows_by() {
    TableMetadata contact = reader.read("contact");

    assertThat(contact.logicalName()).isEqualTo("contact");
    assertThat(contact.entitySetName()).isEqualTo("contacts");
    assertThat(contact.primaryIdAttribute()).isEqualTo("contactid");
    assertThat(contact.primaryNameAttribute()).contains("fullname");
  }

  @Test
  void reads_every_column_with_its_type() {
    TableSchema contact = reader.read("contact").schema();

    assertThat(contact.columnNames()).hasSize(RecordedMetadata.recording("contact").get("Attributes").size());
    assertThat(contact.columnType("firstname")).contains(ColumnType.TEXT);
    assertThat(contact.columnType("description")).contains(ColumnType.TEXT);
    assertThat(contact.columnType("donotbulkemail")).contains(ColumnType.BOOLEAN);
    assertThat(contact.columnType("numberofchildren")).contains(ColumnType.WHOLE_NUMBER);
    assertThat(contact.columnType("versionnumber")).contains(ColumnType.WHOLE_NUMBER);
    assertThat(contact.columnType("exchangerate")).contains(ColumnType.DECIMAL);
    assertThat(contact.columnType("address1_latitude")).contains(ColumnType.DECIMAL);
    assertThat(contact.columnType("annualincome")).contains(ColumnType.MONEY);
    assertThat(contact.columnType("birthdate")).contains(ColumnType.DATE_TIME);
    assertThat(contact.columnType("gendercode")).contains(ColumnType.CHOICE);
    assertThat(contact.columnType("statecode")).contains(ColumnType.CHOICE);
    assertThat(contact.columnType("statuscode")).contains(ColumnType.CHOICE);
    assertThat(contact.columnType("contactid")).contains(ColumnType.UNIQUE_IDENTIFIER);
    assertThat(contact.columnType("owneridtype")).contains(ColumnType.OTHER);
  }

  @Test
  @DisplayName("a multi-select choice is a Virtual attribute of type MultiSelectPicklistType; an image is not")
  void tells_multi_select_choices_from_other_virtual_columns() {
    TableSchema contact = reader.read("contact").schema();

    assertThat(contact.columnType("new_interests")).contains(ColumnType.MULTI_CHOICE);
    assertThat(contact.columnType("entityimage")).contains(ColumnType.OTHER);
  }

  @Test
  @DisplayName("a customer lookup has one many-to-one relationship, and navigation property, per target table")
  void reads_every_target_of_a_polymorphic_lookup() {
    TableSchema contact = reader.read("contact").schema();

    assertThat(contact.columnType("parentcustomerid")).contains(ColumnType.LOOKUP);
    assertThat(contact.lookupTargets("parentcustomerid"))
        .containsExactly(
            new LookupTarget("parentcustomerid_account", "account"),
            new LookupTarget("parentcustomerid_contact", "contact"));
    assertThat(contact.navigation("parentcustomerid_account"))
        .contains(new Navigation("parentcustomerid", "account"));
    assertThat(contact.navigation("parentcustomerid_contact"))
        .contains(new Navigation("parentcustomerid", "contact"));
  }

  @Test
  void reads_single_target_lookups_and_owner_lookups() {
    TableSchema account = reader.read("account").schema();

    assertThat(account.navigation("primarycontactid")).contains(new Navigation("primarycontactid", "contact"));
    assertThat(account.columnType("ownerid")).contains(ColumnType.LOOKUP);
    assertThat(account.lookupTargets("ownerid")).containsExactly(new LookupTarget("ownerid", "owner"));
  }

  @Test
  @DisplayName("a relationship whose referencing attribute is not a lookup column of the table adds no navigation")
  void ignores_relationships_of_columns_the_table_does_not_list_as_lookups() {
    TableSchema contact = reader.read("contact").schema();

    assertThat(contact.columnType("owninguser")).isEmpty();
    assertThat(contact.navigation("owninguser")).isEmpty();
  }

  @Test
  void keeps_a_lookup_without_relationships_as_a_lookup_without_targets() {
    ObjectNode definition = definition("new_thing");
    definition.withArray("Attributes").addObject().put("LogicalName", "new_ref").put("AttributeType", "Lookup");
    metadata.answer("new_thing", definition);

    TableSchema table = reader.read("new_thing").schema();

    assertThat(table.columnType("new_ref")).contains(ColumnType.LOOKUP);
    assertThat(table.lookupTargets("new_ref")).isEmpty();
  }

  @ParameterizedTest(name = "{0} ({1}) is {2}")
  @CsvSource({
    "String, StringType, TEXT",
    "Memo, MemoType, TEXT",
    "Lookup, LookupType, LOOKUP",
    "Customer, CustomerType, LOOKUP",
    "Owner, OwnerType, LOOKUP",
    "Picklist, PicklistType, CHOICE",
    "State, StateType, CHOICE",
    "Status, StatusType, CHOICE",
    "Boolean, BooleanType, BOOLEAN",
    "DateTime, DateTimeType, DATE_TIME",
    "Integer, IntegerType, WHOLE_NUMBER",
    "BigInt, BigIntType, WHOLE_NUMBER",
    "Decimal, DecimalType, DECIMAL",
    "Double, DoubleType, DECIMAL",
    "Money, MoneyType, MONEY",
    "Uniqueidentifier, UniqueidentifierType, UNIQUE_IDENTIFIER",
    "Virtual, MultiSelectPicklistType, MULTI_CHOICE",
    "Virtual, ImageType, OTHER",
    "Virtual, FileType, OTHER",
    "EntityName, EntityNameType, OTHER",
    "PartyList, PartyListType, OTHER",
  })
  void maps_each_attribute_type_to_a_column_type(String attributeType, String typeName, ColumnType expected) {
    ObjectNode definition = definition("new_thing");
    ObjectNode attribute = definition.withArray("Attributes").addObject().put("LogicalName", "new_column");
    attribute.put("AttributeType", attributeType);
    attribute.putObject("AttributeTypeName").put("Value", typeName);
    metadata.answer("new_thing", definition);

    assertThat(reader.read("new_thing").schema().columnType("new_column")).contains(expected);
  }

  @Test
  void reads_a_table_without_a_primary_name() {
    ObjectNode definition = definition("new_link");
    definition.putNull("PrimaryNameAttribute");
    metadata.answer("new_link", definition);

    assertThat(reader.read("new_link").primaryNameAttribute()).isEmpty();
  }

  @Test
  @DisplayName("dataverse-api.md §2.1: 404 for a table the environment does not have")
  void says_which_table_is_missing() {
    assertThatThrownBy(() -> reader.read("new_missing"))
        .isInstanceOf(MissingTableException.class)
        .hasMessage(
            "The Dataverse table 'new_missing' does not exist or the application user cannot read its metadata")
        .extracting(e -> ((MissingTableException) e).logicalName())
        .isEqualTo("new_missing");
  }

  @Test
  @DisplayName("dataverse-api.md §2.1: 403 PrivilegeDenied is a configuration problem, passed on as it is")
  void passes_on_a_refusal() {
    DataverseSchemaReader refused =
        new DataverseSchemaReader(
            url -> {
              throw new DataverseError(403, "0x80040220", "Principal user is missing prvReadEntity", "")
                  .toException();
            });

    assertThatThrownBy(() -> refused.read("contact")).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  @DisplayName("a 404 for the EntityDefinitions segment itself means a wrong URL, not a missing table")
  void does_not_blame_the_table_when_the_metadata_endpoint_is_unknown() {
    DataverseSchemaReader misdirected =
        new DataverseSchemaReader(
            url -> {
              throw new DataverseError(
                      404, "0x8006088a", "Resource not found for the segment 'EntityDefinitions'.", "")
                  .toException();
            });

    assertThatThrownBy(() -> misdirected.read("contact"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Resource not found for the segment 'EntityDefinitions'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "contact')", "con tact", "contact?$x=1", "9lives"})
  void refuses_names_that_are_no_logical_names_without_asking(String name) {
    assertThatThrownBy(() -> reader.read(name)).isInstanceOf(IllegalArgumentException.class);
    assertThat(metadata.requests()).isEmpty();
  }

  @Test
  @DisplayName("a table deleted between its definition and its typed queries is missing, not a broken answer")
  void a_404_for_a_typed_query_means_the_table_is_missing() {
    DataverseSchemaReader racing =
        new DataverseSchemaReader(
            url -> {
              if (url.contains("/Attributes/")) {
                throw new DataverseError(404, "0x80040217", "Could not find an entity with name contact", "")
                    .toException();
              }
              return metadata.apply(url);
            });

    assertThatThrownBy(() -> racing.read("contact")).isInstanceOf(MissingTableException.class);
  }

  @Test
  void refuses_a_typed_answer_that_is_no_attribute_collection() {
    metadata.answerTyped("contact", "PicklistAttributeMetadata", RecordedMetadata.JSON.createObjectNode());

    assertThatThrownBy(() -> reader.read("contact"))
        .isInstanceOf(DataverseException.class)
        .hasMessageContaining("table 'contact' has no attribute collection at ")
        .hasMessageContaining("/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?");
  }

  @Test
  void refuses_an_answer_that_is_no_table_definition() {
    metadata.answer("new_odd", RecordedMetadata.JSON.createObjectNode().put("LogicalName", "new_odd"));

    assertThatThrownBy(() -> reader.read("new_odd"))
        .isInstanceOf(DataverseException.class)
        .hasMessageContaining("table 'new_odd' has no Attributes");
  }

  private static ObjectNode definition(String logicalName) {
    ObjectNode definition = RecordedMetadata.JSON.createObjectNode();
    definition.put("LogicalName", logicalName);
    definition.put("EntitySetName", logicalName + "s");
    definition.put("PrimaryIdAttribute", logicalName + "id");
    definition.put("PrimaryNameAttribute", "new_name");
    definition.putArray("Attributes");
    definition.putArray("ManyToOneRelationships");
    return definition;
  }
}
