package org.spotlerconnector.store;

import com.zaxxer.hikari.HikariConfig;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

final class PostgresDialect extends Dialect {

  @Override
  String name() {
    return "postgresql";
  }

  @Override
  void configurePool(HikariConfig pool, StoreConfig config) {
    pool.setMaximumPoolSize(config.maxPoolSize());
  }

  @Override
  boolean sharedByNodes() {
    return true;
  }

  /** Several nodes claim from one table: each skips the rows another is claiming instead of waiting for them. */
  @Override
  String claimLockClause() {
    return " FOR UPDATE SKIP LOCKED";
  }

  @Override
  int maxAnyOf() {
    return 10_000;
  }

  /**
   * One array parameter instead of a long {@code IN} list: one plan whatever the list length, and the index is used
   * even before the table has statistics (a freshly loaded table would otherwise be scanned once per lookup).
   */
  @Override
  String isAnyOf(String column, int count) {
    return column + " = ANY (?)";
  }

  @Override
  int bindAnyOf(PreparedStatement statement, int first, List<String> values) throws SQLException {
    statement.setArray(first, statement.getConnection().createArrayOf("text", values.toArray()));
    return first + 1;
  }
}
