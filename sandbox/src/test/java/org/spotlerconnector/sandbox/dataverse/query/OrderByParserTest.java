package org.spotlerconnector.sandbox.dataverse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spotlerconnector.sandbox.dataverse.query.Contacts.row;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("$orderby (dataverse-api.md §2.4)")
class OrderByParserTest {

  private static final ObjectNode ANNE = row("firstname", "anne", "numberofchildren", 2);
  private static final ObjectNode BOB = row("firstname", "Bob", "numberofchildren", 10);
  private static final ObjectNode CARL = row("firstname", "carl", "numberofchildren", 2);
  private static final ObjectNode NOBODY = row();

  private static List<ObjectNode> sorted(String orderby, ObjectNode... rows) {
    List<ObjectNode> list = new ArrayList<>(List.of(rows));
    list.sort(OrderByParser.parse(orderby, Contacts.SCHEMA));
    return list;
  }

  @Test
  void sorts_ascending_by_default_and_strings_case_insensitively() {
    assertThat(sorted("firstname", CARL, BOB, ANNE)).containsExactly(ANNE, BOB, CARL);
    assertThat(sorted("firstname asc", CARL, BOB, ANNE)).containsExactly(ANNE, BOB, CARL);
  }

  @Test
  void sorts_descending() {
    assertThat(sorted("firstname desc", ANNE, CARL, BOB)).containsExactly(CARL, BOB, ANNE);
  }

  @Test
  void sorts_numbers_numerically() {
    assertThat(sorted("numberofchildren desc", ANNE, BOB)).containsExactly(BOB, ANNE);
  }

  @Test
  @DisplayName("SQL Server puts nulls first ascending and last descending")
  void puts_nulls_first_ascending_and_last_descending() {
    assertThat(sorted("firstname", BOB, NOBODY, ANNE)).containsExactly(NOBODY, ANNE, BOB);
    assertThat(sorted("firstname desc", BOB, NOBODY, ANNE)).containsExactly(BOB, ANNE, NOBODY);
  }

  @Test
  void breaks_ties_with_the_next_column() {
    assertThat(sorted("numberofchildren,firstname desc", CARL, BOB, ANNE)).containsExactly(CARL, ANNE, BOB);
    assertThat(sorted(" numberofchildren  desc , firstname ", CARL, BOB, ANNE)).containsExactly(BOB, ANNE, CARL);
  }

  @Test
  void sorts_date_times_chronologically_across_offsets() {
    ObjectNode early = row("createdon", "2024-05-01T09:00:00Z");
    ObjectNode late = row("createdon", "2024-05-01T10:30:00+01:00");
    assertThat(sorted("createdon", late, early)).containsExactly(early, late);
  }

  @Test
  void resolves_a_parameter_alias() {
    List<ObjectNode> list = new ArrayList<>(List.of(CARL, ANNE));
    list.sort(OrderByParser.parse("@p1 desc", Contacts.SCHEMA, Map.of("@p1", "firstname")));
    assertThat(list).containsExactly(CARL, ANNE);
  }

  @Test
  void keeps_the_order_without_orderby() {
    assertThat(sorted(null, CARL, ANNE)).containsExactly(CARL, ANNE);
  }

  @Test
  void rejects_unknown_columns_like_dataverse() {
    assertThatThrownBy(() -> OrderByParser.parse("firstname,xyz desc", Contacts.SCHEMA))
        .isInstanceOf(ODataQueryException.class)
        .hasMessage("Could not find a property named 'xyz' on type 'Microsoft.Dynamics.CRM.contact'.");
  }

  @Test
  void rejects_malformed_options_naming_the_position() {
    assertThatThrownBy(() -> OrderByParser.parse("firstname sideways", Contacts.SCHEMA))
        .hasMessage("Syntax error at position 10 in 'firstname sideways'.");
    assertThatThrownBy(() -> OrderByParser.parse("firstname asc desc", Contacts.SCHEMA))
        .hasMessage("Syntax error at position 14 in 'firstname asc desc'.");
    assertThatThrownBy(() -> OrderByParser.parse("firstname,", Contacts.SCHEMA))
        .hasMessage("Expression expected at position 10 in 'firstname,'.");
    assertThatThrownBy(() -> OrderByParser.parse("@p1", Contacts.SCHEMA))
        .isInstanceOf(ODataQueryException.class)
        .hasMessage("The parameter alias '@p1' used in $orderby has no value.");
  }
}
