package org.spotlerconnector.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.LoggerFactory;

/**
 * The store contract on PostgreSQL, in a schema of its own that is dropped afterwards. The database defaults to
 * {@value #DEFAULT_URL} as user {@code postgres} without password; {@code -Dstore.postgres.url},
 * {@code -Dstore.postgres.user} and {@code -Dstore.postgres.password} point elsewhere. When it cannot be reached every
 * test is skipped, saying so.
 */
class PostgresStoreTest extends StoreContract {
  private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String URL = System.getProperty("store.postgres.url", DEFAULT_URL);
  private static final String USER = System.getProperty("store.postgres.user", "postgres");
  private static final String PASSWORD = System.getProperty("store.postgres.password", "");
  private static final Optional<String> UNREACHABLE = probe();

  private final String schema = "store_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @Override
  protected Optional<String> unavailable() {
    return UNREACHABLE;
  }

  @Override
  protected StoreConfig.Builder database() {
    execute("CREATE SCHEMA " + schema);
    return StoreConfig.builder().jdbcUrl(withParameter(URL, "currentSchema=" + schema)).credentials(USER, PASSWORD);
  }

  @Override
  protected void dropDatabase() {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static Optional<String> probe() {
    try {
      connect().close();
      return Optional.empty();
    } catch (SQLException e) {
      String reason =
          "PostgreSQL not reachable at " + URL + " (" + e.getMessage() + ") — PostgreSQL store tests skipped";
      LoggerFactory.getLogger(PostgresStoreTest.class).warn(reason);
      return Optional.of(reason);
    }
  }

  private static void execute(String sql) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not run " + sql, e);
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(withParameter(URL, "connectTimeout=3"), USER, PASSWORD);
  }

  private static String withParameter(String url, String parameter) {
    return url + (url.contains("?") ? "&" : "?") + parameter;
  }
}
