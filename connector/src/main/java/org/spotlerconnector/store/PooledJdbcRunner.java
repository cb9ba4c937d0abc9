package org.spotlerconnector.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Takes a connection from the pool for each call; every write is a transaction of its own. */
final class PooledJdbcRunner implements JdbcRunner {
  private final DataSource dataSource;
  private final ThreadLocal<Boolean> insideTransaction = ThreadLocal.withInitial(() -> false);

  PooledJdbcRunner(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public <T> T write(String operation, String connectionId, SqlWork<T> work) {
    return withConnection(
        operation,
        connectionId,
        connection -> {
          connection.setAutoCommit(false);
          try {
            T result = work.run(connection);
            connection.commit();
            return result;
          } catch (SQLException | RuntimeException | Error e) {
            rollback(connection, e);
            throw e;
          }
        });
  }

  @Override
  public <T> T read(String operation, String connectionId, SqlWork<T> work) {
    return withConnection(operation, connectionId, work);
  }

  /**
   * Runs work that itself runs statements through a {@link BoundJdbcRunner} on the same connection, marking the thread
   * so that an accidental call to the pooled repositories inside it fails at once instead of waiting for a second
   * connection (with SQLite's single connection it would wait until the pool's timeout).
   */
  <T> T transaction(String operation, SqlWork<T> work) {
    return write(
        operation,
        null,
        connection -> {
          insideTransaction.set(true);
          try {
            return work.run(connection);
          } finally {
            insideTransaction.remove();
          }
        });
  }

  private <T> T withConnection(String operation, String connectionId, SqlWork<T> work) {
    if (insideTransaction.get()) {
      throw new IllegalStateException(
          "Cannot " + operation + " through the Store inside Store.inTransaction: use the repositories it passes in");
    }
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException(operation, connectionId, e);
    }
  }

  private static void rollback(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      failure.addSuppressed(rollbackFailure);
    }
  }
}
