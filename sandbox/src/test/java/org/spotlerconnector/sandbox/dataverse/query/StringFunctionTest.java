package org.spotlerconnector.sandbox.dataverse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spotlerconnector.sandbox.dataverse.query.Contacts.matches;
import static org.spotlerconnector.sandbox.dataverse.query.Contacts.row;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OData string functions (filter-rows.md: contains, startswith, endswith)")
class StringFunctionTest {

  private final ObjectNode row = row("firstname", "Susanna (sample)", "description", "Line 1");

  @Test
  void matches_case_insensitively() {
    assertThat(matches("contains(firstname,'ANNA')", row)).isTrue();
    assertThat(matches("startswith(firstname,'susa')", row)).isTrue();
    assertThat(matches("endswith(firstname,'(SAMPLE)')", row)).isTrue();
    assertThat(matches("contains(firstname,'xyz')", row)).isFalse();
    assertThat(matches("startswith(firstname,'anna')", row)).isFalse();
    assertThat(matches("endswith(firstname,'Susanna')", row)).isFalse();
  }

  @Test
  void works_on_memo_columns() {
    assertThat(matches("contains(description,'line')", row)).isTrue();
  }

  @Test
  void leaves_out_rows_where_the_column_is_null() {
    assertThat(matches("contains(nickname,'a')", row)).isFalse();
    assertThat(matches("not contains(nickname,'a')", row)).isFalse();
  }

  @Test
  @DisplayName("filter-rows.md: %, _, [] and [^] act as SQL LIKE wildcards")
  void treats_sql_like_wildcards_as_wildcards() {
    assertThat(matches("contains(firstname,'su%sample')", row)).isTrue();
    assertThat(matches("startswith(firstname,'S_sanna')", row)).isTrue();
    assertThat(matches("startswith(firstname,'[rst]usanna')", row)).isTrue();
    assertThat(matches("startswith(firstname,'[a-t]usanna')", row)).isTrue();
    assertThat(matches("startswith(firstname,'[^s]usanna')", row)).isFalse();
    assertThat(matches("contains(firstname,'[(]sample[)]')", row)).isTrue();
  }

  @Test
  @DisplayName("wildcard-characters.md: a wildcard in brackets is a literal character")
  void matches_bracketed_wildcards_literally() {
    ObjectNode discount = row("firstname", "50% off");

    assertThat(matches("contains(firstname,'0[%]')", discount)).isTrue();
    assertThat(matches("contains(firstname,'0[%]')", row("firstname", "50 off"))).isFalse();
  }
}
