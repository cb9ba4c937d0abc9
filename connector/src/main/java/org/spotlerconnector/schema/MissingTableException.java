package org.spotlerconnector.schema;

/**
 * Dataverse answered 404 for a table's definition: the environment has no table by that logical name, or hides it
 * from the application user.
 */
public class MissingTableException extends RuntimeException {
  private final String logicalName;

  public MissingTableException(String logicalName, Throwable cause) {
    super(message(logicalName), cause);
    this.logicalName = logicalName;
  }

  public String logicalName() {
    return logicalName;
  }

  /** The explanation for a table that cannot be read, also used where a missing table is one problem among others. */
  static String message(String logicalName) {
    return "The Dataverse table '" + logicalName + "' does not exist or the application user cannot read its metadata";
  }
}
