package org.spotlerconnector.sandbox.dataverse;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All tables of one environment, the global version counter and the lock that guards them. Readers share the lock;
 * a writer holds it alone, so a query always sees one consistent state and paging cookies and delta tokens can rely
 * on version order.
 *
 * <p>{@link #atomically} runs work under the write lock with an undo log: if the work throws, every row change made
 * inside (rows, version index, deletion records, alternate key index, the version counter) is put back. Nested calls
 * roll back only their own part. Work that must follow only a committed change (such as queuing an asynchronous
 * webhook) is registered with {@link #afterCommit} and runs once the outermost transaction has committed and the lock
 * is released; a rollback forgets the work registered inside it.
 */
final class DataverseStore {
  private static final Logger LOG = LoggerFactory.getLogger(DataverseStore.class);
  private static final long FIRST_VERSION = 1_000;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, TableStore> byLogicalName = new ConcurrentHashMap<>();
  private final Map<String, TableStore> byEntitySet = new ConcurrentHashMap<>();
  private final List<TableStore> inOrder = new CopyOnWriteArrayList<>();
  private final Clock clock;
  private volatile long version = FIRST_VERSION;
  private volatile long oldestValidVersion = FIRST_VERSION;
  private final List<Undo> undoLog = new ArrayList<>();
  private final List<Runnable> afterCommit = new ArrayList<>();
  private int transactionDepth;

  private record Undo(TableStore table, TableStore.Snapshot before) {}

  DataverseStore(Clock clock, Collection<TableDefinition> tables) {
    this.clock = clock;
    tables.forEach(this::addTable);
  }

  Clock clock() {
    return clock;
  }

  Instant now() {
    return clock.instant();
  }

  /** Adds a table, or switches an existing one (same logical name) to a changed definition keeping its rows. */
  void addTable(TableDefinition definition) {
    write(
        () -> {
          TableStore existing = byLogicalName.get(definition.logicalName());
          if (existing != null) {
            byEntitySet.remove(existing.definition().entitySetName());
            existing.redefine(definition);
            byEntitySet.put(definition.entitySetName(), existing);
            return null;
          }
          TableStore table = new TableStore(definition);
          byLogicalName.put(definition.logicalName(), table);
          byEntitySet.put(definition.entitySetName(), table);
          inOrder.add(table);
          return null;
        });
  }

  Optional<TableStore> byEntitySet(String entitySet) {
    return Optional.ofNullable(byEntitySet.get(entitySet));
  }

  Optional<TableStore> byLogicalName(String logicalName) {
    return Optional.ofNullable(byLogicalName.get(logicalName));
  }

  List<TableStore> tables() {
    return List.copyOf(inOrder);
  }

  /** The definitions of all tables, in the order they were added. */
  List<TableDefinition> definitions() {
    return inOrder.stream().map(TableStore::definition).toList();
  }

  <T> T read(Supplier<T> work) {
    lock.readLock().lock();
    try {
      return work.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  <T> T write(Supplier<T> work) {
    lock.writeLock().lock();
    try {
      return work.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Runs work under the write lock; if it throws, all its row changes are undone and the exception propagates. */
  <T> T atomically(Callable<T> work) throws Exception {
    lock.writeLock().lock();
    int savepoint = undoLog.size();
    int commitSavepoint = afterCommit.size();
    long versionAtStart = version;
    transactionDepth++;
    List<Runnable> committed = List.of();
    try {
      T result = work.call();
      if (transactionDepth == 1) {
        committed = List.copyOf(afterCommit);
      }
      return result;
    } catch (Exception | Error e) {
      rollbackTo(savepoint, versionAtStart);
      afterCommit.subList(commitSavepoint, afterCommit.size()).clear();
      throw e;
    } finally {
      transactionDepth--;
      if (transactionDepth == 0) {
        undoLog.clear();
        afterCommit.clear();
      }
      lock.writeLock().unlock();
      committed.forEach(DataverseStore::runCommitted);
    }
  }

  /**
   * Runs an action once the current transaction commits (at once when no transaction is open); call only while
   * holding the write lock. The action should be quick: it runs on the committing thread.
   */
  void afterCommit(Runnable action) {
    requireWriteLock();
    if (transactionDepth == 0) {
      runCommitted(action);
    } else {
      afterCommit.add(action);
    }
  }

  private static void runCommitted(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.atError().setCause(e).log("work after a commit failed");
    }
  }

  /** As {@link #atomically}, for work that throws only unchecked exceptions. */
  <T> T transaction(Supplier<T> work) {
    try {
      return atomically(work::get);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("unchecked work threw a checked exception. Indicates a bug.", e);
    }
  }

  /** The version of the latest write; a delta token holds it. */
  long currentVersion() {
    return version;
  }

  /** Tokens for versions before this one were issued before the last reset and can no longer be answered. */
  long oldestValidVersion() {
    return oldestValidVersion;
  }

  /** Takes the next version number; call only while holding the write lock. */
  long nextVersion() {
    requireWriteLock();
    version = version + 1;
    return version;
  }

  void put(TableStore table, Row row) {
    requireWriteLock();
    remember(table, row.id());
    table.put(row);
  }

  /** Deletes a row under a new version; returns the removed row, or null when there was none. */
  Row remove(TableStore table, UUID id) {
    requireWriteLock();
    if (table.get(id) == null) {
      return null;
    }
    remember(table, id);
    return table.remove(id, nextVersion(), now());
  }

  /** Deletes every row of every table; tokens issued before stop being valid. */
  void clear() {
    write(
        () -> {
          inOrder.forEach(TableStore::clear);
          version = version + 1;
          oldestValidVersion = version;
          return null;
        });
  }

  private void remember(TableStore table, UUID id) {
    if (transactionDepth > 0) {
      undoLog.add(new Undo(table, table.snapshot(id)));
    }
  }

  private void rollbackTo(int savepoint, long versionAtStart) {
    for (int i = undoLog.size() - 1; i >= savepoint; i--) {
      Undo undo = undoLog.remove(i);
      undo.table().restore(undo.before());
    }
    version = versionAtStart;
  }

  private void requireWriteLock() {
    if (!lock.isWriteLockedByCurrentThread()) {
      throw new IllegalStateException("a store change outside the write lock. Indicates a bug.");
    }
  }
}
