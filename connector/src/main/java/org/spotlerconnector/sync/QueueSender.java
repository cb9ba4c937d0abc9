package org.spotlerconnector.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.spotler.ContactResult;
import org.spotlerconnector.spotler.ContactResultCode;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.MailPlusException;
import org.spotlerconnector.spotler.MailPlusNotFoundException;
import org.spotlerconnector.spotler.MailPlusUnauthorizedException;
import org.spotlerconnector.spotler.SetPropertyEntry;
import org.spotlerconnector.spotler.SpotlerContact;
import org.spotlerconnector.store.QueuedChange;
import org.spotlerconnector.store.RecordLink;
import org.spotlerconnector.store.Store;
import org.spotlerconnector.store.SyncedRecord;

/**
 * Sends queued changes to Spotler: claims a batch, upserts the changed contacts in calls of at most 100
 * ({@code POST /contact/list}), removes the removed ones as configured, and records what was synced. A contact that
 * Spotler rejects is parked with Spotler's reason while the rest of the batch goes on; a failure of the whole call
 * (Spotler unreachable after the client's retries) puts the batch back with a growing delay. Two-way fields go
 * through {@link TwoWaySending}, so that an edit made in Spotler meanwhile is merged, never overwritten; a set field
 * (permissions) carries only the bits that changed since the base, so that Spotler keeps its other bits.
 */
final class QueueSender {
  private static final Logger LOG = LoggerFactory.getLogger(QueueSender.class);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
  private static final Duration LAST_RETRY = Duration.ofHours(1);
  private static final String PERMISSIONS = "permissions";
  /** Contacts per upsert whose Spotler contact is read first (a two-way field changed). */
  private static final int READ_FIRST_PER_CALL = 10;

  private final MailPlusClient spotler;
  private final Store store;
  private final OutboundSyncSettings settings;
  private final SyncListener listener;
  private final TwoWaySending twoWay;
  private final Clock clock;
  private volatile List<Long> permissionBits;

  QueueSender(
      MailPlusClient spotler,
      Store store,
      OutboundSyncSettings settings,
      SyncListener listener,
      TwoWayCheck twoWay,
      Clock clock) {
    this.spotler = spotler;
    this.store = store;
    this.settings = settings;
    this.listener = listener;
    this.twoWay = new TwoWaySending(twoWay);
    this.clock = clock;
  }

  /** Claims one batch and finishes it; returns how many queued changes it took (0: nothing was due). */
  int sendOnce() {
    List<QueuedChange> claimed =
        store.outboundQueue().claim(settings.connectionId(), settings.claimSize(), settings.lease());
    if (claimed.isEmpty()) {
      return 0;
    }
    Map<String, List<QueuedChange>> byTable = new LinkedHashMap<>();
    claimed.forEach(c -> byTable.computeIfAbsent(c.tableName(), t -> new ArrayList<>()).add(c));
    byTable.forEach(this::send);
    return claimed.size();
  }

  private void send(String tableName, List<QueuedChange> changes) {
    Outcome outcome = new Outcome();
    List<QueuedChange> upserts = new ArrayList<>();
    List<QueuedChange> removals = new ArrayList<>();
    for (QueuedChange change : changes) {
      OutboundAction action = OutboundAction.fromPayload(change.kind(), change.payload());
      if (action instanceof OutboundAction.Reject reject) {
        park(change, "cannot be mapped: " + reject.reason());
        outcome.rejected++;
      } else if (action instanceof OutboundAction.Remove) {
        removals.add(change);
      } else {
        upserts.add(change);
      }
    }
    upsert(tableName, upserts, outcome);
    remove(tableName, removals, outcome);
    listener.changesFinished(table(tableName), outcome.sent, outcome.removed, outcome.unchanged, outcome.rejected);
  }

  private void upsert(String tableName, List<QueuedChange> changes, Outcome outcome) {
    if (changes.isEmpty()) {
      return;
    }
    Map<String, SyncedRecord> synced = store.syncedValues().get(
        settings.connectionId(), tableName, changes.stream().map(QueuedChange::recordId).toList());
    List<QueuedChange> toSend = new ArrayList<>();
    List<QueuedChange> unchanged = new ArrayList<>();
    for (QueuedChange change : changes) {
      SyncedRecord last = synced.get(change.recordId());
      (last != null && SyncedBase.holds(last, properties(change)) ? unchanged : toSend).add(change);
    }
    complete(unchanged);
    outcome.unchanged += unchanged.size();
    List<QueuedChange> plain = new ArrayList<>();
    List<QueuedChange> readFirst = new ArrayList<>();
    for (QueuedChange change : toSend) {
      boolean read = twoWay.needsSpotlerRead(table(tableName), properties(change), synced.get(change.recordId()));
      (read ? readFirst : plain).add(change);
    }
    sendInChunks(tableName, plain, settings.contactsPerCall(), synced, outcome);
    // Their contacts are read right before the send, a few at a time, so that an edit made in Spotler has little time
    // to slip in between the read and the send, which Spotler offers no condition for.
    sendInChunks(tableName, readFirst, Math.min(READ_FIRST_PER_CALL, settings.contactsPerCall()), synced, outcome);
  }

  private void sendInChunks(
      String tableName, List<QueuedChange> changes, int perCall, Map<String, SyncedRecord> synced, Outcome outcome) {
    for (int from = 0; from < changes.size(); from += perCall) {
      List<QueuedChange> chunk = changes.subList(from, Math.min(changes.size(), from + perCall));
      sendChunk(tableName, withoutMergedBothWays(tableName, chunk, synced, outcome), synced, outcome);
    }
  }

  /**
   * The changes still to send once the records that Spotler changed too, in a two-way field, were merged both ways;
   * those are done. When the merge fails as a whole, its records are retried later.
   */
  private List<QueuedChange> withoutMergedBothWays(
      String tableName, List<QueuedChange> changes, Map<String, SyncedRecord> synced, Outcome outcome) {
    Map<String, ObjectNode> properties = new LinkedHashMap<>();
    changes.forEach(change -> properties.put(change.recordId(), properties(change)));
    Set<String> merged;
    try {
      merged = twoWay.mergeEditedInSpotler(table(tableName), properties, synced);
    } catch (MailPlusUnauthorizedException e) {
      LOG.atError().log("Spotler does not accept the credentials; check the consumer key and secret: {}",
          e.getMessage());
      retryLater(changes, e);
      return List.of();
    } catch (RuntimeException e) {
      retryLater(changes, e);
      return List.of();
    }
    if (merged.isEmpty()) {
      return changes;
    }
    List<QueuedChange> rest = new ArrayList<>();
    List<QueuedChange> done = new ArrayList<>();
    changes.forEach(change -> (merged.contains(change.recordId()) ? done : rest).add(change));
    complete(done);
    outcome.sent += done.size();
    return rest;
  }

  private void sendChunk(
      String tableName, List<QueuedChange> chunk, Map<String, SyncedRecord> synced, Outcome outcome) {
    if (chunk.isEmpty()) {
      return;
    }
    List<SpotlerContact> contacts = new ArrayList<>(chunk.size());
    for (QueuedChange change : chunk) {
      SyncedRecord base = synced.get(change.recordId());
      ObjectNode sendable = twoWay.sendable(table(tableName), properties(change), base);
      contacts.add(SpotlerContact.of(change.recordId(), fields(changesSince(base, sendable))));
    }
    List<ContactResult> results;
    try {
      results = spotler.upsertContacts(contacts);
    } catch (MailPlusUnauthorizedException e) {
      LOG.atError().log("Spotler does not accept the credentials; check the consumer key and secret: {}", e.getMessage());
      retryLater(chunk, e);
      return;
    } catch (MailPlusException e) {
      // The whole call was refused (400/401/403...): not worth repeating as it is, so a person must look.
      LOG.atError().addKeyValue("table", tableName).addKeyValue("contacts", chunk.size())
          .addKeyValue("status", e.status()).log("Spotler refused a bulk upsert: {}", e.getMessage());
      chunk.forEach(c -> park(c, "Spotler refused the call: " + e.getMessage()));
      outcome.rejected += chunk.size();
      return;
    } catch (RuntimeException e) {
      retryLater(chunk, e);
      return;
    }
    Map<String, ContactResult> byId = new HashMap<>();
    results.forEach(r -> byId.put(r.externalId(), r));
    Instant now = clock.instant();
    List<SyncedRecord> syncedRecords = new ArrayList<>();
    List<RecordLink> links = new ArrayList<>();
    List<QueuedChange> done = new ArrayList<>();
    for (QueuedChange change : chunk) {
      ContactResult result = byId.get(change.recordId());
      if (result != null && result.isOk()) {
        ObjectNode base = SyncedBase.overlay(synced.get(change.recordId()), properties(change));
        syncedRecords.add(SyncedRecord.of(tableName, change.recordId(), base, now));
        links.add(new RecordLink(tableName, change.recordId(), change.recordId(), now, "OK"));
        done.add(change);
      } else {
        String reason = result == null
            ? "Spotler did not report a result for this contact"
            : "Spotler rejected the contact: " + result.code() + (result.message() == null ? "" : " " + result.message());
        park(change, reason);
        outcome.rejected++;
      }
    }
    store.inTransaction(repositories -> {
      repositories.syncedValues().put(settings.connectionId(), syncedRecords);
      repositories.recordLinks().link(settings.connectionId(), links);
      repositories.outboundQueue().complete(settings.connectionId(), done);
    });
    outcome.sent += done.size();
  }

  private void remove(String tableName, List<QueuedChange> changes, Outcome outcome) {
    if (changes.isEmpty()) {
      return;
    }
    Map<String, RecordLink> links = store.recordLinks().findByRecordIds(
        settings.connectionId(), tableName, changes.stream().map(QueuedChange::recordId).toList());
    List<QueuedChange> done = new ArrayList<>();
    for (QueuedChange change : changes) {
      RecordLink link = links.get(change.recordId());
      OutboundAction.Remove removal = (OutboundAction.Remove) OutboundAction.fromPayload(change.kind(), change.payload());
      if (link == null) {
        done.add(change); // never reached Spotler: nothing to remove
        outcome.unchanged++;
        continue;
      }
      try {
        apply(removal, link.externalId());
        done.add(change);
        outcome.removed++;
      } catch (MailPlusNotFoundException gone) {
        done.add(change);
      } catch (MailPlusException e) {
        park(change, "Spotler refused to remove the contact: " + e.getMessage());
        outcome.rejected++;
      } catch (RuntimeException e) {
        retryLater(List.of(change), e);
      }
    }
    List<String> forgotten = done.stream().map(QueuedChange::recordId).toList();
    store.inTransaction(repositories -> {
      // Forget the synced values, so that a record that comes back is sent whole again.
      repositories.syncedValues().delete(settings.connectionId(), tableName, forgotten);
      repositories.outboundQueue().complete(settings.connectionId(), done);
    });
  }

  private void apply(OutboundAction.Remove removal, String externalId) {
    switch (removal.action()) {
      case ANONYMIZE -> spotler.anonymize(externalId);
      case CLEAR_PERMISSIONS -> {
        SpotlerContact contact = SpotlerContact.of(externalId);
        for (long bit : permissionBits()) {
          contact = contact.withPermission(bit, false);
        }
        spotler.updateContact(externalId, contact, false);
      }
      case IGNORE -> { }
    }
  }

  private List<Long> permissionBits() {
    List<Long> bits = permissionBits;
    if (bits == null) {
      bits = spotler.properties().stream()
          .filter(p -> p.name().equals(PERMISSIONS) && p.isSet())
          .flatMap(p -> p.entries().stream())
          .map(SetPropertyEntry::bit)
          .toList();
      permissionBits = bits;
    }
    return bits;
  }

  private void retryLater(List<QueuedChange> changes, RuntimeException cause) {
    LOG.atWarn().addKeyValue("changes", changes.size())
        .log("sending to Spotler failed, will retry: {}", cause.toString());
    for (QueuedChange change : changes) {
      store.outboundQueue().fail(settings.connectionId(), change, cause.toString(), clock.instant().plus(retryDelay(change.attempts())));
    }
  }

  static Duration retryDelay(int attempts) {
    long seconds = FIRST_RETRY.getSeconds() << Math.min(20, Math.max(0, attempts - 1));
    return seconds > LAST_RETRY.getSeconds() ? LAST_RETRY : Duration.ofSeconds(seconds);
  }

  private void park(QueuedChange change, String reason) {
    LOG.atWarn().addKeyValue("table", change.tableName()).addKeyValue("recordId", change.recordId())
        .log("parked: {}", reason);
    store.outboundQueue().park(settings.connectionId(), change, reason);
  }

  /**
   * Upserts one record's mapped properties now, outside the queue, and records what was synced as a queued send would;
   * a record that Spotler changed too, in a two-way field, is merged both ways instead. Errors of the calls are thrown
   * to the caller.
   */
  ContactResult upsertNow(SourceTable table, String recordId, ObjectNode properties) {
    SyncedRecord last = store.syncedValues().get(settings.connectionId(), table.logicalName(), recordId).orElse(null);
    Map<String, SyncedRecord> bases = last == null ? Map.of() : Map.of(recordId, last);
    if (!twoWay.mergeEditedInSpotler(table, Map.of(recordId, properties), bases).isEmpty()) {
      return new ContactResult(recordId, ContactResultCode.OK, null);
    }
    ObjectNode sendable = changesSince(last, twoWay.sendable(table, properties, last));
    List<ContactResult> results = spotler.upsertContacts(List.of(SpotlerContact.of(recordId, fields(sendable))));
    ContactResult result = results.stream().filter(r -> recordId.equals(r.externalId())).findFirst()
        .orElseThrow(() -> new IllegalStateException("Spotler did not report a result for the contact"));
    if (result.isOk()) {
      Instant now = clock.instant();
      ObjectNode base = SyncedBase.overlay(last, properties);
      store.inTransaction(repositories -> {
        repositories.syncedValues().put(settings.connectionId(),
            List.of(SyncedRecord.of(table.logicalName(), recordId, base, now)));
        repositories.recordLinks().link(settings.connectionId(),
            List.of(new RecordLink(table.logicalName(), recordId, recordId, now, "OK")));
      });
    }
    return result;
  }

  /** The values to send: of a set field (permissions) only the bits that changed since the base. */
  private static ObjectNode changesSince(SyncedRecord base, ObjectNode sendable) {
    return base == null ? sendable : SyncedBase.onlyChangedBits(sendable, base.values());
  }

  private void complete(List<QueuedChange> changes) {
    if (!changes.isEmpty()) {
      store.outboundQueue().complete(settings.connectionId(), changes);
    }
  }

  private static ObjectNode properties(QueuedChange change) {
    return ((OutboundAction.Upsert) OutboundAction.fromPayload(change.kind(), change.payload())).properties();
  }

  private static Map<String, JsonNode> fields(ObjectNode properties) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    properties.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
    return fields;
  }

  private static SourceTable table(String logicalName) {
    for (SourceTable t : SourceTable.values()) {
      if (t.logicalName().equals(logicalName)) {
        return t;
      }
    }
    throw new IllegalStateException("Queued change for an unknown table " + logicalName + ". Indicates a bug.");
  }

  private static final class Outcome {
    int sent;
    int removed;
    int unchanged;
    int rejected;
  }
}
