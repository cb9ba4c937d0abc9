package org.spotlerconnector.sync.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.dataverse.AccessDeniedException;
import org.spotlerconnector.dataverse.BadRequestException;
import org.spotlerconnector.dataverse.BulkWriteException;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseException;
import org.spotlerconnector.dataverse.NotFoundException;
import org.spotlerconnector.dataverse.OutcomeUnknownException;
import org.spotlerconnector.dataverse.PreconditionFailedException;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.mapping.OutboundResult;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.mapping.SpotlerProperty;
import org.spotlerconnector.mapping.SpotlerValueNormaliser;
import org.spotlerconnector.merge.ChangeTimes;
import org.spotlerconnector.merge.Conflict;
import org.spotlerconnector.merge.MergeField;
import org.spotlerconnector.merge.RecordMerge;
import org.spotlerconnector.merge.RecordMergeResult;
import org.spotlerconnector.merge.Side;
import org.spotlerconnector.permissions.Permissions;
import org.spotlerconnector.spotler.ContactResult;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.MailPlusException;
import org.spotlerconnector.spotler.MailPlusUnauthorizedException;
import org.spotlerconnector.spotler.SpotlerContact;
import org.spotlerconnector.store.Store;
import org.spotlerconnector.store.SyncConflict;
import org.spotlerconnector.store.SyncedRecord;
import org.spotlerconnector.sync.RowState;
import org.spotlerconnector.sync.SyncedBase;

/**
 * Merges Spotler contacts with the Dataverse rows they are linked to, field by field against the stored base (the
 * three-way merge of {@link RecordMerge}), {@value LinkedRows#CHUNK} records of one table at a time:
 *
 * <ol>
 *   <li>reads the rows by id, their Spotler Permission rows when permissions are synced ({@link PermissionMerge}),
 *       and the bases, and puts both sides in Spotler value space;
 *   <li>writes the values Spotler won to each row with {@code If-Match} on the ETag read, only the columns that change,
 *       a few rows at a time. A row changed in between (412) is left alone: its own change is synced next, and the
 *       overlapping windows read the contact again. As soon as a row's write went through, the written fields' new
 *       base is stored, so that the outbound flow, which sees the row change, finds it at the base rather than as an
 *       edit to check against Spotler;
 *   <li>writes the permissions Spotler won to the records' permission rows, in bulk;
 *   <li>sends to Spotler, in bulk, the values Dynamics 365 won in a conflict (see {@link SpotlerWrites}); of
 *       permissions only the bits Spotler does not hold yet;
 *   <li>once the writes succeeded, stores the rest of the new bases and the conflicts in one transaction, and logs each
 *       conflict, without its values.
 * </ol>
 *
 * <p>A record whose row is gone, inactive, Do Not Email or filtered out by the mapping is left to the outbound flow,
 * which removes its contact. Idempotent: merging the same contact again finds both sides at the base and writes
 * nothing. Thread-safe.
 */
public final class LinkedMerge {
  private static final Logger LOG = LoggerFactory.getLogger(LinkedMerge.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Row writes in flight at once, over every merge; the Dataverse client's own budget bounds them further. */
  private static final int WRITE_THREADS = 6;

  private final String connectionId;
  private final DataverseClient dataverse;
  private final MailPlusClient spotler;
  private final Store store;
  private final MergePlan plan;
  private final LinkedRows rows;
  private final PermissionMerge permissions;
  private final SpotlerValueNormaliser normaliser;
  private final Clock clock;
  /** Threads for the row writes; idle ones end, so that a merge needs no closing. */
  private final ExecutorService rowWrites = rowWriteThreads();

  /**
   * A merge without the permissions: the plan has no permissions field.
   *
   * @param zone spotler.timeZone, in which Spotler's dates are read
   */
  public LinkedMerge(
      String connectionId,
      DataverseClient dataverse,
      MailPlusClient spotler,
      Store store,
      MergePlan plan,
      ZoneId zone,
      Clock clock) {
    this(connectionId, dataverse, spotler, store, plan, Optional.empty(), zone, clock);
  }

  /**
   * @param permissions the Spotler Permission rows, whose values fill the plan's permissions field, when permissions
   *     are synced
   * @param zone spotler.timeZone, in which Spotler's dates are read
   */
  public LinkedMerge(
      String connectionId,
      DataverseClient dataverse,
      MailPlusClient spotler,
      Store store,
      MergePlan plan,
      Optional<Permissions> permissions,
      ZoneId zone,
      Clock clock) {
    this.connectionId = connectionId;
    this.dataverse = dataverse;
    this.spotler = spotler;
    this.store = store;
    this.plan = plan;
    this.rows = new LinkedRows(dataverse, plan);
    this.permissions = new PermissionMerge(plan, permissions);
    this.normaliser = new SpotlerValueNormaliser(zone);
    this.clock = clock;
  }

  MergePlan plan() {
    return plan;
  }

  /** Which of the values Dynamics 365 won a merge sends to Spotler. */
  enum SpotlerWrites {
    /**
     * Only the winners of conflicts. A change made in Dynamics 365 alone is the outbound flow's to send: its field
     * keeps its base, so the outbound flow still sees it as changed.
     */
    CONFLICT_WINNERS,
    /** Every value Spotler does not hold yet: the merge stands in for the outbound flow's send of the record. */
    ALL
  }

  /**
   * Merges these contacts with their rows of {@code table}.
   *
   * @throws org.spotlerconnector.http.TransientHttpException when a service stayed unavailable; records merged before
   *     are stored, the others merge when read again
   */
  MergeTally merge(SourceTable table, List<LinkedContact> contacts, SpotlerWrites writes) {
    MergeTally tally = new MergeTally();
    for (int from = 0; from < contacts.size(); from += LinkedRows.CHUNK) {
      mergeChunk(table, contacts.subList(from, Math.min(contacts.size(), from + LinkedRows.CHUNK)), writes, tally);
    }
    return tally;
  }

  /** One record on its way through the merge. */
  private static final class Merging {
    final LinkedContact linked;
    final ObjectNode row;
    final SyncedRecord base;
    /** The contact's values in Spotler value space, as merged. */
    final ObjectNode spotler;
    final RecordMergeResult result;
    final ObjectNode toSpotler;
    /** Fields whose agreed value is not written yet: they keep their base, so that they merge again. */
    final Set<String> unwritten = new HashSet<>();
    /** Whether a write to Dataverse went through already (counted once in the tally). */
    boolean writtenToDynamics;
    /** The base values in the store, once the row's write stored its part; null while the record has no base. */
    ObjectNode stored;

    Merging(LinkedContact linked, ObjectNode row, SyncedRecord base, ObjectNode spotler, RecordMergeResult result,
        SpotlerWrites writes) {
      this.linked = linked;
      this.row = row;
      this.base = base;
      this.spotler = spotler;
      this.result = result;
      this.stored = base == null ? null : base.values();
      this.toSpotler = result.toSpotler().deepCopy();
      if (writes == SpotlerWrites.CONFLICT_WINNERS) {
        Set<String> won = new HashSet<>();
        result.conflicts().stream().filter(c -> c.winner() == Side.DYNAMICS).forEach(c -> won.add(c.field()));
        toSpotler.fieldNames().forEachRemaining(field -> {
          if (!won.contains(field)) {
            unwritten.add(field);
          }
        });
        toSpotler.remove(unwritten);
      }
    }

    String recordId() {
      return linked.recordId();
    }
  }

  private void mergeChunk(SourceTable table, List<LinkedContact> chunk, SpotlerWrites writes, MergeTally tally) {
    List<String> ids = chunk.stream().map(LinkedContact::recordId).toList();
    Map<String, SyncedRecord> bases = store.syncedValues().get(connectionId, table.logicalName(), ids);
    Map<String, ObjectNode> found = rows.read(table, ids);
    PermissionMerge.Chunk permissionRows = permissions.read(table, ids);
    List<Merging> merging = new ArrayList<>();
    for (LinkedContact linked : chunk) {
      ObjectNode row = LinkedRows.key(linked.recordId()).map(found::get).orElse(null);
      Optional<ObjectNode> dynamics = row == null ? Optional.empty() : dynamicsValues(table, row);
      if (dynamics.isEmpty()) {
        tally.notSynced++;
        continue;
      }
      permissionRows.addTo(linked.recordId(), dynamics.get());
      SyncedRecord base = bases.get(linked.recordId());
      ObjectNode spotlerValues = spotlerValues(table, linked, base, dynamics.get());
      RecordMergeResult result;
      try {
        result = RecordMerge.merge(
            permissionRows.fields(linked.recordId()),
            Optional.ofNullable(base).map(SyncedRecord::values),
            dynamics.get(),
            spotlerValues,
            ChangeTimes.of(modifiedOn(row), linked.contact().lastChanged()));
      } catch (IllegalArgumentException mismatch) {
        // e.g. a list of permission bits on one side and a single value on the other: one record must not stop the feed
        LOG.atWarn().addKeyValue("table", table.logicalName()).addKeyValue("recordId", linked.recordId())
            .log("not merged: {}", mismatch.getMessage());
        tally.notSynced++;
        continue;
      }
      merging.add(new Merging(linked, row, base, spotlerValues, result, writes));
    }
    writeToDataverse(table, merging, tally);
    writePermissions(table, merging, permissionRows, tally);
    sendToSpotler(table, merging, tally);
    storeOutcome(table, merging, tally);
  }

  /** The row's values in Spotler value space; empty when the row may not be in Spotler, so is not merged. */
  private Optional<ObjectNode> dynamicsValues(SourceTable table, ObjectNode row) {
    if (!RowState.mailable(row)) {
      return Optional.empty();
    }
    OutboundResult result = plan.dataverseValues(table, row);
    if (result instanceof OutboundResult.Unmappable unmappable) {
      LOG.atWarn().addKeyValue("table", table.logicalName())
          .addKeyValue("recordId", row.path(table.primaryIdColumn()).asText())
          .addKeyValue("field", unmappable.spotlerField())
          .log("not merged: a Dataverse value cannot be mapped: {}", unmappable.reason());
    }
    return result instanceof OutboundResult.Mapped mapped ? Optional.of(mapped.properties()) : Optional.empty();
  }

  /**
   * The contact's values in Spotler value space. A value that cannot be read counts as unchanged (the base, or without
   * one the Dataverse value), so that one odd value does not hold up the record's other fields.
   */
  private ObjectNode spotlerValues(SourceTable table, LinkedContact linked, SyncedRecord base, ObjectNode dynamics) {
    ObjectNode values = NODES.objectNode();
    for (SpotlerProperty property : plan.properties(table)) {
      String field = property.name();
      try {
        values.set(field, normaliser.normalise(property.type(), linked.contact().properties().get(field)));
      } catch (IllegalArgumentException unreadable) {
        JsonNode known = base != null && base.values().has(field) ? base.values().get(field) : dynamics.get(field);
        if (known != null) {
          values.set(field, known);
        }
        LOG.atWarn().addKeyValue("table", table.logicalName()).addKeyValue("recordId", linked.recordId())
            .addKeyValue("field", field).log("a Spotler value cannot be read, taken as unchanged: {}",
                unreadable.getMessage());
      }
    }
    return values;
  }

  private static Instant modifiedOn(ObjectNode row) {
    String text = row.path(LinkedRows.MODIFIED_ON).asText("");
    try {
      return text.isEmpty() ? null : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** What became of one row's write. */
  private enum RowWrite { WRITTEN, CHANGED_MEANWHILE, GONE, REFUSED }

  /**
   * Writes the rows concurrently and waits for all of them, so that no write is still running when the merge goes on.
   * A failure other than the row's own (a service that stayed unavailable) is thrown once every write has ended.
   */
  private void writeToDataverse(SourceTable table, List<Merging> merging, MergeTally tally) {
    Map<Merging, CompletableFuture<RowWrite>> writing = new LinkedHashMap<>();
    for (Merging record : merging) {
      if (record.result.toDynamics().isEmpty()) {
        continue;
      }
      DataverseChanges changes = DataverseChanges.of(plan, table, record.result.toDynamics(), record.row);
      record.unwritten.addAll(changes.heldBack().keySet());
      changes.heldBack().forEach((field, reason) -> LOG.atWarn().addKeyValue("table", table.logicalName())
          .addKeyValue("recordId", record.recordId()).addKeyValue("field", field)
          .log("a value from Spotler is not written to Dataverse: {}", reason));
      if (changes.columns().isEmpty()) {
        continue;
      }
      String etag = record.row.path(LinkedRows.ETAG).asText("");
      if (etag.isEmpty()) {
        throw new IllegalStateException("Dataverse returned a row without @odata.etag. Indicates a bug.");
      }
      writing.put(record, CompletableFuture.supplyAsync(() -> writeRow(table, record, etag, changes), rowWrites));
    }
    Set<Merging> notWritten = new HashSet<>();
    RuntimeException failure = null;
    for (Map.Entry<Merging, CompletableFuture<RowWrite>> write : writing.entrySet()) {
      RowWrite outcome;
      try {
        outcome = write.getValue().join();
      } catch (CompletionException e) {
        notWritten.add(write.getKey());
        failure = failure != null ? failure : unchecked(e.getCause());
        continue;
      }
      switch (outcome) {
        case WRITTEN -> tally.toDynamics++;
        case CHANGED_MEANWHILE -> tally.changedMeanwhile++;
        case GONE -> tally.notSynced++;
        case REFUSED -> { }
      }
      if (outcome != RowWrite.WRITTEN) {
        notWritten.add(write.getKey());
      }
    }
    merging.removeIf(notWritten::contains);
    if (failure != null) {
      throw failure;
    }
  }

  private RowWrite writeRow(SourceTable table, Merging record, String etag, DataverseChanges changes) {
    try {
      dataverse.updateIfMatch(LinkedRows.entitySet(table), RecordKey.id(record.recordId()), etag, changes.columns());
    } catch (PreconditionFailedException changedMeanwhile) {
      LOG.atDebug().addKeyValue("table", table.logicalName()).addKeyValue("recordId", record.recordId())
          .log("the row changed since it was read; merged again when read again");
      return RowWrite.CHANGED_MEANWHILE;
    } catch (NotFoundException gone) {
      return RowWrite.GONE;
    } catch (BadRequestException | AccessDeniedException | OutcomeUnknownException refused) {
      LOG.atWarn().addKeyValue("table", table.logicalName()).addKeyValue("recordId", record.recordId())
          .addKeyValue("columns", String.join(",", names(changes.columns())))
          .log("Dataverse did not take the values from Spotler; merged again when read again: {}",
              refused.getMessage());
      return RowWrite.REFUSED;
    }
    record.writtenToDynamics = true;
    storeWrittenBase(table, record);
    return RowWrite.WRITTEN;
  }

  /**
   * Stores the new base of the fields the row's write just set, at once rather than with the rest of the record's
   * base: the outbound flow reads the row's change any moment now, and without it would take the written values for
   * an edit in Dynamics 365 and read the contact to check it. The permissions and the values for Spotler are stored
   * only once their own writes went through.
   */
  private void storeWrittenBase(SourceTable table, Merging record) {
    Optional<String> permissionField = plan.permissionField(table).map(MergeField::name);
    ObjectNode written = NODES.objectNode();
    record.result.toDynamics().fieldNames().forEachRemaining(field -> {
      if (!record.unwritten.contains(field) && permissionField.filter(field::equals).isEmpty()
          && record.result.newBase().has(field)) {
        written.set(field, record.result.newBase().get(field));
      }
    });
    ObjectNode newBase = SyncedBase.overlay(record.base, written);
    store.syncedValues().put(
        connectionId, List.of(SyncedRecord.of(table.logicalName(), record.recordId(), newBase, clock.instant())));
    record.stored = newBase;
  }

  private static RuntimeException unchecked(Throwable failure) {
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(failure);
  }

  private static ExecutorService rowWriteThreads() {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor threads = new ThreadPoolExecutor(WRITE_THREADS, WRITE_THREADS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "inbound-row-write-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    threads.allowCoreThreadTimeOut(true);
    return threads;
  }

  /**
   * Writes the permissions Spotler won to the Spotler Permission rows of the records still merging, in bulk. When
   * Dataverse does not take them, their permissions keep their base, so that they merge again when read again.
   */
  private void writePermissions(
      SourceTable table, List<Merging> merging, PermissionMerge.Chunk permissionRows, MergeTally tally) {
    Optional<String> field = permissionRows.field();
    if (field.isEmpty()) {
      return;
    }
    Map<String, JsonNode> targets = new LinkedHashMap<>();
    List<Merging> writing = new ArrayList<>();
    for (Merging record : merging) {
      JsonNode target = record.result.toDynamics().get(field.get());
      if (target != null) {
        targets.put(record.recordId(), target);
        writing.add(record);
      }
    }
    if (writing.isEmpty()) {
      return;
    }
    try {
      permissionRows.write(targets);
    } catch (DataverseException | BulkWriteException refused) {
      LOG.atWarn().addKeyValue("table", table.logicalName()).addKeyValue("records", writing.size())
          .log("Dataverse did not take the permissions from Spotler; merged again when read again: {}",
              refused.getMessage());
      writing.forEach(record -> record.unwritten.add(field.get()));
      return;
    }
    for (Merging record : writing) {
      if (!record.writtenToDynamics) {
        record.writtenToDynamics = true;
        tally.toDynamics++;
      }
    }
  }

  private void sendToSpotler(SourceTable table, List<Merging> merging, MergeTally tally) {
    Map<String, Merging> sending = new LinkedHashMap<>();
    List<SpotlerContact> contacts = new ArrayList<>();
    for (Merging record : merging) {
      if (!record.toSpotler.isEmpty()) {
        String externalId = record.linked.contact().externalId();
        sending.put(externalId, record);
        // of a set field only the bits Spotler does not hold yet, so that no other change of Spotler's is overwritten
        ObjectNode changes = SyncedBase.onlyChangedBits(record.toSpotler, record.spotler);
        contacts.add(SpotlerContact.of(externalId, fields(changes)));
      }
    }
    if (contacts.isEmpty()) {
      return;
    }
    Map<String, ContactResult> results = new HashMap<>();
    try {
      spotler.upsertContacts(contacts).forEach(result -> results.put(result.externalId(), result));
    } catch (MailPlusUnauthorizedException unauthorized) {
      throw unauthorized;
    } catch (MailPlusException refused) {
      LOG.atWarn().addKeyValue("table", table.logicalName()).addKeyValue("contacts", contacts.size())
          .log("Spotler refused the values merged from Dataverse: {}", refused.getMessage());
    }
    sending.forEach((externalId, record) -> {
      ContactResult result = results.get(externalId);
      if (result != null && result.isOk()) {
        tally.toSpotler++;
        return;
      }
      if (result != null) {
        LOG.atWarn().addKeyValue("table", table.logicalName()).addKeyValue("recordId", record.recordId())
            .addKeyValue("code", result.code())
            .log("Spotler rejected the values merged from Dataverse; merged again when read again");
      }
      tally.rejected.add(record.recordId());
      merging.remove(record);
    });
  }

  /** Stores the bases and conflicts of the records whose writes went through; the others merge again later. */
  private void storeOutcome(SourceTable table, List<Merging> merging, MergeTally tally) {
    Instant now = clock.instant();
    List<SyncedRecord> bases = new ArrayList<>();
    List<SyncConflict> conflicts = new ArrayList<>();
    for (Merging record : merging) {
      ObjectNode agreed = record.result.newBase().deepCopy();
      for (String field : record.unwritten) {
        if (record.base != null && record.base.values().has(field)) {
          agreed.set(field, record.base.values().get(field));
        } else {
          agreed.remove(field);
        }
      }
      ObjectNode newBase = SyncedBase.overlay(record.base, agreed);
      if (record.stored == null || !record.stored.equals(newBase)) {
        bases.add(SyncedRecord.of(table.logicalName(), record.recordId(), newBase, now));
      }
      for (Conflict conflict : record.result.conflicts()) {
        if (!record.unwritten.contains(conflict.field())) {
          conflicts.add(new SyncConflict(table.logicalName(), record.recordId(), conflict.field(), conflict.base(),
              conflict.dynamics(), conflict.spotler(), conflict.winner().storedName(), conflict.rule().configName(),
              now));
        }
      }
    }
    if (!bases.isEmpty() || !conflicts.isEmpty()) {
      store.inTransaction(repositories -> {
        repositories.syncedValues().put(connectionId, bases);
        repositories.conflicts().record(connectionId, conflicts);
      });
    }
    for (SyncConflict conflict : conflicts) {
      LOG.atInfo().setMessage("two-way conflict resolved")
          .addKeyValue("table", conflict.tableName())
          .addKeyValue("recordId", conflict.recordId())
          .addKeyValue("field", conflict.field())
          .addKeyValue("winner", conflict.winner())
          .addKeyValue("rule", conflict.rule())
          .log();
    }
    tally.merged += merging.size();
    tally.conflicts += conflicts.size();
  }

  private static Map<String, JsonNode> fields(ObjectNode values) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    values.properties().forEach(entry -> fields.put(entry.getKey(), entry.getValue()));
    return fields;
  }

  private static List<String> names(ObjectNode values) {
    List<String> names = new ArrayList<>();
    values.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
