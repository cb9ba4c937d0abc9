package org.spotlerconnector.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MappingValidatorTest {
  private final MappingValidator validator =
      new MappingValidator(TestSchemas.dutchSpotlerAccount(), TestSchemas.standardTables());

  private static FieldMapping.Builder row(String spotlerField, int line) {
    return FieldMapping.builder(spotlerField).location(new SourceLocation("connector.yml", line, 5));
  }

  private List<String> problems(FieldMapping... rows) {
    return validator.validate(List.of(rows)).stream().map(MappingProblem::toString).toList();
  }

  @Test
  void accepts_a_mapping_that_fits_both_schemas() {
    assertThat(
            problems(
                row("email", 1).allTables("emailaddress1").build(),
                row("organisation", 2)
                    .contact("parentcustomerid_account.name")
                    .lead("companyname")
                    .account("name")
                    .build(),
                row("gender", 3).contact("gendercode").build(),
                row("birthday", 4).contact("birthdate").build(),
                row("customerType", 5).allTables("$CustomerType").build(),
                row("taal", 6).allTables("$value:NL").build(),
                row("permissions", 7).contact("@map(permissions)").direction("<->").build(),
                row("numberOfOrders", 8).contact("numberofchildren").filter("statecode=0").build(),
                row("firstName", 9).contact("firstname").direction("<->").build()))
        .isEmpty();
  }

  @Test
  void reports_every_problem_at_once_each_with_its_row_location() {
    List<String> problems =
        problems(
            row("emial", 10).contact("emailaddress1").build(),
            row("firstName", 20).contact("frstname").build(),
            row("organisation", 30).contact("parentcustomerid_acount.name").build(),
            row("customerType", 40).contact("$CustomerType").direction("<-").build(),
            row("email", 50).contact("emailaddress1").build(),
            row("email", 60).contact("emailaddress1").lead("emailaddress1").build());

    assertThat(problems)
        .containsExactly(
            "connector.yml:10:5: mapping 'emial': 'emial' is not a contact field of the Spotler account;"
                + " did you mean 'email'? (use the field's database name, not its display name)",
            "connector.yml:20:5: mapping 'firstName': contact: column 'frstname' does not exist on table contact;"
                + " did you mean 'firstname'?",
            "connector.yml:30:5: mapping 'organisation': contact: 'parentcustomerid_acount' is not a navigation"
                + " property of table contact; did you mean 'parentcustomerid_account'?",
            "connector.yml:40:5: mapping 'customerType': contact: $CustomerType cannot be written from Spotler,"
                + " but the direction is <-; use direction ->",
            "connector.yml:60:5: mapping 'email': Spotler field 'email' is already mapped for contact by the row at"
                + " connector.yml:50:5; keep one row per field and table");
  }

  @Test
  void checks_columns_per_table() {
    assertThat(problems(row("organisation", 1).contact("companyname").lead("companyname").build()))
        .singleElement()
        .asString()
        .contains("contact: column 'companyname' does not exist on table contact");
  }

  @Test
  void checks_the_column_of_the_related_table() {
    assertThat(problems(row("organisation", 1).contact("parentcustomerid_account.fullname").build()))
        .singleElement()
        .asString()
        .contains("column 'fullname' does not exist on table account");
  }

  @Test
  void tells_to_use_the_navigation_property_when_a_lookup_column_starts_a_related_column() {
    assertThat(problems(row("organisation", 1).contact("parentcustomerid.name").build()))
        .singleElement()
        .asString()
        .contains("'parentcustomerid' is a lookup column")
        .contains("parentcustomerid_account.name or parentcustomerid_contact.name");
  }

  @Test
  void tells_to_use_the_logical_name_for_a_web_api_lookup_name() {
    assertThat(problems(row("organisation", 1).contact("_parentcustomerid_value").build()))
        .singleElement()
        .asString()
        .contains("write parentcustomerid");
  }

  @Test
  void rejects_writing_constants_related_columns_and_lookups_from_spotler() {
    assertThat(
            problems(
                row("taal", 1).contact("$value:NL").direction("<->").build(),
                row("organisation", 2).contact("parentcustomerid_account.name").direction("<-").build(),
                row("city", 3).contact("parentcustomerid").direction("<->").build()))
        .satisfiesExactly(
            p -> assertThat(p).contains("$value:NL cannot be written from Spotler"),
            p -> assertThat(p).contains("related column parentcustomerid_account.name belongs to another record"),
            p -> assertThat(p).contains("lookup column parentcustomerid cannot be written from Spotler"));
  }

  @Test
  void rejects_columns_whose_type_cannot_fill_the_spotler_field() {
    assertThat(
            problems(
                row("birthday", 1).contact("firstname").build(),
                row("numberOfOrders", 2).contact("annualincome").build(),
                row("permissions", 3).contact("donotbulkemail").build(),
                row("gender", 4).contact("birthdate").build()))
        .satisfiesExactly(
            p -> assertThat(p).contains("column firstname (TEXT) cannot fill Spotler field 'birthday' of type birthdate"),
            p -> assertThat(p).contains("use a whole number, choice or yes/no column"),
            p -> assertThat(p).contains("a set field is filled with @map(permissions) or @map(list)"),
            p -> assertThat(p).contains("use a choice column (1 = male, 2 = female)"));
  }

  @Test
  void rejects_special_values_that_do_not_fit_the_field() {
    assertThat(
            problems(
                row("numberOfOrders", 1).contact("$value:many").build(),
                row("gender", 2).contact("$value:X").build(),
                row("birthday", 3).contact("$CustomerType").build(),
                row("email", 4).contact("@map(permissions)").build()))
        .satisfiesExactly(
            p -> assertThat(p).contains("$value:many does not fit Spotler field 'numberOfOrders' of type int"),
            p -> assertThat(p).contains("expected M or F"),
            p -> assertThat(p).contains("$CustomerType is text"),
            p -> assertThat(p).contains("@map(permissions) fills a Spotler field of type set"));
  }

  @Test
  void checks_filters_against_every_table_of_the_row() {
    assertThat(
            problems(
                row("email", 1).contact("emailaddress1").account("emailaddress1").filter("gendercode=1").build(),
                row("firstName", 2).contact("firstname").filter("donotbulkemail=maybe").build()))
        .satisfiesExactly(
            p -> assertThat(p).contains("filter gendercode=1 on account: column 'gendercode' does not exist"),
            p -> assertThat(p).contains("filter donotbulkemail=maybe on contact").contains("use true or false"));
  }

  @Test
  void rejects_a_row_without_any_column() {
    assertThat(problems(row("email", 1).build()))
        .singleElement()
        .asString()
        .contains("maps no column; set contact, lead, account or entity");
  }

  @Test
  void rejects_two_fields_written_into_one_dataverse_column() {
    assertThat(
            problems(
                row("firstName", 1).contact("firstname").direction("<-").build(),
                row("infix", 2).contact("firstname").direction("<->").build()))
        .singleElement()
        .asString()
        .contains("contact column firstname is already written from Spotler field 'firstName'");
  }

  @Test
  void allows_one_field_from_different_rows_for_different_tables() {
    assertThat(
            problems(
                row("organisation", 1).contact("parentcustomerid_account.name").build(),
                row("organisation", 2).lead("companyname").build()))
        .isEmpty();
  }

  @Test
  void still_checks_columns_when_the_spotler_field_is_unknown() {
    assertThat(problems(row("nickname", 1).contact("nickname").build()))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("'nickname' is not a contact field"))
        .anySatisfy(p -> assertThat(p).contains("column 'nickname' does not exist on table contact"));
  }

  @Test
  void reports_a_missing_table() {
    MappingValidator withoutLead =
        new MappingValidator(
            TestSchemas.dutchSpotlerAccount(), DataverseSchema.of(TestSchemas.contact(), TestSchemas.account()));
    assertThat(withoutLead.validate(List.of(row("email", 1).lead("emailaddress1").build())))
        .singleElement()
        .extracting(MappingProblem::message)
        .asString()
        .contains("table lead does not exist");
  }
}
