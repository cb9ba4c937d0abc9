package org.spotlerconnector.store;

import com.zaxxer.hikari.HikariConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;

/**
 * SQLite allows one writer at a time. The pool holds a single connection, so this process never competes with itself;
 * every transaction starts with {@code BEGIN IMMEDIATE}, so a read-then-write takes the write lock up front instead of
 * failing with {@code SQLITE_BUSY} when another process wrote in between; {@code busy_timeout} makes such a process
 * wait its turn. WAL lets readers in other processes (an operator's sqlite3 shell) read while we write.
 */
final class SqliteDialect extends Dialect {

  @Override
  String name() {
    return "sqlite";
  }

  @Override
  void configurePool(HikariConfig pool, StoreConfig config) {
    createParentDirectory(config.jdbcUrl());
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setBusyTimeout((int) config.busyTimeout().toMillis());
    sqlite.enforceForeignKeys(true);
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    pool.setDataSourceProperties(sqlite.toProperties());
    pool.setMaximumPoolSize(1);
    // An in-memory database lives as long as its connection: never retire it.
    pool.setMaxLifetime(0);
  }

  /** SQLite creates the file but not its directory; the default file is {@code data/connector.db}. */
  private static void createParentDirectory(String jdbcUrl) {
    String location = jdbcUrl.substring("jdbc:sqlite:".length()).split("\\?", 2)[0];
    if (location.isEmpty() || location.startsWith(":") || location.startsWith("file:")) {
      return;
    }
    Path parent = Path.of(location).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the directory for the SQLite store: " + parent, e);
    }
  }
}
