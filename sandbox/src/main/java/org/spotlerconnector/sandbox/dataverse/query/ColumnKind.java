package org.spotlerconnector.sandbox.dataverse.query;

/**
 * The type of a Dataverse column as far as querying is concerned. It decides how values compare, which literals a
 * column accepts and which Edm type names appear in error messages.
 */
public enum ColumnKind {
  STRING("Edm.String"),
  MEMO("Edm.String"),
  GUID("Edm.Guid"),
  LOOKUP("Edm.Guid"),
  INTEGER("Edm.Int32"),
  BIGINT("Edm.Int64"),
  DECIMAL("Edm.Decimal"),
  DOUBLE("Edm.Double"),
  MONEY("Edm.Decimal"),
  BOOLEAN("Edm.Boolean"),
  DATETIME("Edm.DateTimeOffset"),
  DATEONLY("Edm.Date"),
  CHOICE("Edm.Int32"),
  /** The Web API exposes multi-select choices as a string of comma-separated option values, e.g. {@code "1,3"}. */
  MULTICHOICE("Edm.String");

  private final String edmType;

  ColumnKind(String edmType) {
    this.edmType = edmType;
  }

  /** The OData type name Dataverse publishes for such a column, e.g. {@code Edm.Int32}. */
  public String edmType() {
    return edmType;
  }
}
