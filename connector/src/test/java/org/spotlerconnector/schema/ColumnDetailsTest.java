package org.spotlerconnector.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.mapping.ChoiceOption;
import org.spotlerconnector.mapping.ColumnMetadata;
import org.spotlerconnector.mapping.ColumnType;
import org.spotlerconnector.mapping.DateTimeBehavior;
import org.spotlerconnector.mapping.TableSchema;

/**
 * The details of each column, read from recorded answers to the typed attribute queries of query-metadata-web-api.md
 * ({@code Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName&$expand=OptionSet(…)} and
 * so on) for contact in a standard environment with a custom multi-select choice.
 */
class ColumnDetailsTest {
  private final RecordedMetadata metadata = RecordedMetadata.of("contact", "lead");
  private final DataverseSchemaReader reader = new DataverseSchemaReader(metadata);

  private ColumnMetadata contact(String column) {
    return reader.read("contact").schema().column(column).orElseThrow();
  }

  @Test
  @DisplayName("choice options with their labels (OptionSet.Options[].Label.UserLocalizedLabel)")
  void reads_the_options_of_a_choice_with_their_labels() {
    assertThat(contact("gendercode").options())
        .containsExactly(new ChoiceOption(1, "Male"), new ChoiceOption(2, "Female"));
    assertThat(contact("preferredcontactmethodcode").options()).hasSize(5).contains(new ChoiceOption(2, "Email"));
  }

  @Test
  @DisplayName("status and status reason have options too (StateAttributeMetadata, StatusAttributeMetadata)")
  void reads_the_options_of_status_and_status_reason() {
    assertThat(contact("statecode").options())
        .containsExactly(new ChoiceOption(0, "Active"), new ChoiceOption(1, "Inactive"));
    assertThat(contact("statuscode").options())
        .containsExactly(new ChoiceOption(1, "Active"), new ChoiceOption(2, "Inactive"));
  }

  @Test
  @DisplayName("labels in the application user's language; an option without one there keeps its first label")
  void reads_a_multi_select_choice_in_the_users_language() {
    ColumnMetadata interests = contact("new_interests");

    assertThat(interests.type()).isEqualTo(ColumnType.MULTI_CHOICE);
    assertThat(interests.options())
        .containsExactly(
            new ChoiceOption(100000000, "Sport"),
            new ChoiceOption(100000001, "Muziek"),
            new ChoiceOption(100000002, "Travel"));
  }

  @Test
  @DisplayName("a yes/no column's FalseOption (0) and TrueOption (1) with their labels")
  void reads_the_labels_of_a_yes_no_column() {
    assertThat(contact("donotbulkemail").options())
        .containsExactly(new ChoiceOption(0, "Allow"), new ChoiceOption(1, "Do Not Allow"));
  }

  @Test
  void reads_the_maximum_length_of_text_and_multiline_text() {
    assertThat(contact("firstname").maxLength()).isEqualTo(OptionalInt.of(50));
    assertThat(contact("emailaddress1").maxLength()).isEqualTo(OptionalInt.of(100));
    assertThat(contact("description").maxLength()).isEqualTo(OptionalInt.of(2000));
  }

  @Test
  void reads_the_range_of_whole_numbers_exactly() {
    assertThat(contact("numberofchildren").minValue()).contains(BigDecimal.ZERO);
    assertThat(contact("numberofchildren").maxValue()).contains(new BigDecimal("1000000000"));
    assertThat(contact("versionnumber").minValue()).contains(new BigDecimal(Long.MIN_VALUE));
    assertThat(contact("versionnumber").maxValue()).contains(new BigDecimal(Long.MAX_VALUE));
    assertThat(contact("numberofchildren").precision()).isEmpty();
  }

  @Test
  void reads_the_range_and_precision_of_decimals_and_floating_point_numbers() {
    ColumnMetadata exchangeRate = contact("exchangerate");
    ColumnMetadata latitude = contact("address1_latitude");

    assertThat(exchangeRate.minValue().orElseThrow()).isEqualByComparingTo("0.000000000001");
    assertThat(exchangeRate.maxValue().orElseThrow()).isEqualByComparingTo("100000000000");
    assertThat(exchangeRate.precision()).isEqualTo(OptionalInt.of(12));
    assertThat(latitude.minValue().orElseThrow()).isEqualByComparingTo("-90");
    assertThat(latitude.maxValue().orElseThrow()).isEqualByComparingTo("90");
    assertThat(latitude.precision()).isEqualTo(OptionalInt.of(5));
  }

  @Test
  @DisplayName("a currency column whose PrecisionSource is the currency (2) has no precision of its own")
  void leaves_the_precision_of_currency_columns_to_the_currency() {
    ColumnMetadata income = contact("annualincome");

    assertThat(income.maxValue().orElseThrow()).isEqualByComparingTo("100000000000000");
    assertThat(income.precision()).isEmpty();
  }

  @Test
  @DisplayName("a currency column whose PrecisionSource is 0 keeps its own Precision")
  void reads_the_own_precision_of_a_currency_column() throws IOException {
    metadata.answerTyped("contact", "MoneyAttributeMetadata", json("""
        {"value": [{"LogicalName": "annualincome", "MinValue": 0.0, "MaxValue": 1000000000.0, "Precision": 4,
                    "PrecisionSource": 0, "MetadataId": "728381be-78da-cafe-e40a-acc0a1159848"}]}
        """));

    assertThat(contact("annualincome").precision()).isEqualTo(OptionalInt.of(4));
  }

  @Test
  @DisplayName("DateTimeBehavior: birthdate is DateOnly, createdon UserLocal")
  void reads_the_behaviour_of_date_columns() {
    assertThat(contact("birthdate").dateTimeBehavior()).isEqualTo(DateTimeBehavior.DATE_ONLY);
    assertThat(contact("birthdate").dateOnly()).isTrue();
    assertThat(contact("createdon").dateTimeBehavior()).isEqualTo(DateTimeBehavior.USER_LOCAL);
    assertThat(contact("createdon").dateOnly()).isFalse();
  }

  @Test
  void reads_the_time_zone_independent_behaviour() throws IOException {
    metadata.answerTyped("contact", "DateTimeAttributeMetadata", json("""
        {"value": [{"LogicalName": "birthdate", "DateTimeBehavior": {"Value": "TimeZoneIndependent"},
                    "MetadataId": "c0eec66f-30a3-1f23-b1f3-3edfdc1ba2ac"}]}
        """));

    assertThat(contact("birthdate").dateTimeBehavior()).isEqualTo(DateTimeBehavior.TIME_ZONE_INDEPENDENT);
  }

  @Test
  @DisplayName("a column that uses a global choice has its options under GlobalOptionSet")
  void reads_the_options_of_a_global_choice() throws IOException {
    metadata.answerTyped("contact", "PicklistAttributeMetadata", json("""
        {"value": [{"LogicalName": "gendercode", "MetadataId": "dd009048-11b6-488e-54f1-7d634472a60e",
          "OptionSet": null,
          "GlobalOptionSet": {"MetadataId": "0b2f4a7e-4bb6-4b0f-8e3d-1f0c3c2b9a11", "Options": [
            {"Value": 100000000, "Label": {"LocalizedLabels": [{"Label": "Man", "LanguageCode": 1043}],
                                           "UserLocalizedLabel": {"Label": "Man", "LanguageCode": 1043}}},
            {"Value": 100000001, "Label": {"LocalizedLabels": [], "UserLocalizedLabel": null}}]}}]}
        """));

    assertThat(contact("gendercode").options())
        .containsExactly(new ChoiceOption(100000000, "Man"), new ChoiceOption(100000001, ""));
  }

  @Test
  @DisplayName("columns without details, and details the answers left out, stay empty")
  void leaves_out_what_the_metadata_did_not_say() {
    TableSchema lead = reader.read("lead").schema();

    assertThat(lead.column("firstname")).contains(ColumnMetadata.of("firstname", ColumnType.TEXT));
    assertThat(contact("contactid")).isEqualTo(ColumnMetadata.of("contactid", ColumnType.UNIQUE_IDENTIFIER));
    assertThat(contact("parentcustomerid").options()).isEmpty();
    assertThat(contact("entityimage").maxLength()).isEmpty();
  }

  private static JsonNode json(String text) throws IOException {
    return RecordedMetadata.JSON.readTree(text);
  }
}
