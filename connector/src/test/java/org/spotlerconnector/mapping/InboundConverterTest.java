package org.spotlerconnector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundConverterTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<ChoiceOption> LANGUAGES =
      List.of(
          new ChoiceOption(727000000, "Nederlands"),
          new ChoiceOption(727000001, "English"),
          new ChoiceOption(727000002, "Deutsch"));

  private final InboundConverter converter = new InboundConverter(AMSTERDAM);

  private JsonNode convert(SpotlerPropertyType source, ColumnMetadata column, JsonNode value) {
    return converter.convert("field", source, column, value);
  }

  private JsonNode text(ColumnMetadata column, String value) {
    return convert(SpotlerPropertyType.STRING, column, TextNode.valueOf(value));
  }

  private static ColumnMetadata column(String name, ColumnType type) {
    return ColumnMetadata.of(name, type);
  }

  @Test
  void text_goes_to_a_text_column_as_is() {
    assertThat(text(column("firstname", ColumnType.TEXT).withMaxLength(50), " Jan "))
        .isEqualTo(TextNode.valueOf(" Jan "));
  }

  @Test
  void text_longer_than_the_column_is_an_error_naming_field_and_column_never_cut() {
    ColumnMetadata lastname = column("lastname", ColumnType.TEXT).withMaxLength(5);

    assertThat(text(lastname, "Smits")).isEqualTo(TextNode.valueOf("Smits"));
    assertThatThrownBy(
            () -> converter.convert("lastName", SpotlerPropertyType.STRING, lastname, TextNode.valueOf("Jansen")))
        .isInstanceOf(InboundConversionException.class)
        .hasMessage(
            "Spotler field 'lastName' cannot be written to column lastname: the value has 6 characters, the column"
                + " takes at most 5; shorten it in Spotler or widen the column")
        .hasMessageNotContaining("Jansen");
  }

  @Test
  void a_blank_value_clears_the_column_whatever_its_type() {
    for (ColumnType type : List.of(ColumnType.TEXT, ColumnType.CHOICE, ColumnType.BOOLEAN, ColumnType.DATE_TIME)) {
      JsonNode[] blanks = {null, MissingNode.getInstance(), NullNode.getInstance(), TextNode.valueOf("")};
      for (JsonNode blank : blanks) {
        assertThat(convert(SpotlerPropertyType.STRING, column("c", type), blank)).isEqualTo(NullNode.getInstance());
      }
    }
  }

  @Test
  void a_label_goes_to_its_choice_value_ignoring_case() {
    ColumnMetadata language = column("new_language", ColumnType.CHOICE).withOptions(LANGUAGES);

    assertThat(text(language, "English")).isEqualTo(NODES.numberNode(727000001));
    assertThat(text(language, "deutsch")).isEqualTo(NODES.numberNode(727000002));
    assertThat(text(language, "727000000")).as("the option value itself").isEqualTo(NODES.numberNode(727000000));
  }

  @Test
  void an_unknown_label_is_an_error_naming_field_and_allowed_labels() {
    ColumnMetadata language = column("new_language", ColumnType.CHOICE).withOptions(LANGUAGES);

    assertThatThrownBy(() -> converter.convert("taal", SpotlerPropertyType.STRING, language, TextNode.valueOf("Frans")))
        .isInstanceOf(InboundConversionException.class)
        .hasMessage(
            "Spotler field 'taal' cannot be written to column new_language: the value is not one of the column's"
                + " choices; allowed: Nederlands, English, Deutsch");
  }

  @Test
  void a_number_goes_to_a_choice_only_when_it_is_one_of_its_values() {
    ColumnMetadata language = column("new_language", ColumnType.CHOICE).withOptions(LANGUAGES);

    assertThat(convert(SpotlerPropertyType.INT, language, NODES.numberNode(727000001)))
        .isEqualTo(NODES.numberNode(727000001));
    assertThatThrownBy(() -> convert(SpotlerPropertyType.INT, language, NODES.numberNode(3)))
        .hasMessageContaining("allowed: 727000000 (Nederlands), 727000001 (English), 727000002 (Deutsch)");
  }

  @Test
  void labels_separated_by_semicolons_go_to_a_multi_select_choice_as_comma_separated_values() {
    ColumnMetadata interests = column("new_interests", ColumnType.MULTI_CHOICE).withOptions(LANGUAGES);

    assertThat(text(interests, "Nederlands; english")).isEqualTo(TextNode.valueOf("727000000,727000001"));
    assertThat(text(interests, "Deutsch")).isEqualTo(TextNode.valueOf("727000002"));
    assertThatThrownBy(() -> text(interests, "Nederlands; Frans")).hasMessageContaining("allowed: Nederlands");
  }

  @Test
  void yes_no_takes_true_false_the_columns_labels_or_one_and_zero() {
    ColumnMetadata doNotEmail =
        column("donotbulkemail", ColumnType.BOOLEAN)
            .withOptions(List.of(new ChoiceOption(0, "Allow"), new ChoiceOption(1, "Do Not Allow")));

    assertThat(text(doNotEmail, "true")).isEqualTo(BooleanNode.TRUE);
    assertThat(text(doNotEmail, "FALSE")).isEqualTo(BooleanNode.FALSE);
    assertThat(text(doNotEmail, "do not allow")).isEqualTo(BooleanNode.TRUE);
    assertThat(convert(SpotlerPropertyType.INT, doNotEmail, NODES.numberNode(0))).isEqualTo(BooleanNode.FALSE);
    assertThatThrownBy(() -> text(doNotEmail, "maybe"))
        .hasMessageEndingWith("takes true or false or Allow, Do Not Allow");
    assertThatThrownBy(() -> convert(SpotlerPropertyType.INT, doNotEmail, NODES.numberNode(2)))
        .hasMessageEndingWith("a yes/no column takes 1 or 0");
  }

  @Test
  void whole_numbers_must_be_whole_and_in_the_columns_range() {
    ColumnMetadata children =
        column("numberofchildren", ColumnType.WHOLE_NUMBER).withRange(BigDecimal.ZERO, BigDecimal.valueOf(100));

    assertThat(convert(SpotlerPropertyType.INT, children, NODES.numberNode(3))).isEqualTo(NODES.numberNode(3L));
    assertThat(text(children, "4.0")).isEqualTo(NODES.numberNode(4L));
    assertThatThrownBy(() -> convert(SpotlerPropertyType.INT, children, NODES.numberNode(101)))
        .hasMessageEndingWith("the value is outside the column's range 0 to 100");
    assertThatThrownBy(() -> text(children, "2.5")).hasMessageEndingWith("the column takes whole numbers only");
    assertThatThrownBy(() -> text(children, "two")).hasMessageEndingWith("the value is not a number");
  }

  @Test
  void decimals_and_amounts_keep_their_value_within_the_columns_precision() {
    ColumnMetadata income = column("annualincome", ColumnType.MONEY).withPrecision(2);
    ColumnMetadata rate = column("exchangerate", ColumnType.DECIMAL).withPrecision(4);

    assertThat(convert(SpotlerPropertyType.MONEY, income, NODES.numberNode(new BigDecimal("1234.50"))).decimalValue())
        .isEqualByComparingTo("1234.5");
    assertThat(convert(SpotlerPropertyType.MONEY, rate, NODES.numberNode(new BigDecimal("1.2345"))).decimalValue())
        .isEqualByComparingTo("1.2345");
    assertThatThrownBy(() -> convert(SpotlerPropertyType.MONEY, income, NODES.numberNode(new BigDecimal("1.005"))))
        .hasMessageEndingWith("the value has 3 decimals, the column keeps 2");
  }

  @Test
  void a_date_goes_to_a_date_only_column_as_is() {
    ColumnMetadata birthdate = column("birthdate", ColumnType.DATE_TIME).dateOnlyBehaviour();

    assertThat(convert(SpotlerPropertyType.BIRTHDATE, birthdate, TextNode.valueOf("1980-04-01")))
        .isEqualTo(TextNode.valueOf("1980-04-01"));
    assertThat(convert(SpotlerPropertyType.DATE_TIME, birthdate, TextNode.valueOf("2024-05-01T00:30:00+02:00")))
        .as("a date-time's day in the configured zone")
        .isEqualTo(TextNode.valueOf("2024-05-01"));
  }

  @Test
  void a_date_goes_to_a_date_time_column_as_midnight_in_the_configured_zone() {
    ColumnMetadata lastUsed = column("lastusedincampaign", ColumnType.DATE_TIME);

    assertThat(convert(SpotlerPropertyType.DATE, lastUsed, TextNode.valueOf("2024-05-01")))
        .isEqualTo(TextNode.valueOf("2024-04-30T22:00:00Z"));
    assertThat(convert(SpotlerPropertyType.DATE, lastUsed, TextNode.valueOf("2024-01-15")))
        .isEqualTo(TextNode.valueOf("2024-01-14T23:00:00Z"));
  }

  @Test
  void a_date_time_keeps_its_instant() {
    ColumnMetadata lastUsed = column("lastusedincampaign", ColumnType.DATE_TIME);

    assertThat(convert(SpotlerPropertyType.DATE_TIME, lastUsed, TextNode.valueOf("2024-05-01T10:00:00+02:00")))
        .isEqualTo(TextNode.valueOf("2024-05-01T08:00:00Z"));
    assertThat(convert(SpotlerPropertyType.DATE_TIME, lastUsed, TextNode.valueOf("2024-05-01T10:00:00")))
        .as("without an offset: in the configured zone")
        .isEqualTo(TextNode.valueOf("2024-05-01T08:00:00Z"));
  }

  @Test
  void dates_before_dataverses_first_day_or_not_dates_are_errors() {
    ColumnMetadata birthdate = column("birthdate", ColumnType.DATE_TIME).dateOnlyBehaviour();

    assertThatThrownBy(() -> convert(SpotlerPropertyType.BIRTHDATE, birthdate, TextNode.valueOf("1700-01-01")))
        .hasMessageEndingWith("Dataverse dates start at 1753-01-01");
    assertThatThrownBy(() -> convert(SpotlerPropertyType.BIRTHDATE, birthdate, TextNode.valueOf("01-04-1980")))
        .hasMessageContaining("expected a date such as 1990-05-20");
  }

  @Test
  void gender_m_and_f_go_to_the_gender_choice() {
    ColumnMetadata gendercode =
        column("gendercode", ColumnType.CHOICE)
            .withOptions(List.of(new ChoiceOption(1, "Male"), new ChoiceOption(2, "Female")));

    assertThat(convert(SpotlerPropertyType.GENDER, gendercode, TextNode.valueOf("M"))).isEqualTo(NODES.numberNode(1));
    assertThat(convert(SpotlerPropertyType.GENDER, gendercode, TextNode.valueOf("F"))).isEqualTo(NODES.numberNode(2));
    assertThat(convert(SpotlerPropertyType.GENDER, column("gendercode", ColumnType.CHOICE), TextNode.valueOf("F")))
        .as("options unknown: the standard values")
        .isEqualTo(NODES.numberNode(2));
  }

  @Test
  void gender_goes_to_a_custom_gender_choice_by_its_label() {
    ColumnMetadata custom =
        column("new_geslacht", ColumnType.CHOICE)
            .withOptions(List.of(new ChoiceOption(100000000, "Man"), new ChoiceOption(100000001, "Vrouw")));

    assertThat(convert(SpotlerPropertyType.GENDER, custom, TextNode.valueOf("F")))
        .isEqualTo(NODES.numberNode(100000001));
    assertThatThrownBy(
            () ->
                convert(
                    SpotlerPropertyType.GENDER,
                    column("new_size", ColumnType.CHOICE).withOptions(List.of(new ChoiceOption(7, "Large"))),
                    TextNode.valueOf("M")))
        .hasMessageEndingWith("the column has no option 1 and no option labelled male; its options: Large");
  }

  @Test
  void gender_goes_to_a_text_column_as_m_or_f() {
    assertThat(convert(SpotlerPropertyType.GENDER, column("new_gender", ColumnType.TEXT), TextNode.valueOf("M")))
        .isEqualTo(TextNode.valueOf("M"));
  }

  @Test
  void lookups_unique_identifiers_and_other_columns_are_not_written() {
    for (ColumnType type : List.of(ColumnType.LOOKUP, ColumnType.UNIQUE_IDENTIFIER, ColumnType.OTHER)) {
      assertThatThrownBy(() -> text(column("c", type), "x"))
          .isInstanceOf(InboundConversionException.class)
          .hasMessageContaining("is not written from Spotler");
    }
  }

  @Test
  void a_type_pair_the_validator_refuses_is_refused_here_too() {
    assertThatThrownBy(
            () ->
                convert(
                    SpotlerPropertyType.DATE, column("firstname", ColumnType.TEXT), TextNode.valueOf("2024-05-01")))
        .isInstanceOf(InboundConversionException.class)
        .hasMessageEndingWith("use a date column");
  }
}
