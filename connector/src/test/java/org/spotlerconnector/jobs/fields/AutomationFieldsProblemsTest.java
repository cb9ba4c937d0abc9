package org.spotlerconnector.jobs.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each refusal tells the marketer which field (and line) is wrong and what to write instead. */
class AutomationFieldsProblemsTest {
  private static final List<FieldDefinition> FIELDS = List.of(
      new FieldDefinition("invoiceEmail", FieldType.STRING),
      new FieldDefinition("invoiceCode", FieldType.STRING),
      new FieldDefinition("orderLink", FieldType.URL),
      new FieldDefinition("crosssell", FieldType.PRODUCTLIST));

  private static InvalidAutomationFieldsException refusal(String text) {
    return refusal(text, FIELDS);
  }

  private static InvalidAutomationFieldsException refusal(String text, List<FieldDefinition> fields) {
    return catchThrowableOfType(
        () -> AutomationFieldsParser.parse(text, fields), InvalidAutomationFieldsException.class);
  }

  private static String message(String text) {
    return refusal(text).getMessage();
  }

  @Test
  void suggests_the_right_case_for_a_name_written_in_another_case() {
    assertThat(message("invoiceCode=A\ninvoiceemail=jan@example.com")).isEqualTo(
        "Line 2 names Automation field 'invoiceemail', which this automation does not have;"
            + " names are case-sensitive: did you mean 'invoiceEmail'?");
  }

  @Test
  void suggests_the_closest_name_for_a_typo() {
    assertThat(message("invoice Email=jan@example.com")).isEqualTo(
        "Line 1 names Automation field 'invoice Email', which this automation does not have;"
            + " did you mean 'invoiceEmail'?");
  }

  @Test
  void lists_the_fields_when_no_name_is_close() {
    assertThat(message("colour=red")).isEqualTo(
        "Line 1 names Automation field 'colour', which this automation does not have; its fields are"
            + " 'invoiceEmail', 'invoiceCode', 'orderLink', 'crosssell'.");
  }

  @Test
  void says_so_when_the_automation_takes_no_fields() {
    assertThat(refusal("invoiceCode=A", List.of()).getMessage()).isEqualTo(
        "Line 1 names Automation field 'invoiceCode', which this automation does not have;"
            + " it takes no Automation Fields, so leave the text empty.");
  }

  @Test
  void refuses_a_field_filled_in_twice() {
    assertThat(message("invoiceCode=A\ninvoiceEmail=\ninvoiceCode=B")).isEqualTo(
        "Automation field 'invoiceCode' is given twice (lines 1 and 3): keep only one.");
    assertThat(message("invoiceCode=A;invoiceCode=A")).isEqualTo(
        "Automation field 'invoiceCode' is given twice on line 1: keep only one.");
  }

  @Test
  void refuses_a_line_without_equals_sign() {
    assertThat(message("invoiceCode=A\njan@example.com")).isEqualTo(
        "Line 2 has no '=' in 'jan@example.com': write each Automation Field as name=value,"
            + " like invoiceCode=ABC123.");
  }

  @Test
  void explains_that_a_semicolon_in_a_web_address_ends_the_field() {
    InvalidAutomationFieldsException refusal = refusal("orderLink=https://x.nl/a;jsessionid=1;b");

    assertThat(refusal.getMessage()).isEqualTo(
        "The Automation Fields have 2 problems. (1) Line 1 names Automation field 'jsessionid', which this"
            + " automation does not have; its fields are 'invoiceEmail', 'invoiceCode', 'orderLink', 'crosssell'."
            + " (2) Line 1 has no '=' in 'b': write each Automation Field as name=value, like invoiceCode=ABC123."
            + " A ';' always ends a field; in a web address write it as %3B.");
  }

  @Test
  void refuses_a_value_without_a_name() {
    assertThat(message("=ABC")).isEqualTo(
        "Line 1 has a value but no field name before the '=': write name=value, like invoiceCode=ABC123.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"www.example.com/order", "/order?id=1", "ftp://example.com/file", "mailto:jan@example.com",
      "javascript:alert(1)", "order"})
  void refuses_a_web_address_that_is_not_absolute_http(String address) {
    assertThat(message("invoiceCode=A\norderLink=" + address)).isEqualTo(
        "Automation field 'orderLink' (line 2) needs a full web address starting with https:// or http://,"
            + " like orderLink=https://www.example.com/page.");
  }

  @Test
  void refuses_a_web_address_without_host() {
    assertThat(message("orderLink=https:///order")).isEqualTo(
        "Automation field 'orderLink' (line 1) has no host name after https://;"
            + " write it like orderLink=https://www.example.com/page.");
  }

  @Test
  void points_at_a_space_in_a_web_address() {
    assertThat(message("orderLink=https://x.nl/my order")).isEqualTo(
        "Automation field 'orderLink' (line 1) is not a valid web address: illegal character in path"
            + " at position 16; write a space as %20.");
  }

  @Test
  void asks_for_curly_brackets_around_a_product_list() {
    assertThat(message("crosssell=123,567")).isEqualTo(
        "Automation field 'crosssell' (line 1) is a product list: write its values in curly brackets,"
            + " like crosssell={123,567}.");
  }

  @Test
  void refuses_an_unterminated_product_list() {
    assertThat(message("crosssell={123,567")).isEqualTo(
        "Automation field 'crosssell' (line 1) opens a product list with '{' but never closes it:"
            + " end it with '}' on the same line, like crosssell={123,567}.");
  }

  @Test
  void refuses_a_product_list_spread_over_lines() {
    InvalidAutomationFieldsException refusal = refusal("crosssell={123,\n567}");

    assertThat(refusal.problems()).extracting(FieldProblem::line, FieldProblem::fieldName)
        .containsExactly(tuple(1, "crosssell"), tuple(2, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{123}}", "{1,{2}}", "{{{{{{"})
  void refuses_curly_brackets_inside_a_product_list(String value) {
    assertThat(message("crosssell=" + value)).startsWith("Automation field 'crosssell' (line 1) ")
        .endsWith("like crosssell={123,567}.");
  }

  @Test
  void refuses_text_after_a_product_list() {
    assertThat(message("crosssell={123} and more")).isEqualTo(
        "Automation field 'crosssell' (line 1) has more after the closing '}': put every product inside the curly"
            + " brackets, like crosssell={123,567}.");
  }

  @Test
  void refuses_curly_brackets_on_a_single_value() {
    assertThat(message("invoiceCode={A,B}")).isEqualTo(
        "Automation field 'invoiceCode' (line 1) takes one text, not a list: remove the curly brackets.");
    assertThat(message("orderLink={https://x.nl}")).isEqualTo(
        "Automation field 'orderLink' (line 1) takes one web address, not a list: remove the curly brackets.");
  }

  @Test
  void refuses_a_value_typed_next_to_its_type_hint() {
    assertThat(message("invoiceEmail=jan@example.com<STRING>")).isEqualTo(
        "Automation field 'invoiceEmail' (line 1) still contains the type hint <STRING>: replace the hint with the"
            + " value, or leave the value empty to pass nothing.");
    assertThat(message("crosssell={123<PRODUCTLIST>}")).isEqualTo(
        "Automation field 'crosssell' (line 1) still contains the type hint <PRODUCTLIST>: replace the hint with a"
            + " product, like crosssell={123,567}.");
  }

  @Test
  void refuses_an_invisible_control_character() {
    assertThat(message("invoiceCode=AB\u0007C")).isEqualTo(
        "Automation field 'invoiceCode' (line 1) contains an invisible control character (U+0007) at position 3"
            + " of its value: retype the value.");
  }

  @Test
  void refuses_a_value_over_the_length_limit() {
    String value = "x".repeat(AutomationFieldsParser.MAX_VALUE_LENGTH + 1);

    assertThat(message("invoiceCode=" + value)).isEqualTo(
        "Automation field 'invoiceCode' (line 1) has a value of 10,001 characters; at most 10,000 are allowed.");
  }

  @Test
  void refuses_a_text_over_the_length_limit_before_reading_it() {
    InvalidAutomationFieldsException refusal = refusal(";".repeat(AutomationFieldsParser.MAX_TEXT_LENGTH + 1));

    assertThat(refusal.getMessage()).isEqualTo("The Automation Fields text is 100,001 characters long;"
        + " at most 100,000 are allowed. Remove what does not belong to the fields.");
    assertThat(refusal.problems()).extracting(FieldProblem::line).containsExactly(0);
  }

  @Test
  void quotes_at_most_forty_characters_and_shows_invisible_ones() {
    assertThat(message("\u0001" + "a".repeat(50) + "=x")).startsWith(
        "Line 1 names Automation field '\uFFFD" + "a".repeat(39) + "…', which");
  }

  @Test
  void reports_every_problem_in_the_order_of_the_text() {
    InvalidAutomationFieldsException refusal = refusal("crosssell=1\ninvoiceCode=A\ncolour=red\norderLink=x");

    assertThat(refusal.problemCount()).isEqualTo(3);
    assertThat(refusal.problems()).extracting(FieldProblem::line, FieldProblem::fieldName).containsExactly(
        tuple(1, "crosssell"),
        tuple(3, "colour"),
        tuple(4, "orderLink"));
    assertThat(refusal.getMessage()).startsWith("The Automation Fields have 3 problems. (1) Automation field"
        + " 'crosssell' (line 1) is a product list").contains(" (2) Line 3 names", " (3) Automation field 'orderLink'");
  }

  @Test
  void lists_five_problems_and_counts_the_rest() {
    InvalidAutomationFieldsException refusal = refusal("x\n".repeat(8));

    assertThat(refusal.problemCount()).isEqualTo(8);
    assertThat(refusal.problems()).hasSize(5);
    assertThat(refusal.getMessage()).startsWith("The Automation Fields have 8 problems. (1) Line 1 has no '='")
        .contains("(5) Line 5 has no '='").doesNotContain("(6)").endsWith(" And 3 more.");
  }
}
