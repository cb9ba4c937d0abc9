package org.spotlerconnector.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.config.ConfigLoader;
import org.spotlerconnector.config.DefaultMapping;
import org.spotlerconnector.mapping.FieldMapping;
import org.spotlerconnector.mapping.MappingException;
import org.spotlerconnector.mapping.MappingProblem;
import org.spotlerconnector.mapping.OutboundMapper;
import org.spotlerconnector.mapping.OutboundResult;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.spotler.ContactProperty;

/** The start-up check over recorded metadata of a standard environment and the property list of a Dutch account. */
class MappingCheckTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final String CONNECTION =
      """
      dataverse:
        url: https://contoso.crm4.dynamics.com
        tenant: contoso.onmicrosoft.com
        clientId: 11111111-2222-3333-4444-555555555555
        clientSecret: not-a-real-secret
      spotler:
        consumerKey: not-a-real-key
        consumerSecret: not-a-real-secret
      """;

  private RecordedMetadata metadata = RecordedMetadata.of("contact", "lead", "account");
  private int propertyListCalls;

  @Test
  void compiles_the_default_mapping_against_a_standard_environment() {
    OutboundMapper mapper = check(DefaultMapping.rows());

    ObjectNode contact = RecordedMetadata.JSON.createObjectNode().put("firstname", "Anna");
    contact.putObject("parentcustomerid_account").put("name", "Contoso");
    OutboundResult result = mapper.map(SourceTable.CONTACT, contact);

    assertThat(result).isInstanceOf(OutboundResult.Mapped.class);
    assertThat(((OutboundResult.Mapped) result).properties().get("organisation").asText()).isEqualTo("Contoso");
    assertThat(mapper.requiredSelect(SourceTable.CONTACT).expand()).containsKey("parentcustomerid_account");
  }

  @Test
  @DisplayName(
      "each schema is read once: the property list, and per table its definition and one query per attribute type"
          + " with details that it has (contact all 13, lead 8, account 10), whatever the mapping uses of it")
  void reads_each_table_once() {
    check(DefaultMapping.rows());

    assertThat(metadata.tablesRequested()).containsExactlyInAnyOrder("contact", "lead", "account");
    assertThat(metadata.requestsFor("contact")).isEqualTo(14);
    assertThat(metadata.requestsFor("lead")).isEqualTo(9);
    assertThat(metadata.requestsFor("account")).isEqualTo(11);
    assertThat(propertyListCalls).isEqualTo(1);
  }

  @Test
  void reads_the_target_table_of_a_related_column_too() {
    metadata = RecordedMetadata.of("contact", "account");

    check(
        List.of(
            FieldMapping.builder("organisation").contact("parentcustomerid_account.name").build(),
            FieldMapping.builder("city").contact("parentcustomerid_account.address1_city").build()));

    assertThat(metadata.tablesRequested()).containsExactly("contact", "account");
  }

  @Test
  @DisplayName("every problem at once, each at its row in the configuration file, in file order")
  void lists_every_problem_with_its_place_in_the_file() {
    List<FieldMapping> mapping =
        mapping(
            """
            mapping:
              - spotler: email
                contact: emailaddress1
              - spotler: voornaam
                contact: firstname
              - spotler: lastName
                contact: lastnaem
              - spotler: numberOfOrders
                contact: firstname
              - spotler: organisation
                contact: parentcustomerid.name
            """);

    MappingException e = catchThrowableOfType(MappingException.class, () -> check(mapping));

    assertThat(e.problems()).extracting(p -> p.location().line()).containsExactly(12, 14, 16, 18);
    assertThat(e.getMessage())
        .startsWith("4 problems in the mapping:")
        .contains("connector.yml:12:5: mapping 'voornaam': 'voornaam' is not a contact field of the Spotler account")
        .contains("column 'lastnaem' does not exist on table contact; did you mean 'lastname'?")
        .contains("cannot fill Spotler field 'numberOfOrders' of type int")
        .contains("'parentcustomerid' is a lookup column; start a related column with its navigation property:"
            + " parentcustomerid_account.name or parentcustomerid_contact.name");
  }

  @Test
  @DisplayName("a table the environment lacks is one problem at its first use, not one per row")
  void reports_a_missing_table_once_and_still_checks_the_rest() {
    metadata = RecordedMetadata.of("contact", "account");
    List<FieldMapping> mapping =
        mapping(
            """
            mapping:
              - spotler: email
                contact: emailaddress1
                lead: emailaddress1
              - spotler: organisation
                lead: companyname
              - spotler: lastName
                contact: lastnaem
                lead: lastname
            """);

    MappingException e = catchThrowableOfType(MappingException.class, () -> check(mapping));

    assertThat(e.problems()).hasSize(2);
    MappingProblem missing = e.problems().get(0);
    assertThat(missing.location().line()).isEqualTo(10);
    assertThat(missing.message())
        .startsWith("The Dataverse table 'lead' does not exist or the application user cannot read its metadata")
        .contains("this row and 2 more map a lead column: remove them,");
    assertThat(e.problems().get(1).message()).contains("column 'lastnaem' does not exist on table contact");
  }

  @Test
  void reports_a_missing_table_used_by_one_row() {
    metadata = RecordedMetadata.of("contact", "account");

    assertThatThrownBy(
            () ->
                check(
                    List.of(
                        FieldMapping.builder("email").contact("emailaddress1").build(),
                        FieldMapping.builder("organisation").lead("companyname").build())))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("1 problem in the mapping:")
        .hasMessageContaining("'lead' does not exist")
        .hasMessageContaining("this row maps a lead column: remove it,");
  }

  private OutboundMapper check(List<FieldMapping> mapping) {
    SpotlerSchemaReader spotler =
        new SpotlerSchemaReader(
            () -> {
              propertyListCalls++;
              return dutchAccount();
            });
    return new MappingCheck(new DataverseSchemaReader(metadata), spotler, AMSTERDAM).check(mapping);
  }

  private static List<FieldMapping> mapping(String mappingSection) {
    return new ConfigLoader(name -> null).load("connector.yml", CONNECTION + mappingSection).mapping();
  }

  private static List<ContactProperty> dutchAccount() {
    return List.of(
        property("email", "email"),
        property("firstName", "string"),
        property("infix", "string"),
        property("lastName", "string"),
        property("gender", "gender"),
        property("birthday", "birthdate"),
        property("street", "string"),
        property("postalCode", "postcode"),
        property("city", "string"),
        property("country", "string"),
        property("organisation", "string"),
        property("phoneNumber", "string"),
        property("mobileNumber", "mobNr"),
        property("customerType", "string"),
        property("numberOfOrders", "int"),
        property("permissions", "set"));
  }

  private static ContactProperty property(String name, String type) {
    return new ContactProperty(name, name, type, List.of());
  }
}
