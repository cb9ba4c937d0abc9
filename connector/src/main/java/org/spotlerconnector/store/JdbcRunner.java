package org.spotlerconnector.store;

/**
 * Runs {@link SqlWork} and turns a {@link java.sql.SQLException} into a {@link StoreException} that names the
 * operation. Repositories only talk to the database through this, so the same repository code runs either in a
 * transaction of its own or inside a caller's {@link Store#inTransaction} transaction.
 */
interface JdbcRunner {

  /** Runs statements that change data, atomically: all of them or none. */
  <T> T write(String operation, String connectionId, SqlWork<T> work);

  /** Runs statements that only read. */
  <T> T read(String operation, String connectionId, SqlWork<T> work);
}
