package org.spotlerconnector.spotler.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad field input is reported before anything is sent (design.md §5, "Bad input gets a clear answer"). */
class AutomationFieldTest {
  @Test
  void builds_each_type_with_value_or_values() {
    assertThat(AutomationField.text("invoiceEmail", "jan@example.com"))
        .isEqualTo(new AutomationField("invoiceEmail", AutomationFieldType.STRING, "jan@example.com", null));
    assertThat(AutomationField.url("orderLink", "https://shop.example.nl/o/1").value())
        .isEqualTo("https://shop.example.nl/o/1");
    assertThat(AutomationField.productList("crosssell", List.of("123", "567")).values()).containsExactly("123", "567");
  }

  @Test
  void copies_the_product_list() {
    List<String> ids = new ArrayList<>(List.of("1"));
    AutomationField field = AutomationField.productList("p", ids);
    ids.add("2");

    assertThat(field.values()).containsExactly("1");
  }

  @Test
  @DisplayName("spotler-api.md §3.2: a text value may be empty, a name may not hold spaces")
  void checks_the_name() {
    assertThat(AutomationField.text("note", "").value()).isEmpty();
    assertThatThrownBy(() -> AutomationField.text("invoice email", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contains a space");
    assertThatThrownBy(() -> AutomationField.text("", "x")).hasMessageContaining("needs a name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"shop.example.nl/o/1", "ftp://example.nl/x", "mailto:jan@example.com", "https://", "http:// x"})
  @DisplayName("ADR 0003: a URL field takes an absolute http(s) URL only")
  void rejects_a_url_that_is_not_absolute_http(String value) {
    assertThatThrownBy(() -> AutomationField.url("orderLink", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute http(s) URL")
        .hasMessageNotContaining(value);
  }

  @Test
  @DisplayName("ADR 0003: values only on a PRODUCTLIST, a single value only on STRING and URL")
  void matches_value_and_values_to_the_type() {
    assertThatThrownBy(() -> new AutomationField("p", AutomationFieldType.PRODUCTLIST, "1", null))
        .hasMessageContaining("takes values");
    assertThatThrownBy(() -> new AutomationField("s", AutomationFieldType.STRING, null, List.of("1")))
        .hasMessageContaining("takes one value");
    assertThatThrownBy(() -> AutomationField.productList("p", List.of("1", " "))).hasMessageContaining("blank product id");
    assertThatThrownBy(() -> new AutomationField("u", AutomationFieldType.UNRECOGNIZED, "x", null))
        .hasMessageContaining("only STRING, URL and PRODUCTLIST");
  }
}
