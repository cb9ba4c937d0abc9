package org.spotlerconnector.store;

import java.util.Optional;

/**
 * The local store could not do what was asked: the database is unreachable, a statement failed, or the schema could not
 * be migrated. The message names the operation and, where there is one, the connection id; the cause is the driver's
 * exception.
 */
public class StoreException extends RuntimeException {
  private final String operation;
  private final String connectionId;

  StoreException(String operation, String connectionId, Throwable cause) {
    super(message(operation, connectionId, cause), cause);
    this.operation = operation;
    this.connectionId = connectionId;
  }

  /** What the store was doing, e.g. "claim outbound queue entries". */
  public String operation() {
    return operation;
  }

  /** The connection whose data was being read or written, if the operation belonged to one. */
  public Optional<String> connectionId() {
    return Optional.ofNullable(connectionId);
  }

  private static String message(String operation, String connectionId, Throwable cause) {
    String context = connectionId == null ? "" : " (connection id: " + connectionId + ")";
    return "Store could not " + operation + context + ": " + cause.getMessage();
  }
}
