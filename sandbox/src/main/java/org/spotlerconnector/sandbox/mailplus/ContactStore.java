package org.spotlerconnector.sandbox.mailplus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * All contacts, keyed by Mail+'s own {@code encryptedId} (a contact signed up through a form has no externalId),
 * with indexes by externalId, by e-mail and by last change. The change index lets the updates feed read a page
 * without sorting: a page costs O(after + pageSize), whatever the number of contacts. Writes are serialised; reads of
 * one contact take no lock, and a feed page sees a consistent state.
 */
final class ContactStore {
  private record ChangeKey(long lastChangedMillis, long changeSeq) {}

  private static final Comparator<ChangeKey> CHANGE_ORDER =
      Comparator.comparingLong(ChangeKey::lastChangedMillis).thenComparingLong(ChangeKey::changeSeq);

  private final Function<StoredContact, Optional<String>> emailKey;
  private final Map<String, StoredContact> byEncryptedId = new ConcurrentHashMap<>();
  private final Map<String, String> encryptedIdByExternalId = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> encryptedIdsByEmail = new ConcurrentHashMap<>();
  private final NavigableMap<ChangeKey, StoredContact> byLastChange = new ConcurrentSkipListMap<>(CHANGE_ORDER);
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private long lastChangeSeq;

  /**
   * @param emailKey the normalised e-mail address of a contact, the key Mail+ deduplicates sign-ups on; read at each
   *     write, so it may depend on the account's current property definitions
   */
  ContactStore(Function<StoredContact, Optional<String>> emailKey) {
    this.emailKey = emailKey;
  }

  /** One page of a listing and whether more records follow it. */
  record Page(List<StoredContact> contacts, boolean more) {}

  /** Finds the contact a write applies to (null when it creates one); runs under the write lock. */
  @FunctionalInterface
  interface Locator {
    StoredContact find(ContactStore store);
  }

  /**
   * The function a write applies to the current version (null when absent); it returns the new version, whose
   * {@code changeSeq} the store assigns.
   */
  @FunctionalInterface
  interface Change {
    StoredContact apply(StoredContact current);
  }

  Optional<StoredContact> get(String externalId) {
    String encryptedId = encryptedIdByExternalId.get(externalId);
    return encryptedId == null ? Optional.empty() : byEncryptedId(encryptedId);
  }

  Optional<StoredContact> byEncryptedId(String encryptedId) {
    return Optional.ofNullable(byEncryptedId.get(encryptedId));
  }

  /** The contacts with this normalised e-mail address, first created first. */
  List<StoredContact> withEmail(String emailKey) {
    Set<String> ids = encryptedIdsByEmail.getOrDefault(emailKey, Set.of());
    return ids.stream()
        .map(byEncryptedId::get)
        .sorted(Comparator.comparingLong(StoredContact::createdMillis).thenComparingLong(StoredContact::changeSeq))
        .toList();
  }

  int size() {
    return byEncryptedId.size();
  }

  /** A write to the contact with this externalId, or a new one. */
  StoredContact write(String externalId, Change change) {
    return write(store -> store.get(externalId).orElse(null), change);
  }

  /**
   * Applies a change atomically to the contact the locator finds; an exception thrown by either leaves the store as it
   * was.
   *
   * @throws IllegalArgumentException when the new version would take an externalId or encryptedId of another contact
   */
  StoredContact write(Locator locator, Change change) {
    lock.writeLock().lock();
    try {
      StoredContact current = locator.find(this);
      StoredContact next = change.apply(current).withChangeSeq(++lastChangeSeq);
      requireOwnKey(next.externalId() == null ? null : get(next.externalId()).orElse(null), current, "externalId");
      requireOwnKey(byEncryptedId.get(next.encryptedId()), current, "encryptedId");
      if (current != null) {
        unindex(current);
      }
      index(next);
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

  /**
   * Rewrites every contact without counting it as a change, e.g. when property definitions are removed; the e-mail
   * index is rebuilt, since which property holds the e-mail may have changed too.
   */
  void rewriteAll(UnaryOperator<StoredContact> rewrite) {
    lock.writeLock().lock();
    try {
      List<StoredContact> rewritten = byLastChange.values().stream().map(rewrite).toList();
      clear();
      rewritten.forEach(this::index);
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
      byEncryptedId.clear();
      encryptedIdByExternalId.clear();
      encryptedIdsByEmail.clear();
      byLastChange.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static void requireOwnKey(StoredContact holder, StoredContact current, String key) {
    if (holder != null && (current == null || !holder.encryptedId().equals(current.encryptedId()))) {
      throw new IllegalArgumentException("another contact already has this " + key);
    }
  }

  private void index(StoredContact contact) {
    byEncryptedId.put(contact.encryptedId(), contact);
    if (contact.externalId() != null) {
      encryptedIdByExternalId.put(contact.externalId(), contact.encryptedId());
    }
    emailKey
        .apply(contact)
        .ifPresent(e -> encryptedIdsByEmail.computeIfAbsent(e, k -> ConcurrentHashMap.newKeySet()).add(contact.encryptedId()));
    byLastChange.put(keyOf(contact), contact);
  }

  private void unindex(StoredContact contact) {
    byEncryptedId.remove(contact.encryptedId());
    if (contact.externalId() != null) {
      encryptedIdByExternalId.remove(contact.externalId());
    }
    emailKey
        .apply(contact)
        .ifPresent(
            email ->
                encryptedIdsByEmail.computeIfPresent(
                    email,
                    (e, ids) -> {
                      ids.remove(contact.encryptedId());
                      return ids.isEmpty() ? null : ids;
                    }));
    byLastChange.remove(keyOf(contact));
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
