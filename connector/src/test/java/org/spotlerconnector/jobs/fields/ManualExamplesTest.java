package org.spotlerconnector.jobs.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example of the manual's chapter "Trigger Automations" (connector-manual.md §8), verbatim, with the e-mail
 * address restored that the published page hides.
 */
class ManualExamplesTest {
  private static final List<FieldDefinition> INVOICE_FIELDS = List.of(
      new FieldDefinition("invoiceEmail", FieldType.STRING),
      new FieldDefinition("invoiceCode", FieldType.STRING),
      new FieldDefinition("invoiceVatNumber", FieldType.STRING));
  private static final List<FieldValue> EMAIL_AND_VAT_NUMBER = List.of(
      FieldValue.single("invoiceEmail", FieldType.STRING, "jan@example.com"),
      FieldValue.single("invoiceVatNumber", FieldType.STRING, "NL123456"));
  private static final List<FieldDefinition> CROSSSELL = List.of(
      new FieldDefinition("crosssell", FieldType.PRODUCTLIST));

  static Stream<String> invoiceExamples() {
    return Stream.of(
        "invoiceEmail=jan@example.com;invoiceCode=;invoiceVatNumber=NL123456",
        "invoiceEmail=jan@example.com;invoiceVatNumber=NL123456",
        """
        invoiceEmail=jan@example.com;
        invoiceCode=;
        invoiceVatNumber=NL123456""",
        """
        invoiceEmail=jan@example.com
        invoiceCode=
        invoiceVatNumber=NL123456""",
        """
        invoiceEmail=jan@example.com
        invoiceVatNumber=NL123456""");
  }

  @ParameterizedTest
  @MethodSource("invoiceExamples")
  @DisplayName("manual: 'The following examples are all valid' and blank or removed fields are not passed")
  void passes_the_filled_invoice_fields(String example) {
    assertThat(AutomationFieldsParser.parse(example, INVOICE_FIELDS)).isEqualTo(EMAIL_AND_VAT_NUMBER);
  }

  @ParameterizedTest
  @MethodSource("invoiceExamples")
  @DisplayName("manual: fields are separated with semicolons and/or Enters (Dynamics may store CR LF)")
  void reads_the_examples_with_windows_line_breaks(String example) {
    String windows = example.replace("\n", "\r\n");
    assertThat(AutomationFieldsParser.parse(windows, INVOICE_FIELDS)).isEqualTo(EMAIL_AND_VAT_NUMBER);
  }

  @Test
  @DisplayName("manual: crosssell={<PRODUCTLIST>} is the unfilled type hint")
  void passes_nothing_for_the_product_list_hint() {
    assertThat(AutomationFieldsParser.parse("crosssell={<PRODUCTLIST>}", CROSSSELL)).isEmpty();
  }

  @Test
  @DisplayName("manual: crosssell={<PRODUCTLIST>} becomes crosssell={123,567,891}")
  void passes_each_product_of_the_list() {
    assertThat(AutomationFieldsParser.parse("crosssell={123,567,891}", CROSSSELL))
        .containsExactly(FieldValue.productList("crosssell", List.of("123", "567", "891")));
  }

  @Test
  @DisplayName("manual: the prefilled text lists every field with its type hint, and passes nothing as it is")
  void prefilled_text_passes_nothing_until_filled_in() {
    List<FieldDefinition> fields = List.of(
        new FieldDefinition("invoiceEmail", FieldType.STRING),
        new FieldDefinition("orderLink", FieldType.URL),
        new FieldDefinition("crosssell", FieldType.PRODUCTLIST));
    String prefilled = AutomationFieldsTemplate.prefill(fields);

    assertThat(AutomationFieldsParser.parse(prefilled, fields)).isEmpty();
    String filledIn = prefilled.replace("<STRING>", "jan@example.com").replace("{<PRODUCTLIST>}", "{123,567,891}");
    assertThat(AutomationFieldsParser.parse(filledIn, fields)).containsExactly(
        FieldValue.single("invoiceEmail", FieldType.STRING, "jan@example.com"),
        FieldValue.productList("crosssell", List.of("123", "567", "891")));
  }
}
