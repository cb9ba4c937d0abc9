package org.spotlerconnector.sandbox.mailplus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * All contacts, by external id and ordered by last change. The change index lets the updates feed read a page without
 * sorting: a page costs O(after + pageSize), whatever the number of contacts. Writes are serialised; reads of one
 * contact take no lock, and a feed page sees a consistent state.
 */
final class ContactStore {
  private record ChangeKey(long lastChangedMillis, long changeSeq) {}

  private static final Comparator<ChangeKey> CHANGE_ORDER =
      Comparator.comparingLong(ChangeKey::lastChangedMillis).thenComparingLong(ChangeKey::changeSeq);

  private final Map<String, StoredContact> byExternalId = new ConcurrentHashMap<>();
  private final NavigableMap<ChangeKey, StoredContact> byLastChange = new ConcurrentSkipListMap<>(CHANGE_ORDER);
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private long lastChangeSeq;

  /** One page of a listing and whether more records follow it. */
  record Page(List<StoredContact> contacts, boolean more) {}

  /**
   * The function a write applies to the current version (null when absent); it returns the new version, whose
   * {@code changeSeq} the store assigns.
   */
  @FunctionalInterface
  interface Change {
    StoredContact apply(StoredContact current);
  }

  Optional<StoredContact> get(String externalId) {
    return Optional.ofNullable(byExternalId.get(externalId));
  }

  int size() {
    return byExternalId.size();
  }

  /** Applies a change atomically; an exception thrown by the change leaves the store as it was. */
  StoredContact write(String externalId, Change change) {
    lock.writeLock().lock();
    try {
      StoredContact current = byExternalId.get(externalId);
      StoredContact next = change.apply(current).withChangeSeq(++lastChangeSeq);
      if (current != null) {
        byLastChange.remove(keyOf(current));
      }
      byExternalId.put(externalId, next);
      byLastChange.put(keyOf(next), next);
      return next;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Contacts whose last change lies in {@code [fromMillis, toMillis]}, oldest change first. */
  Page changedBetween(long fromMillis, long toMillis, int offset, int limit) {
    if (fromMillis > toMillis) {
      return new Page(List.of(), false);
    }
    lock.readLock().lock();
    try {
      NavigableMap<ChangeKey, StoredContact> range =
          byLastChange.subMap(
              new ChangeKey(fromMillis, Long.MIN_VALUE), true, new ChangeKey(toMillis, Long.MAX_VALUE), true);
      return page(range.values(), c -> true, offset, limit);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Contacts that match, in order of last change. */
  Page matching(Predicate<StoredContact> filter, int offset, int limit) {
    lock.readLock().lock();
    try {
      return page(byLastChange.values(), filter, offset, limit);
    } finally {
      lock.readLock().unlock();
    }
  }

  List<StoredContact> all() {
    lock.readLock().lock();
    try {
      return List.copyOf(byLastChange.values());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Rewrites every contact without counting it as a change, e.g. when property definitions are removed. */
  void rewriteAll(UnaryOperator<StoredContact> rewrite) {
    lock.writeLock().lock();
    try {
      byLastChange.replaceAll((key, contact) -> rewrite.apply(contact));
      byLastChange.values().forEach(c -> byExternalId.put(c.externalId(), c));
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Runs an action that must not interleave with any write, such as swapping the property definitions. */
  void exclusively(Runnable action) {
    lock.writeLock().lock();
    try {
      action.run();
    } finally {
      lock.writeLock().unlock();
    }
  }

  void clear() {
    lock.writeLock().lock();
    try {
      byExternalId.clear();
      byLastChange.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static Page page(Iterable<StoredContact> ordered, Predicate<StoredContact> filter, int offset, int limit) {
    List<StoredContact> contacts = new ArrayList<>(Math.min(limit, 1024));
    int skipped = 0;
    for (StoredContact contact : ordered) {
      if (!filter.test(contact)) {
        continue;
      }
      if (skipped < offset) {
        skipped++;
      } else if (contacts.size() < limit) {
        contacts.add(contact);
      } else {
        return new Page(contacts, true);
      }
    }
    return new Page(contacts, false);
  }

  private static ChangeKey keyOf(StoredContact contact) {
    return new ChangeKey(contact.lastChangedMillis(), contact.changeSeq());
  }
}
