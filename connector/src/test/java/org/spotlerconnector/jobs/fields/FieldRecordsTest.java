package org.spotlerconnector.jobs.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldRecordsTest {
  @ParameterizedTest
  @ValueSource(strings = {"", "invoice Email", "a=b", "a;b", "a\nb", "a\u00A0b", "\uFEFFa", "a\u0000"})
  @DisplayName("docs/adr/0003: field names are non-empty and contain no spaces")
  void refuses_a_field_name_that_cannot_be_written_as_name_is_value(String name) {
    assertThatThrownBy(() -> new FieldDefinition(name, FieldType.STRING))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void accepts_any_other_field_name() {
    String unusual = "invoice-e_mail.2{x}<é>";

    assertThat(new FieldDefinition(unusual, FieldType.URL).name()).isEqualTo(unusual);
  }

  @Test
  void a_single_value_has_no_list_and_a_product_list_no_single_value() {
    assertThat(FieldValue.single("a", FieldType.URL, "https://x.nl").values()).isEmpty();
    assertThat(FieldValue.productList("p", List.of("1")).value()).isNull();
    assertThatThrownBy(() -> FieldValue.single("p", FieldType.PRODUCTLIST, "1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FieldValue.productList("p", List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FieldValue.single("a", FieldType.STRING, "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_product_list_is_a_copy() {
    List<String> products = new ArrayList<>(List.of("1"));
    FieldValue value = FieldValue.productList("p", products);
    products.add("2");

    assertThat(value.values()).containsExactly("1");
  }

  @Test
  void type_hints_are_written_as_in_the_manual() {
    assertThat(FieldType.STRING.typeHint()).isEqualTo("<STRING>");
    assertThat(FieldType.URL.typeHint()).isEqualTo("<URL>");
    assertThat(FieldType.PRODUCTLIST.typeHint()).isEqualTo("<PRODUCTLIST>");
  }
}
