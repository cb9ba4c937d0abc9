package org.spotlerconnector.jobs.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the parser accepts beyond the manual's examples; the refusals are in {@link AutomationFieldsProblemsTest}. */
class AutomationFieldsParserTest {
  private static final List<FieldDefinition> FIELDS = List.of(
      new FieldDefinition("invoiceEmail", FieldType.STRING),
      new FieldDefinition("invoiceCode", FieldType.STRING),
      new FieldDefinition("orderLink", FieldType.URL),
      new FieldDefinition("crosssell", FieldType.PRODUCTLIST));

  private static List<FieldValue> parse(String text) {
    return AutomationFieldsParser.parse(text, FIELDS);
  }

  private static FieldValue code(String value) {
    return FieldValue.single("invoiceCode", FieldType.STRING, value);
  }

  @Test
  void trims_names_and_values_but_keeps_spaces_inside_a_value() {
    assertThat(parse("  invoiceCode \t=  spring sale  2024 \t")).containsExactly(code("spring sale  2024"));
  }

  @Test
  void trims_no_break_and_zero_width_spaces_and_a_byte_order_mark_pasted_along() {
    assertThat(parse("\uFEFFinvoiceCode\u00A0=\u200BABC123\u00A0")).containsExactly(code("ABC123"));
  }

  @Test
  void skips_blank_lines_blank_entries_and_a_trailing_semicolon() {
    assertThat(parse("\n\n ;;invoiceCode=ABC;\r\n\r\n  \t\n;")).containsExactly(code("ABC"));
  }

  @Test
  void takes_a_lone_carriage_return_as_a_line_break() {
    assertThat(parse("invoiceCode=ABC\rinvoiceEmail=jan@example.com")).containsExactly(
        code("ABC"), FieldValue.single("invoiceEmail", FieldType.STRING, "jan@example.com"));
  }

  @Test
  void keeps_every_equals_sign_after_the_first_in_the_value() {
    assertThat(parse("orderLink=https://x.nl/o?id=1&a=b;invoiceCode==a=b=")).containsExactly(
        FieldValue.single("orderLink", FieldType.URL, "https://x.nl/o?id=1&a=b"), code("=a=b="));
  }

  @Test
  void passes_values_in_the_order_they_are_written() {
    assertThat(parse("crosssell={1};invoiceCode=B;orderLink=http://a.example/"))
        .extracting(FieldValue::name)
        .containsExactly("crosssell", "invoiceCode", "orderLink");
  }

  @ParameterizedTest
  @ValueSource(strings = {"<STRING>", "<string>", "<URL>", "<PRODUCTLIST>", "  <STRING>  "})
  void passes_nothing_for_a_type_hint_left_in_place(String hint) {
    assertThat(parse("invoiceCode=" + hint + ";orderLink=" + hint)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{}", "{ }", "{,, ,}", "{<PRODUCTLIST>}", "{ <PRODUCTLIST> }", "<PRODUCTLIST>", "", "{<STRING>,}"})
  void passes_nothing_for_a_product_list_without_products(String value) {
    assertThat(parse("crosssell=" + value)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "<STRING>", "<url>", "{}", "{<PRODUCTLIST>}"})
  @DisplayName("manual: 'Leave it blank or remove the Automation Field' are the same, so a blank line is never wrong")
  void ignores_an_unfilled_entry_whatever_its_name(String unfilled) {
    assertThat(parse("droppedField=" + unfilled + ";invoiceCode=A;invoiceCode=" + unfilled + ";=" + unfilled))
        .containsExactly(code("A"));
  }

  @Test
  void passes_nothing_for_an_unfilled_list_on_a_field_that_became_a_single_value() {
    assertThat(parse("invoiceCode={<PRODUCTLIST>};orderLink={ }")).isEmpty();
  }

  @Test
  void trims_the_products_and_drops_empty_ones_and_hints() {
    assertThat(parse("crosssell={ 123 , ,567,<STRING>,  sku 891 ,}")).containsExactly(
        FieldValue.productList("crosssell", List.of("123", "567", "sku 891")));
  }

  @Test
  void passes_a_product_list_with_one_product() {
    assertThat(parse("crosssell={123}")).containsExactly(FieldValue.productList("crosssell", List.of("123")));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://www.example.com", "HTTP://example.com:8080/a/b?c=d#e", "https://shop.example.nl/p/%C3%A9t%C3%A9",
      "https://münchen.example/straße", "http://127.0.0.1/x", "https://user@example.com/"})
  void passes_absolute_web_addresses(String address) {
    assertThat(parse("orderLink=" + address)).containsExactly(FieldValue.single("orderLink", FieldType.URL, address));
  }

  @Test
  void keeps_text_that_only_starts_or_ends_with_a_curly_bracket() {
    assertThat(parse("invoiceCode={draft")).containsExactly(code("{draft"));
  }

  @Test
  void keeps_a_tab_inside_a_value() {
    assertThat(parse("invoiceCode=A\tB")).containsExactly(code("A\tB"));
  }

  @Test
  void passes_nothing_for_no_text() {
    assertThat(AutomationFieldsParser.parse(null, FIELDS)).isEmpty();
    assertThat(AutomationFieldsParser.parse("", FIELDS)).isEmpty();
    assertThat(AutomationFieldsParser.parse(" \r\n ", List.of())).isEmpty();
  }

  @Test
  void accepts_a_value_of_the_maximum_length_in_a_text_of_the_maximum_length() {
    String value = "x".repeat(AutomationFieldsParser.MAX_VALUE_LENGTH);
    String text = ("invoiceCode=" + value).concat(
        " ".repeat(AutomationFieldsParser.MAX_TEXT_LENGTH - "invoiceCode=".length() - value.length()));

    assertThat(AutomationFieldsParser.parse(text, FIELDS)).containsExactly(code(value));
  }

  @Test
  void refuses_definitions_that_share_a_name() {
    List<FieldDefinition> twice = List.of(
        new FieldDefinition("code", FieldType.STRING), new FieldDefinition("code", FieldType.URL));

    assertThatThrownBy(() -> AutomationFieldsParser.parse("", twice))
        .isInstanceOf(IllegalArgumentException.class)
        .isNotInstanceOf(InvalidAutomationFieldsException.class)
        .hasMessageContaining("'code' is defined twice");
  }

  @Test
  void tells_apart_names_that_differ_only_in_case() {
    List<FieldDefinition> fields = List.of(
        new FieldDefinition("code", FieldType.STRING), new FieldDefinition("Code", FieldType.STRING));

    assertThat(AutomationFieldsParser.parse("Code=B;code=A", fields)).containsExactly(
        FieldValue.single("Code", FieldType.STRING, "B"), FieldValue.single("code", FieldType.STRING, "A"));
  }
}
