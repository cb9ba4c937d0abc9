package org.spotlerconnector.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.config.DefaultMapping;
import org.spotlerconnector.mapping.ChoiceOption;
import org.spotlerconnector.mapping.ColumnMetadata;
import org.spotlerconnector.mapping.ColumnType;
import org.spotlerconnector.mapping.DateTimeBehavior;
import org.spotlerconnector.mapping.LookupTarget;
import org.spotlerconnector.mapping.TableSchema;
import org.spotlerconnector.mapping.TableSchema.Navigation;

/** The Dataverse schema reader and the start-up check against the sandbox, over real HTTP. */
class DataverseSchemaSandboxTest {
  private SandboxSchemas schemas;

  @BeforeEach
  void start() throws IOException {
    schemas = new SandboxSchemas();
  }

  @AfterEach
  void stop() {
    schemas.close();
  }

  @Test
  @DisplayName("dataverse-api.md §8: EntityDefinitions(LogicalName='contact') with attributes and relationships")
  void reads_the_contact_table() {
    TableMetadata contact = schemas.dataverse.read("contact");

    assertThat(contact.entitySetName()).isEqualTo("contacts");
    assertThat(contact.primaryIdAttribute()).isEqualTo("contactid");
    assertThat(contact.schema().columnType("firstname")).contains(ColumnType.TEXT);
    assertThat(contact.schema().columnType("gendercode")).contains(ColumnType.CHOICE);
    assertThat(contact.schema().columnType("birthdate")).contains(ColumnType.DATE_TIME);
    assertThat(contact.schema().lookupTargets("parentcustomerid"))
        .contains(
            new LookupTarget("parentcustomerid_account", "account"),
            new LookupTarget("parentcustomerid_contact", "contact"));
    assertThat(contact.schema().navigation("parentcustomerid_account"))
        .contains(new Navigation("parentcustomerid", "account"));
  }

  @Test
  @DisplayName("whether a table exists takes one request, without the column details")
  void tells_whether_a_table_exists_in_one_request() {
    long before = schemas.metadataRequests();

    assertThat(schemas.dataverse.exists("contact")).isTrue();
    assertThat(schemas.dataverse.exists("new_nothing")).isFalse();
    assertThat(schemas.metadataRequests() - before).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "query-metadata-web-api.md: a choice's options with labels, a date-only column's behaviour and a text's"
          + " MaxLength, from one query per attribute type cast to it")
  void reads_the_details_of_the_contact_columns() {
    TableSchema contact = schemas.dataverse.read("contact").schema();

    assertThat(column(contact, "gendercode").options())
        .containsExactly(new ChoiceOption(1, "Male"), new ChoiceOption(2, "Female"));
    assertThat(column(contact, "statuscode").options())
        .containsExactly(new ChoiceOption(1, "Active"), new ChoiceOption(2, "Inactive"));
    assertThat(column(contact, "birthdate").dateTimeBehavior()).isEqualTo(DateTimeBehavior.DATE_ONLY);
    assertThat(column(contact, "createdon").dateTimeBehavior()).isEqualTo(DateTimeBehavior.USER_LOCAL);
    assertThat(column(contact, "firstname").maxLength()).isEqualTo(OptionalInt.of(50));
    assertThat(column(contact, "description").maxLength()).isEqualTo(OptionalInt.of(2000));
    assertThat(column(contact, "donotbulkemail").options()).extracting(ChoiceOption::value).containsExactly(0, 1);
    // The definition, then String, Memo, BigInt (versionnumber), DateTime, Boolean, Picklist, State and Status.
    assertThat(schemas.metadataRequests()).isEqualTo(9);
  }

  @Test
  @DisplayName(
      "create-update-column-definitions-using-web-api.md: the details of columns created through the metadata API"
          + " read back as they were created")
  void reads_the_details_of_created_columns() {
    createTableWithColumns();

    TableSchema membership = schemas.dataverse.read("new_membership").schema();

    assertThat(column(membership, "new_name").maxLength()).isEqualTo(OptionalInt.of(120));
    assertThat(column(membership, "new_level").options())
        .containsExactly(new ChoiceOption(100000000, "Brons"), new ChoiceOption(100000001, "Zilver"));
    assertThat(column(membership, "new_interests").type()).isEqualTo(ColumnType.MULTI_CHOICE);
    assertThat(column(membership, "new_interests").options())
        .containsExactly(new ChoiceOption(100000000, "Sport"), new ChoiceOption(100000001, "Cultuur"));
    assertThat(column(membership, "new_paid").options())
        .containsExactly(new ChoiceOption(0, "Open"), new ChoiceOption(1, "Betaald"));
    assertThat(column(membership, "new_joinedon").dateTimeBehavior()).isEqualTo(DateTimeBehavior.DATE_ONLY);
    assertThat(column(membership, "new_checkin").dateTimeBehavior())
        .isEqualTo(DateTimeBehavior.TIME_ZONE_INDEPENDENT);
    ColumnMetadata discount = column(membership, "new_discount");
    assertThat(discount.minValue().orElseThrow()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(discount.maxValue().orElseThrow()).isEqualByComparingTo("100");
    assertThat(discount.precision()).isEqualTo(OptionalInt.of(1));
    assertThat(column(membership, "new_visits").maxValue().orElseThrow()).isEqualByComparingTo("500");
  }

  @Test
  void reads_lead_and_account_too() {
    assertThat(schemas.dataverse.read("lead").schema().columnType("companyname")).contains(ColumnType.TEXT);
    assertThat(column(schemas.dataverse.read("account").schema(), "industrycode").options()).isNotEmpty();
  }

  @Test
  @DisplayName("dataverse-api.md §2.1: 404 for a table the environment does not have")
  void says_which_table_is_missing() {
    assertThatThrownBy(() -> schemas.dataverse.read("new_missing"))
        .isInstanceOf(MissingTableException.class)
        .hasMessageContaining("'new_missing' does not exist");
  }

  @Test
  @DisplayName(
      "the demo's configuration: the default mapping fits the sandbox, reading each table once: its definition and"
          + " one query per attribute type with details")
  void the_default_mapping_fits_the_sandbox() {
    new MappingCheck(schemas.dataverse, schemas.spotler, ZoneId.of("Europe/Amsterdam")).check(DefaultMapping.rows());

    // contact 9 (see above), lead 9 (the same types), account 11 (also Integer and Money).
    assertThat(schemas.metadataRequests()).isEqualTo(9 + 9 + 11);
  }

  private static ColumnMetadata column(TableSchema table, String column) {
    return table.column(column).orElseThrow(() -> new AssertionError("no column " + column));
  }

  /** A custom table with typed columns, created with the bodies Microsoft Learn documents. */
  private void createTableWithColumns() {
    schemas.client.create("EntityDefinitions", json("""
        {"@odata.type": "Microsoft.Dynamics.CRM.EntityMetadata", "SchemaName": "new_Membership",
         "DisplayName": %s, "DisplayCollectionName": %s, "OwnershipType": "UserOwned",
         "HasActivities": false, "HasNotes": false, "IsActivity": false,
         "Attributes": [{"@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata", "SchemaName": "new_Name",
                         "IsPrimaryName": true, "MaxLength": 120, "FormatName": {"Value": "Text"},
                         "DisplayName": %s, "RequiredLevel": {"Value": "None"}}]}
        """.formatted(label("Membership"), label("Memberships"), label("Name"))));
    addColumn("""
        {"@odata.type": "Microsoft.Dynamics.CRM.PicklistAttributeMetadata", "SchemaName": "new_Level",
         "DisplayName": %s, "RequiredLevel": {"Value": "None"},
         "OptionSet": {"@odata.type": "Microsoft.Dynamics.CRM.OptionSetMetadata", "IsGlobal": false,
                       "OptionSetType": "Picklist",
                       "Options": [{"Value": 100000000, "Label": %s}, {"Value": 100000001, "Label": %s}]}}
        """.formatted(label("Level"), label("Brons"), label("Zilver")));
    addColumn("""
        {"@odata.type": "Microsoft.Dynamics.CRM.MultiSelectPicklistAttributeMetadata", "SchemaName": "new_Interests",
         "DisplayName": %s, "RequiredLevel": {"Value": "None"},
         "OptionSet": {"@odata.type": "Microsoft.Dynamics.CRM.OptionSetMetadata", "IsGlobal": false,
                       "OptionSetType": "Picklist",
                       "Options": [{"Value": 100000000, "Label": %s}, {"Value": 100000001, "Label": %s}]}}
        """.formatted(label("Interests"), label("Sport"), label("Cultuur")));
    addColumn("""
        {"@odata.type": "Microsoft.Dynamics.CRM.BooleanAttributeMetadata", "SchemaName": "new_Paid",
         "DisplayName": %s, "RequiredLevel": {"Value": "None"}, "DefaultValue": false,
         "OptionSet": {"@odata.type": "Microsoft.Dynamics.CRM.BooleanOptionSetMetadata", "OptionSetType": "Boolean",
                       "TrueOption": {"Value": 1, "Label": %s}, "FalseOption": {"Value": 0, "Label": %s}}}
        """.formatted(label("Paid"), label("Betaald"), label("Open")));
    addColumn("""
        {"@odata.type": "Microsoft.Dynamics.CRM.DateTimeAttributeMetadata", "SchemaName": "new_JoinedOn",
         "DisplayName": %s, "RequiredLevel": {"Value": "None"}, "Format": "DateOnly",
         "DateTimeBehavior": {"Value": "DateOnly"}}
        """.formatted(label("Joined on")));
    addColumn("""
        {"@odata.type": "Microsoft.Dynamics.CRM.DateTimeAttributeMetadata", "SchemaName": "new_CheckIn",
         "DisplayName": %s, "RequiredLevel": {"Value": "None"}, "Format": "DateAndTime",
         "DateTimeBehavior": {"Value": "TimeZoneIndependent"}}
        """.formatted(label("Check-in")));
    addColumn("""
        {"@odata.type": "Microsoft.Dynamics.CRM.DecimalAttributeMetadata", "SchemaName": "new_Discount",
         "DisplayName": %s, "RequiredLevel": {"Value": "None"}, "MinValue": 0, "MaxValue": 100, "Precision": 1}
        """.formatted(label("Discount")));
    addColumn("""
        {"@odata.type": "Microsoft.Dynamics.CRM.IntegerAttributeMetadata", "SchemaName": "new_Visits",
         "DisplayName": %s, "RequiredLevel": {"Value": "None"}, "MinValue": 0, "MaxValue": 500, "Format": "None"}
        """.formatted(label("Visits")));
  }

  private void addColumn(String attribute) {
    schemas.client.create("EntityDefinitions(LogicalName='new_membership')/Attributes", json(attribute));
  }

  private static String label(String text) {
    return """
        {"@odata.type": "Microsoft.Dynamics.CRM.Label", "LocalizedLabels": [{"@odata.type":
         "Microsoft.Dynamics.CRM.LocalizedLabel", "Label": "%s", "LanguageCode": 1033}]}"""
        .formatted(text);
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) RecordedMetadata.JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
