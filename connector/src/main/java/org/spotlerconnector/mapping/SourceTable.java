package org.spotlerconnector.mapping;

import java.util.Locale;

/** The Dataverse tables whose rows each become one Spotler contact. */
public enum SourceTable {
  CONTACT,
  LEAD,
  ACCOUNT;

  /** The table's logical name, e.g. {@code contact}. */
  public String logicalName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The primary key column, e.g. {@code contactid}; its value is the Spotler contact's {@code externalId}. */
  public String primaryIdColumn() {
    return logicalName() + "id";
  }

  /** The table's entity set in the Web API, e.g. {@code contacts}. */
  public String entitySet() {
    return logicalName() + "s";
  }

  /** The value of {@code $CustomerType} for rows of this table: {@code contact}, {@code lead} or {@code account}. */
  public String customerType() {
    return logicalName();
  }
}
