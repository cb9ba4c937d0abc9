package org.spotlerconnector.mapping;

import java.util.Locale;

/**
 * The kinds of Dataverse column that matter for converting values, grouped from the metadata's {@code AttributeType}
 * ({@code GET EntityDefinitions(LogicalName='contact')/Attributes?$select=LogicalName,AttributeType}).
 */
public enum ColumnType {
  /** String, Memo. */
  TEXT,
  /** Boolean (yes/no). */
  BOOLEAN,
  /** Integer, BigInt. */
  WHOLE_NUMBER,
  /** Decimal, Double. */
  DECIMAL,
  MONEY,
  /** DateTime, whatever its format and behaviour: the value tells a date from a date-time. */
  DATE_TIME,
  /** Picklist, State, Status: a number with a label. */
  CHOICE,
  /** Multi-select choice (AttributeType Virtual with a multi-select type name); its label lists the choices. */
  MULTI_CHOICE,
  /** Lookup, Customer, Owner: the value is the referenced row's id. */
  LOOKUP,
  UNIQUE_IDENTIFIER,
  /** Anything else (images, files, calculated internals): readable as text at best. */
  OTHER;

  /**
   * @param attributeType the metadata's {@code AttributeType}, e.g. {@code Picklist}; for {@code Virtual} columns pass
   *     {@code AttributeTypeName.Value} instead, which tells a multi-select choice ({@code MultiSelectPicklistType})
   */
  public static ColumnType fromAttributeType(String attributeType) {
    return switch (attributeType == null ? "" : attributeType.toLowerCase(Locale.ROOT)) {
      case "string", "memo" -> TEXT;
      case "boolean" -> BOOLEAN;
      case "integer", "bigint" -> WHOLE_NUMBER;
      case "decimal", "double" -> DECIMAL;
      case "money" -> MONEY;
      case "datetime" -> DATE_TIME;
      case "picklist", "state", "status" -> CHOICE;
      case "multiselectpicklist", "multiselectpicklisttype" -> MULTI_CHOICE;
      case "lookup", "customer", "owner" -> LOOKUP;
      case "uniqueidentifier" -> UNIQUE_IDENTIFIER;
      default -> OTHER;
    };
  }
}
