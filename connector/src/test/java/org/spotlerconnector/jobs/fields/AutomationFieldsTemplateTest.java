package org.spotlerconnector.jobs.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AutomationFieldsTemplateTest {
  @Test
  void writes_one_field_per_line_with_its_type_hint_and_a_semicolon_between() {
    List<FieldDefinition> fields = List.of(
        new FieldDefinition("invoiceEmail", FieldType.STRING),
        new FieldDefinition("orderLink", FieldType.URL),
        new FieldDefinition("crosssell", FieldType.PRODUCTLIST));

    assertThat(AutomationFieldsTemplate.prefill(fields))
        .isEqualTo("invoiceEmail=<STRING>;\norderLink=<URL>;\ncrosssell={<PRODUCTLIST>}");
  }

  @Test
  void keeps_the_order_of_the_automation() {
    List<FieldDefinition> fields = List.of(
        new FieldDefinition("b", FieldType.STRING), new FieldDefinition("a", FieldType.STRING));

    assertThat(AutomationFieldsTemplate.prefill(fields)).isEqualTo("b=<STRING>;\na=<STRING>");
  }

  @Test
  void is_empty_for_an_automation_without_fields() {
    assertThat(AutomationFieldsTemplate.prefill(List.of())).isEmpty();
  }
}
