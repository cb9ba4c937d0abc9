package org.spotlerconnector.jobs.fields;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The text pre-filled on a new Start Automation job: every field of the automation with its type hint, one per line,
 * each but the last ending in {@code ;}, as the manual shows it. {@link AutomationFieldsParser} reads it back as
 * "nothing filled in".
 */
public final class AutomationFieldsTemplate {
  private AutomationFieldsTemplate() {}

  /**
   * {@code invoiceEmail=<STRING>;\ninvoiceCode=<STRING>;\ncrosssell={<PRODUCTLIST>}}; empty for an automation
   * without fields.
   */
  public static String prefill(List<FieldDefinition> definitions) {
    return definitions.stream()
        .map(definition -> definition.name() + "=" + placeholder(definition.type()))
        .collect(Collectors.joining(";\n"));
  }

  private static String placeholder(FieldType type) {
    return type.isList() ? "{" + type.typeHint() + "}" : type.typeHint();
  }
}
