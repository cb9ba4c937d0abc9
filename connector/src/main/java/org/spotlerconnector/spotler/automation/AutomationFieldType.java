package org.spotlerconnector.spotler.automation;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The type of an automation field or campaign field (spotler-api.md §3.2, §3.3): a {@code STRING} or {@code URL}
 * carries one {@code value}, a {@code PRODUCTLIST} carries {@code values} (external product ids).
 */
public enum AutomationFieldType {
  STRING,
  URL,
  PRODUCTLIST,
  /** A type newer than the documented three; read from the automation list, never sent. */
  @JsonEnumDefaultValue
  UNRECOGNIZED
}
