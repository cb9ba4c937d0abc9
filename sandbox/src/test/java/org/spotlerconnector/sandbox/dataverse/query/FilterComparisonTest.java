package org.spotlerconnector.sandbox.dataverse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spotlerconnector.sandbox.dataverse.query.Contacts.matches;
import static org.spotlerconnector.sandbox.dataverse.query.Contacts.row;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("$filter comparisons (dataverse-api.md §2.4)")
class FilterComparisonTest {

  private static final String PARENT = "6f1c0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";

  @ParameterizedTest(name = "numberofchildren {0} -> {1}")
  @CsvSource({
    "eq 2, true", "eq 3, false",
    "ne 2, false", "ne 3, true",
    "gt 1, true", "gt 2, false",
    "ge 2, true", "ge 3, false",
    "lt 3, true", "lt 2, false",
    "le 2, true", "le 1, false"
  })
  void compares_numbers_with_each_operator(String comparison, boolean expected) {
    assertThat(matches("numberofchildren " + comparison, row("numberofchildren", 2))).isEqualTo(expected);
  }

  @Test
  void compares_numbers_numerically_across_integer_decimal_and_exponent_literals() {
    ObjectNode row = row("creditlimit", new BigDecimal("1500.50"), "numberofchildren", 10, "address1_latitude", 52.1);

    assertThat(matches("creditlimit eq 1500.5", row)).isTrue();
    assertThat(matches("creditlimit gt 1500", row)).isTrue();
    assertThat(matches("numberofchildren gt 9.5", row)).isTrue();
    assertThat(matches("numberofchildren eq 1e1", row)).isTrue();
    assertThat(matches("address1_latitude lt 52.2", row)).isTrue();
    assertThat(matches("creditlimit gt -1", row)).isTrue();
  }

  @Test
  void compares_large_whole_numbers_exactly() {
    ObjectNode row = row("versionnumber", 9_007_199_254_740_993L);

    assertThat(matches("versionnumber eq 9007199254740993", row)).isTrue();
    assertThat(matches("versionnumber eq 9007199254740992", row)).isFalse();
  }

  @Test
  @DisplayName("dataverse-api.md §2.4: string comparisons are case-insensitive")
  void compares_strings_case_insensitively() {
    ObjectNode row = row("lastname", "McDonald");

    assertThat(matches("lastname eq 'mcdonald'", row)).isTrue();
    assertThat(matches("lastname ne 'MCDONALD'", row)).isFalse();
    assertThat(matches("lastname gt 'mb'", row)).isTrue();
    assertThat(matches("lastname lt 'MD'", row)).isTrue();
  }

  @Test
  @DisplayName("dataverse-api.md §2.4: a single quote is escaped by doubling it")
  void reads_doubled_single_quotes_as_one() {
    assertThat(matches("lastname eq 'O''Bryan'", row("lastname", "O'Bryan"))).isTrue();
    assertThat(matches("lastname eq ''''", row("lastname", "'"))).isTrue();
    assertThat(matches("lastname eq ''", row("lastname", ""))).isTrue();
  }

  @Test
  @DisplayName("dataverse-api.md §2.4: lookups filter as _<name>_value eq <guid>")
  void compares_lookups_with_unquoted_guid_literals_ignoring_case() {
    ObjectNode row = row("_parentcustomerid_value", PARENT);

    assertThat(matches("_parentcustomerid_value eq " + PARENT, row)).isTrue();
    assertThat(matches("_parentcustomerid_value eq " + PARENT.toUpperCase(), row)).isTrue();
    assertThat(matches("_parentcustomerid_value ne " + PARENT, row)).isFalse();
    assertThat(matches("_parentcustomerid_value eq a1b2c3d4-0000-0000-0000-000000000000", row)).isFalse();
  }

  @Test
  void accepts_quoted_guids_as_the_dataverse_documentation_writes_them() {
    assertThat(matches("_parentcustomerid_value eq '" + PARENT + "'", row("_parentcustomerid_value", PARENT)))
        .isTrue();
  }

  @Test
  void compares_booleans() {
    assertThat(matches("donotemail eq true", row("donotemail", true))).isTrue();
    assertThat(matches("donotemail eq false", row("donotemail", true))).isFalse();
    assertThat(matches("donotemail ne false", row("donotemail", true))).isTrue();
  }

  @Test
  void treats_a_boolean_column_on_its_own_as_a_condition() {
    assertThat(matches("donotemail", row("donotemail", true))).isTrue();
    assertThat(matches("not donotemail", row("donotemail", true))).isFalse();
    assertThat(matches("not donotemail", row("donotemail", false))).isTrue();
  }

  @Test
  void compares_date_times_chronologically_whatever_the_offset() {
    ObjectNode row = row("createdon", "2024-05-01T10:00:00Z");

    assertThat(matches("createdon eq 2024-05-01T10:00:00Z", row)).isTrue();
    assertThat(matches("createdon eq 2024-05-01T12:00:00+02:00", row)).isTrue();
    assertThat(matches("createdon eq 2024-05-01T10:00Z", row)).isTrue();
    assertThat(matches("createdon gt 2024-05-01T09:59:59.999Z", row)).isTrue();
    assertThat(matches("createdon lt 2024-05-01T11:00:00+02:00", row)).isFalse();
  }

  @Test
  void compares_a_date_time_column_with_a_date_literal_as_midnight_utc() {
    ObjectNode row = row("createdon", "2024-05-01T10:00:00Z");

    assertThat(matches("createdon ge 2024-05-01", row)).isTrue();
    assertThat(matches("createdon lt 2024-05-02", row)).isTrue();
    assertThat(matches("createdon lt 2024-05-01", row)).isFalse();
  }

  @Test
  void compares_date_only_columns() {
    ObjectNode row = row("birthdate", "1990-02-28");

    assertThat(matches("birthdate eq 1990-02-28", row)).isTrue();
    assertThat(matches("birthdate lt 1990-03-01", row)).isTrue();
    assertThat(matches("birthdate gt 1990-02-28T00:00:00Z", row)).isFalse();
  }

  @Test
  void compares_choices_as_numbers() {
    assertThat(matches("gendercode eq 2", row("gendercode", 2))).isTrue();
    assertThat(matches("gendercode ne 1", row("gendercode", 2))).isTrue();
  }

  @Test
  void compares_multi_select_choices_as_sets_of_values() {
    ObjectNode row = row("sample_outdooractivities", "1,3");

    assertThat(matches("sample_outdooractivities eq '3,1'", row)).isTrue();
    assertThat(matches("sample_outdooractivities eq '1'", row)).isFalse();
  }

  @Test
  void puts_the_literal_on_either_side_of_the_operator() {
    ObjectNode row = row("numberofchildren", 2);

    assertThat(matches("1 lt numberofchildren", row)).isTrue();
    assertThat(matches("3 le numberofchildren", row)).isFalse();
    assertThat(matches("'x' eq lastname", row("lastname", "X"))).isTrue();
  }

  @Test
  @DisplayName("filter-rows.md: column comparison of two columns of the same row")
  void compares_two_columns_of_the_same_row() {
    assertThat(matches("firstname eq lastname", row("firstname", "Anne", "lastname", "ANNE"))).isTrue();
    assertThat(matches("firstname ne lastname", row("firstname", "Anne", "lastname", "Bob"))).isTrue();
    ObjectNode modifiedLater = row("createdon", "2024-01-01T00:00:00Z", "modifiedon", "2024-01-02T00:00:00Z");
    assertThat(matches("createdon lt modifiedon", modifiedLater)).isTrue();
    assertThat(matches("numberofchildren lt creditlimit", row("numberofchildren", 1, "creditlimit", 2.5))).isTrue();
    assertThat(matches("firstname eq lastname", row("firstname", "Anne"))).isFalse();
  }

  @Test
  void finds_null_and_absent_values_with_eq_null() {
    assertThat(matches("nickname eq null", row("nickname", null))).isTrue();
    assertThat(matches("nickname eq null", row())).isTrue();
    assertThat(matches("nickname eq null", row("nickname", "Al"))).isFalse();
    assertThat(matches("nickname ne null", row("nickname", "Al"))).isTrue();
    assertThat(matches("null eq nickname", row())).isTrue();
  }

  @Test
  @DisplayName("filter-rows.md: rows whose filter evaluates to null are not returned")
  void leaves_out_rows_whose_column_is_null_for_every_other_comparison() {
    ObjectNode empty = row();

    assertThat(matches("nickname ne 'Al'", empty)).isFalse();
    assertThat(matches("nickname eq 'Al'", empty)).isFalse();
    assertThat(matches("numberofchildren lt 5", empty)).isFalse();
    assertThat(matches("not (nickname eq 'Al')", empty)).isFalse();
    assertThat(matches("numberofchildren gt null", row("numberofchildren", 2))).isFalse();
  }

  @Test
  void resolves_parameter_aliases_with_or_without_the_at_sign_as_key() {
    ObjectNode row = row("lastname", "O'Bryan", "numberofchildren", 2);

    assertThat(FilterParser.parse("lastname eq @p1", Contacts.SCHEMA, Map.of("@p1", "'O''Bryan'")).test(row)).isTrue();
    assertThat(FilterParser.parse("numberofchildren eq @n", Contacts.SCHEMA, Map.of("n", "2")).test(row)).isTrue();
    assertThat(FilterParser.parse("@c eq 2", Contacts.SCHEMA, Map.of("@c", "numberofchildren")).test(row)).isTrue();
  }

  @Test
  void reads_an_alias_the_request_does_not_define_as_null() {
    assertThat(FilterParser.parse("nickname eq @missing", Contacts.SCHEMA, Map.of()).test(row())).isTrue();
  }

  @Test
  void reads_stored_values_of_an_unexpected_json_type_leniently() {
    assertThat(matches("numberofchildren eq 2", row("numberofchildren", "2"))).isTrue();
    assertThat(matches("numberofchildren eq 2", row("numberofchildren", "two"))).isFalse();
    assertThat(matches("createdon gt 2020-01-01", row("createdon", "not a date"))).isFalse();
  }

  @Test
  void keeps_every_row_without_a_filter() {
    assertThat(FilterParser.parse(null, Contacts.SCHEMA).test(row())).isTrue();
  }
}
