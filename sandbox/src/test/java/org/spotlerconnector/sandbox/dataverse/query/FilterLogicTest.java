package org.spotlerconnector.sandbox.dataverse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spotlerconnector.sandbox.dataverse.query.Contacts.matches;
import static org.spotlerconnector.sandbox.dataverse.query.Contacts.row;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("$filter logical and grouping operators (filter-rows.md, dataverse-api.md §2.4)")
class FilterLogicTest {

  private static final ObjectNode ANNE = row("firstname", "Anne", "lastname", "Smith", "numberofchildren", 2);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "firstname eq 'Anne' and lastname eq 'Smith' | true",
        "firstname eq 'Anne' and lastname eq 'Jones' | false",
        "firstname eq 'Bob' or lastname eq 'Smith'   | true",
        "firstname eq 'Bob' or lastname eq 'Jones'   | false",
        "not (firstname eq 'Bob')                    | true",
        "not not (firstname eq 'Anne')               | true",
        "not contains(firstname,'nn')                | false"
      })
  void combines_conditions(String filter, boolean expected) {
    assertThat(matches(filter, ANNE)).isEqualTo(expected);
  }

  @Test
  @DisplayName("and binds tighter than or")
  void evaluates_and_before_or() {
    assertThat(matches("firstname eq 'Anne' or lastname eq 'Jones' and numberofchildren eq 9", ANNE)).isTrue();
    assertThat(matches("(firstname eq 'Anne' or lastname eq 'Jones') and numberofchildren eq 9", ANNE)).isFalse();
    assertThat(matches("numberofchildren eq 9 and lastname eq 'Jones' or firstname eq 'Anne'", ANNE)).isTrue();
  }

  @Test
  @DisplayName("not binds tighter than and/or")
  void applies_not_to_the_next_operand_only() {
    assertThat(matches("not contains(firstname,'x') and lastname eq 'Smith'", ANNE)).isTrue();
    assertThat(matches("not (contains(firstname,'x') or lastname eq 'Smith')", ANNE)).isFalse();
    assertThat(matches("not contains(firstname,'x') or lastname eq 'Jones'", ANNE)).isTrue();
  }

  @Test
  void accepts_redundant_parentheses_and_whitespace() {
    assertThat(matches("((( firstname   eq 'Anne' )))", ANNE)).isTrue();
    assertThat(matches("(firstname eq 'Anne')and(lastname eq 'Smith')", ANNE)).isTrue();
    assertThat(matches(" contains( firstname , 'ann' ) ", ANNE)).isTrue();
  }

  @Test
  void compares_a_condition_with_a_boolean_literal() {
    assertThat(matches("contains(firstname,'nn') eq true", ANNE)).isTrue();
    assertThat(matches("contains(firstname,'nn') eq false", ANNE)).isFalse();
    assertThat(matches("false ne (lastname eq 'Smith')", ANNE)).isTrue();
  }

  @Test
  void handles_long_chains_of_and_and_or_without_nesting_limits() {
    String chain = String.join(" or ", Collections.nCopies(5_000, "firstname eq 'Bob'"));

    assertThat(matches(chain + " or firstname eq 'Anne'", ANNE)).isTrue();
    assertThat(matches(chain.replace(" or ", " and "), ANNE)).isFalse();
  }

  @Test
  @DisplayName("SQL three-valued logic: unknown or true is true, unknown and false is false")
  void follows_three_valued_logic_for_null_values() {
    ObjectNode noNickname = row("firstname", "Anne");

    assertThat(matches("nickname eq 'Al' or firstname eq 'Anne'", noNickname)).isTrue();
    assertThat(matches("nickname eq 'Al' or firstname eq 'Bob'", noNickname)).isFalse();
    assertThat(matches("not (nickname eq 'Al' and firstname eq 'Bob')", noNickname)).isTrue();
    assertThat(matches("not (nickname eq 'Al' and firstname eq 'Anne')", noNickname)).isFalse();
  }

  @Test
  void evaluates_constant_boolean_literals() {
    assertThat(FilterParser.parse("true", Contacts.SCHEMA, Map.of()).test(ANNE)).isTrue();
    assertThat(matches("false or firstname eq 'Anne'", ANNE)).isTrue();
  }
}
