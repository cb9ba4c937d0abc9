package org.spotlerconnector.store;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with Flyway. Scripts that both databases share live in {@code db/migration/common};
 * a script that must differ goes, with the same version number, into {@code db/migration/sqlite} and
 * {@code db/migration/postgresql}.
 */
final class Migrations {
  private static final String ROOT = "db/migration/";

  private Migrations() {}

  /** Returns how many migrations ran: zero when the schema was already current. */
  static int apply(DataSource dataSource, Dialect dialect) {
    return Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(locations(dialect).toArray(String[]::new))
        .validateMigrationNaming(true)
        .load()
        .migrate()
        .migrationsExecuted;
  }

  // Flyway warns on every start about a location that does not exist, and a dialect needs its folder only once its
  // scripts differ.
  private static List<String> locations(Dialect dialect) {
    List<String> locations = new ArrayList<>(List.of("classpath:" + ROOT + "common"));
    String dialectFolder = ROOT + dialect.name();
    if (Migrations.class.getClassLoader().getResource(dialectFolder) != null) {
      locations.add("classpath:" + dialectFolder);
    }
    return locations;
  }
}
