package org.spotlerconnector.sandbox.dataverse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("$select (dataverse-api.md §2.4)")
class SelectParserTest {

  @Test
  void lists_columns_in_order_without_duplicates() {
    assertThat(SelectParser.parse("lastname,firstname,lastname,_parentcustomerid_value", Contacts.SCHEMA))
        .containsExactly("lastname", "firstname", "_parentcustomerid_value");
  }

  @Test
  void ignores_spaces_around_names() {
    assertThat(SelectParser.parse(" lastname , firstname ", Contacts.SCHEMA)).containsExactly("lastname", "firstname");
  }

  @Test
  void gives_an_empty_list_without_select() {
    assertThat(SelectParser.parse(null, Contacts.SCHEMA)).isEmpty();
    assertThat(SelectParser.parse("", Contacts.SCHEMA)).isEmpty();
  }

  @Test
  void rejects_unknown_columns_like_dataverse() {
    assertThatThrownBy(() -> SelectParser.parse("lastname,xyz", Contacts.SCHEMA))
        .isInstanceOf(ODataQueryException.class)
        .hasMessage("Could not find a property named 'xyz' on type 'Microsoft.Dynamics.CRM.contact'.")
        .satisfies(e -> assertThat(((ODataQueryException) e).code()).isEqualTo("0x80060888"));
  }

  @Test
  void rejects_column_names_in_another_case() {
    assertThatThrownBy(() -> SelectParser.parse("LastName", Contacts.SCHEMA))
        .hasMessage("Could not find a property named 'LastName' on type 'Microsoft.Dynamics.CRM.contact'.");
  }

  @Test
  void rejects_empty_items() {
    assertThatThrownBy(() -> SelectParser.parse("lastname,,firstname", Contacts.SCHEMA))
        .isInstanceOf(ODataQueryException.class)
        .hasMessage("Expression expected at position 9 in 'lastname,,firstname'.");
  }
}
