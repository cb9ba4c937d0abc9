package org.spotlerconnector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spotlerconnector.mapping.ColumnExpression.Column;
import org.spotlerconnector.mapping.ColumnExpression.Constant;
import org.spotlerconnector.mapping.ColumnExpression.CustomerType;
import org.spotlerconnector.mapping.ColumnExpression.ListMembership;
import org.spotlerconnector.mapping.ColumnExpression.Permissions;
import org.spotlerconnector.mapping.ColumnExpression.RelatedColumn;

class ColumnExpressionTest {

  @Test
  void reads_a_plain_column() {
    assertThat(ColumnExpression.parse("emailaddress1")).isEqualTo(new Column("emailaddress1"));
  }

  @Test
  void reads_a_related_column_through_the_navigation_property() {
    assertThat(ColumnExpression.parse("parentcustomerid_account.name"))
        .isEqualTo(new RelatedColumn("parentcustomerid_account", "name"));
  }

  @Test
  void reads_the_special_values_of_the_incumbent() {
    assertThat(ColumnExpression.parse("$CustomerType")).isEqualTo(new CustomerType());
    assertThat(ColumnExpression.parse("$value:PRD")).isEqualTo(new Constant("PRD"));
    assertThat(ColumnExpression.parse("@map(permissions)")).isEqualTo(new Permissions());
    assertThat(ColumnExpression.parse("@map(list)")).isEqualTo(new ListMembership());
  }

  @Test
  void keeps_everything_after_the_colon_of_a_constant_including_spaces_and_dots() {
    assertThat(ColumnExpression.parse("$value: Contoso B.V. ")).isEqualTo(new Constant(" Contoso B.V. "));
    assertThat(ColumnExpression.parse("$value:")).isEqualTo(new Constant(""));
  }

  @Test
  void accepts_special_values_in_any_case() {
    assertThat(ColumnExpression.parse("$customertype")).isEqualTo(new CustomerType());
    assertThat(ColumnExpression.parse("@MAP( Permissions )")).isEqualTo(new Permissions());
  }

  @Test
  void rejects_paths_deeper_than_one_level_as_the_incumbent_does() {
    assertThatThrownBy(() -> ColumnExpression.parse("parentcustomerid_account.primarycontactid.fullname"))
        .isInstanceOf(MappingSyntaxException.class)
        .hasMessageContaining("2 levels deep")
        .hasMessageContaining("one level deep only");
  }

  @Test
  void suggests_the_navigation_property_for_the_incumbents_lookup_syntax() {
    assertThatThrownBy(() -> ColumnExpression.parse("parentcustomerid(account).name"))
        .isInstanceOf(MappingSyntaxException.class)
        .hasMessageContaining("parentcustomerid_account.name");
  }

  @Test
  void names_the_supported_functions_for_an_unknown_one() {
    assertThatThrownBy(() -> ColumnExpression.parse("@map(periodiek)"))
        .isInstanceOf(MappingSyntaxException.class)
        .hasMessageContaining("@map(permissions) or @map(list)");
  }

  @Test
  void names_the_supported_special_values_for_an_unknown_one() {
    assertThatThrownBy(() -> ColumnExpression.parse("$Value"))
        .isInstanceOf(MappingSyntaxException.class)
        .hasMessageContaining("$CustomerType or $value:TEXT");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "first name", "a..b", ".name", "name.", "1column", "e-mail"})
  void rejects_text_that_is_no_column_name(String text) {
    assertThatThrownBy(() -> ColumnExpression.parse(text)).isInstanceOf(MappingSyntaxException.class);
  }

  @Test
  void reads_directions_as_written_in_the_mapping_sheet() {
    assertThat(Direction.parse("->")).isEqualTo(Direction.TO_SPOTLER);
    assertThat(Direction.parse("<-")).isEqualTo(Direction.TO_DATAVERSE);
    assertThat(Direction.parse(" <-> ")).isEqualTo(Direction.BOTH);
    assertThatThrownBy(() -> Direction.parse("=>"))
        .isInstanceOf(MappingSyntaxException.class)
        .hasMessageContaining("->");
  }

  @Test
  void reads_a_filter_as_column_equals_value() {
    assertThat(RowFilter.parse("statecode = 0")).isEqualTo(new RowFilter(new Column("statecode"), "0"));
    assertThat(RowFilter.parse("parentcustomerid_account.name=A=B"))
        .isEqualTo(new RowFilter(new RelatedColumn("parentcustomerid_account", "name"), "A=B"));
    assertThat(RowFilter.parse("donotbulkemail=")).isEqualTo(new RowFilter(new Column("donotbulkemail"), ""));
  }

  @Test
  void rejects_filters_without_a_column_to_compare() {
    assertThatThrownBy(() -> RowFilter.parse("statecode"))
        .isInstanceOf(MappingSyntaxException.class)
        .hasMessageContaining("column=value");
    assertThatThrownBy(() -> RowFilter.parse("$CustomerType=lead")).isInstanceOf(MappingSyntaxException.class);
  }
}
