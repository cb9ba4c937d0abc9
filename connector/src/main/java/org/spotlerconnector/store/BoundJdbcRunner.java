package org.spotlerconnector.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs everything on one connection whose transaction the caller owns: nothing here commits or rolls back. */
final class BoundJdbcRunner implements JdbcRunner {
  private final Connection connection;

  BoundJdbcRunner(Connection connection) {
    this.connection = connection;
  }

  @Override
  public <T> T write(String operation, String connectionId, SqlWork<T> work) {
    return read(operation, connectionId, work);
  }

  @Override
  public <T> T read(String operation, String connectionId, SqlWork<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException(operation, connectionId, e);
    }
  }
}
