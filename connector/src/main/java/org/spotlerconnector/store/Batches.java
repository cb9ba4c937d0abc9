package org.spotlerconnector.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Helpers for bulk statements: JDBC batches flushed every {@value #BATCH_SIZE} rows, so the driver's buffer stays
 * small; id lists no longer than the dialect's lookup limit; and rows in primary-key order, so that two transactions
 * writing overlapping rows on PostgreSQL lock them in the same order and cannot deadlock.
 */
final class Batches {
  static final int BATCH_SIZE = 1_000;

  private Batches() {}

  /** Adds the current parameters to the batch and runs it once it is full. */
  static void add(PreparedStatement statement, int rowsAdded) throws SQLException {
    statement.addBatch();
    if (rowsAdded % BATCH_SIZE == 0) {
      statement.executeBatch();
    }
  }

  /**
   * Deletes the rows of these records of one table from a store table keyed by connection, table name and record id,
   * in key order, as one batch.
   */
  static void deleteRecords(
      JdbcRunner jdbc, String storeTable, String operation, String connectionId, String tableName,
      Collection<String> recordIds) {
    Require.notBlank(connectionId, "connectionId");
    Require.notBlank(tableName, "tableName");
    String sql = "DELETE FROM " + storeTable + " WHERE connection_id = ? AND table_name = ? AND record_id = ?";
    jdbc.write(
        operation,
        connectionId,
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int rows = 0;
            for (String recordId : new TreeSet<>(recordIds)) {
              statement.setString(1, connectionId);
              statement.setString(2, tableName);
              statement.setString(3, recordId);
              add(statement, ++rows);
            }
            statement.executeBatch();
          }
          return null;
        });
  }

  static <T> List<T> inKeyOrder(Collection<T> rows, Comparator<? super T> keyOrder) {
    List<T> sorted = new ArrayList<>(rows);
    sorted.sort(keyOrder);
    return sorted;
  }

  static <T> List<List<T>> chunks(Collection<T> values, int maxSize) {
    List<T> all = List.copyOf(values);
    List<List<T>> chunks = new ArrayList<>();
    for (int start = 0; start < all.size(); start += maxSize) {
      chunks.add(all.subList(start, Math.min(all.size(), start + maxSize)));
    }
    return chunks;
  }
}
