package org.spotlerconnector.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Statements to run on one connection; the {@link JdbcRunner} decides the transaction around them. */
@FunctionalInterface
interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
