package org.spotlerconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an SQLite file, plus what only SQLite needs. */
class SqliteStoreTest extends StoreContract {
  @TempDir static Path directory;

  @Override
  protected StoreConfig.Builder database() {
    return StoreConfig.builder().jdbcUrl("jdbc:sqlite:" + directory.resolve("contract.db"));
  }

  @Test
  void creates_the_missing_directories_of_the_database_file() {
    Path file = directory.resolve("data").resolve("nested").resolve("connector.db");

    try (Store store = Store.open("jdbc:sqlite:" + file)) {
      assertThat(store.outboundQueue().counts("any").total()).isZero();
    }

    assertThat(file).exists();
  }

  @Test
  void the_database_file_uses_write_ahead_logging() throws SQLException {
    Path file = directory.resolve("wal.db");
    try (Store store = Store.open("jdbc:sqlite:" + file)) {
      assertThat(store.deltaLinks().findAll("any")).isEmpty();
    }

    assertThat(Files.exists(file)).isTrue();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
      mode.next();
      assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void a_restarted_process_takes_over_what_the_previous_one_left_in_flight() {
    Path file = directory.resolve("restart.db");
    try (Store crashed = Store.open("jdbc:sqlite:" + file)) {
      crashed.outboundQueue().enqueue("c", java.util.List.of(
          new RecordChange("contact", "a", ChangeKind.UPSERT, java.time.Instant.parse("2026-01-01T00:00:00Z"))));
      assertThat(crashed.outboundQueue().claim("c", 10, java.time.Duration.ofMinutes(5))).hasSize(1);
    }

    try (Store restarted = Store.open("jdbc:sqlite:" + file)) {
      assertThat(restarted.outboundQueue().claim("c", 10, java.time.Duration.ofMinutes(5))).isEmpty();
      assertThat(restarted.outboundQueue().releaseClaimsOfEarlierProcesses("c")).isEqualTo(1);
      assertThat(restarted.outboundQueue().claim("c", 10, java.time.Duration.ofMinutes(5))).hasSize(1);
    }
  }
}
