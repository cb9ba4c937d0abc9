package org.spotlerconnector.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

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
