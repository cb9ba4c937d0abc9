package org.spotlerconnector.store;

import com.zaxxer.hikari.HikariConfig;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * The few places where SQLite and PostgreSQL differ. Everything else (upserts with {@code ON CONFLICT},
 * {@code UPDATE ... RETURNING}, row-value {@code IN}, partial indexes) is written once in the repositories.
 */
abstract class Dialect {

  static Dialect forUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return new SqliteDialect();
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return new PostgresDialect();
    }
    throw new IllegalArgumentException(
        "Unsupported store URL: expected jdbc:sqlite:<file> or jdbc:postgresql://<host>:<port>/<database>");
  }

  /** Also the name of the folder under {@code db/migration/} that holds this database's own scripts. */
  abstract String name();

  /** Adds the pool settings this database needs; URL and credentials are already set. */
  abstract void configurePool(HikariConfig pool, StoreConfig config);

  /**
   * Whether several connector nodes may work on this database at once. Only then can a claim found at start-up belong
   * to a process that is still alive.
   */
  boolean sharedByNodes() {
    return false;
  }

  /** Appended to the {@code SELECT} that picks the rows a claim takes. */
  String claimLockClause() {
    return "";
  }

  /** How many values one {@link #isAnyOf} condition takes at most; longer lists are looked up in pieces. */
  int maxAnyOf() {
    return 500;
  }

  /** A condition that {@code column} equals one of {@code count} values, bound by {@link #bindAnyOf}. */
  String isAnyOf(String column, int count) {
    return column + " IN (" + String.join(", ", Collections.nCopies(count, "?")) + ")";
  }

  /**
   * Binds the values of an {@link #isAnyOf} condition whose first parameter is {@code first}.
   *
   * @return the index of the next parameter
   */
  int bindAnyOf(PreparedStatement statement, int first, List<String> values) throws SQLException {
    int parameter = first;
    for (String value : values) {
      statement.setString(parameter++, value);
    }
    return parameter;
  }
}
