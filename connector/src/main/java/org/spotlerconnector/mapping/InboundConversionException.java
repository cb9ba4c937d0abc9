package org.spotlerconnector.mapping;

/**
 * A Spotler value cannot be written to its Dataverse column. The message names the field and the column and says
 * why, but never quotes the value: it may be personal data.
 */
public final class InboundConversionException extends IllegalArgumentException {
  private final String spotlerField;
  private final String column;

  InboundConversionException(String spotlerField, String column, String reason) {
    super("Spotler field '" + spotlerField + "' cannot be written to column " + column + ": " + reason);
    this.spotlerField = spotlerField;
    this.column = column;
  }

  public String spotlerField() {
    return spotlerField;
  }

  public String column() {
    return column;
  }
}
