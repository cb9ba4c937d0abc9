package org.spotlerconnector.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.config.OnChange;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DeltaTokenExpiredException;
import org.spotlerconnector.dataverse.ODataQuery;
import org.spotlerconnector.dataverse.Page;
import org.spotlerconnector.dataverse.ResultPages;
import org.spotlerconnector.dataverse.RowChange;
import org.spotlerconnector.mapping.RequiredSelect;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.store.ChangeKind;
import org.spotlerconnector.store.DeltaLinkState;
import org.spotlerconnector.store.RecordChange;
import org.spotlerconnector.store.Store;
import org.spotlerconnector.store.SyncedRecord;

/**
 * Reads one table's changes from Dataverse change tracking and queues them. The first read is the initial load, one
 * page per {@link #step()}, saving the next page's link with the page's changes in one transaction, so a restart goes
 * on where it stopped. After that each step reads the whole delta since the saved delta link, queueing page by page,
 * and saves the new delta link only at the end: a crash re-reads the delta, and queueing is idempotent.
 *
 * <p>Change tracking allows no {@code $expand}; when the mapping needs related columns (a contact's account name),
 * the changed rows are read again by id with the expansions.
 */
final class TableReader {
  private static final Logger LOG = LoggerFactory.getLogger(TableReader.class);
  /**
   * How far apart the connector's clock and Dataverse's may be: a record Dataverse says was created up to this long
   * before the previous read still counts as created since.
   */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final SourceTable table;
  private final String entitySet;
  private final DataverseClient dataverse;
  private final Store store;
  private final OutboundSyncSettings settings;
  private final ChangeClassifier classifier;
  private final RequiredSelect required;
  private final SyncListener listener;
  private final Clock clock;
  private final String trackedSelect;
  private final Executor rereads;
  private final SyncRequests syncRequests;
  private final OutboundPermissions permissions;
  private boolean initialLoadAnnounced;

  TableReader(
      SourceTable table,
      String entitySet,
      DataverseClient dataverse,
      Store store,
      OutboundSyncSettings settings,
      ChangeClassifier classifier,
      RequiredSelect required,
      SyncListener listener,
      Executor rereads,
      SyncRequests syncRequests,
      OutboundPermissions permissions,
      Clock clock) {
    this.table = table;
    this.entitySet = entitySet;
    this.dataverse = dataverse;
    this.store = store;
    this.settings = settings;
    this.classifier = classifier;
    this.required = required;
    this.listener = listener;
    this.rereads = rereads;
    this.syncRequests = syncRequests;
    this.permissions = permissions;
    this.clock = clock;
    SortedSet<String> columns = new TreeSet<>(required.columns());
    columns.addAll(ChangeClassifier.STATE_COLUMNS);
    columns.addAll(permissions.columns(table));
    columns.add(table.primaryIdColumn());
    columns.add("modifiedon");
    this.trackedSelect = String.join(",", rereads() ? List.of(table.primaryIdColumn()) : columns);
  }

  SourceTable table() {
    return table;
  }

  /** What the sync would do with one record now, read as a poll reads it; empty when the record does not exist. */
  Optional<OutboundAction> classifyNow(String id) {
    ODataQuery query = ODataQuery.of(entitySet)
        .select(selectWithStateColumns() + "," + table.primaryIdColumn())
        .filter(table.primaryIdColumn() + " eq " + UUID.fromString(id)); // parsed: never lets text into the filter
    if (rereads()) {
      query = query.expand(required.expandOption());
    }
    var pages = dataverse.query(query, 1, formattedValues());
    Optional<OutboundAction> action = pages.hasNext()
        ? pages.next().items().stream().findFirst().map(row -> classifier.classify(table, row))
        : Optional.empty();
    if (action.orElse(null) instanceof OutboundAction.Upsert upsert) {
      permissions.addTo(table, Map.of(id, upsert.properties()), List.of());
    }
    return action;
  }

  /**
   * Reads the next page of the initial load, or the whole delta.
   *
   * @return true while the initial load has pages left (call again at once); false when caught up
   */
  boolean step() {
    Optional<DeltaLinkState> state = store.deltaLinks().find(settings.connectionId(), table.logicalName());
    if (state.isEmpty() || !state.get().initialLoadComplete()) {
      return initialLoadPage(state.map(DeltaLinkState::resumePoint).orElse(null));
    }
    try {
      readDelta(state.get().deltaLink(), state.get().savedAt().minus(CLOCK_SKEW));
    } catch (DeltaTokenExpiredException e) {
      LOG.atWarn().addKeyValue("table", table.logicalName())
          .log("Dataverse refused the delta link (expired change-tracking token); doing a full load again");
      store.deltaLinks().reset(settings.connectionId(), table.logicalName());
      initialLoadAnnounced = false;
    }
    return false;
  }

  private boolean initialLoadPage(String resumePoint) {
    if (!initialLoadAnnounced) {
      initialLoadAnnounced = true;
      listener.initialLoadStarted(table);
      LOG.atInfo().addKeyValue("table", table.logicalName()).addKeyValue("resumed", resumePoint != null)
          .log("initial load started");
    }
    String link = resumePoint != null ? resumePoint : ODataQuery.of(entitySet).select(trackedSelect).toRelativeUrl();
    ResultPages<ObjectNode> pages = dataverse.continueTracking(link, formattedValues());
    Page<ObjectNode> page = pages.next();
    List<RecordChange> changes = changesOf(rowsOf(page.items()), List.of(), Optional.empty());
    Optional<String> next = pages.nextLink();
    store.inTransaction(repositories -> {
      repositories.outboundQueue().enqueue(settings.connectionId(), changes);
      if (next.isPresent()) {
        repositories.deltaLinks().saveResumePoint(settings.connectionId(), table.logicalName(), next.get());
      } else {
        repositories.deltaLinks().saveDeltaLink(settings.connectionId(), table.logicalName(), page.deltaLink().orElseThrow(
            () -> new IllegalStateException("Change tracking is not enabled on " + table.logicalName()
                + ": Dataverse gave no delta link. Turn on 'Track changes' for the table.")));
      }
    });
    listener.rowsRead(table, page.items().size(), changes.size());
    if (next.isEmpty()) {
      listener.initialLoadFinished(table);
      LOG.atInfo().addKeyValue("table", table.logicalName()).log("initial load read its last page");
    }
    return next.isPresent();
  }

  /**
   * Reads the changes since the delta link.
   *
   * @param previousRead when the changes before this delta were read: a record created since is new
   */
  private void readDelta(String deltaLink, Instant previousRead) {
    ResultPages<RowChange> pages = dataverse.changesSince(deltaLink, formattedValues());
    int total = 0;
    while (pages.hasNext()) {
      Page<RowChange> page = pages.next();
      List<ObjectNode> upserted = new ArrayList<>();
      List<String> removed = new ArrayList<>();
      for (RowChange change : page.items()) {
        if (change instanceof RowChange.Upserted u) {
          upserted.add(u.row());
        } else if (change instanceof RowChange.Removed r) {
          removed.add(r.id());
        }
      }
      List<RecordChange> changes = changesOf(rowsOf(upserted), removed, Optional.of(previousRead));
      queueOrRequestJobs(changes);
      listener.rowsRead(table, page.items().size(), changes.size());
      total += page.items().size();
    }
    String next = pages.deltaLink().orElseThrow(
        () -> new IllegalStateException("Dataverse gave no new delta link for " + table.logicalName()));
    store.deltaLinks().saveDeltaLink(settings.connectionId(), table.logicalName(), next);
    if (total > 0) {
      LOG.atDebug().addKeyValue("table", table.logicalName()).addKeyValue("changes", total).log("delta read");
    }
  }

  /**
   * Queues the changes, or with {@code onChange: job} asks for a Sync Contact job per changed record and queues only
   * deactivations and deletions (a job cannot point at a deleted row). The jobs exist before the delta link moves on;
   * a crash in between creates a job twice, which syncs the record twice, harmlessly.
   */
  private void queueOrRequestJobs(List<RecordChange> changes) {
    if (settings.onChange() != OnChange.JOB) {
      store.outboundQueue().enqueue(settings.connectionId(), changes);
      return;
    }
    List<String> upserted = new ArrayList<>();
    List<RecordChange> removals = new ArrayList<>();
    for (RecordChange change : changes) {
      if (change.kind() == ChangeKind.UPSERT) {
        upserted.add(change.recordId());
      } else {
        removals.add(change);
      }
    }
    if (!upserted.isEmpty()) {
      syncRequests.request(table, upserted);
    }
    store.outboundQueue().enqueue(settings.connectionId(), removals);
  }

  /** The rows to classify: the tracked rows themselves, or the same rows read again with their related columns. */
  private List<ObjectNode> rowsOf(List<ObjectNode> tracked) {
    if (!rereads() || tracked.isEmpty()) {
      return tracked;
    }
    // The re-reads of one page run side by side (the client's budget caps the concurrency); results keep page order.
    List<CompletableFuture<List<ObjectNode>>> reads = new ArrayList<>();
    for (int from = 0; from < tracked.size(); from += settings.rereadChunk()) {
      List<ObjectNode> chunk = tracked.subList(from, Math.min(tracked.size(), from + settings.rereadChunk()));
      reads.add(CompletableFuture.supplyAsync(() -> reread(chunk), rereads));
    }
    List<ObjectNode> rows = new ArrayList<>(tracked.size());
    for (CompletableFuture<List<ObjectNode>> read : reads) {
      try {
        rows.addAll(read.join());
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    return rows;
  }

  private List<ObjectNode> reread(List<ObjectNode> chunk) {
    return readByIds(chunk.stream().map(row -> row.path(table.primaryIdColumn()).asText()).toList());
  }

  /** The rows with these ids (at most a re-read chunk), with their related columns; rows that are gone are absent. */
  private List<ObjectNode> readByIds(List<String> ids) {
    ODataQuery query = ODataQuery.of(entitySet)
        .select(selectWithStateColumns())
        .filter("Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=@p2)")
        .alias("@p1", "'" + table.primaryIdColumn() + "'")
        .alias("@p2", idArray(ids));
    if (rereads()) {
      query = query.expand(required.expandOption());
    }
    List<ObjectNode> rows = new ArrayList<>(ids.size());
    dataverse.query(query, 5_000, formattedValues()).forEachPage(rows::addAll);
    return rows;
  }

  /**
   * Reads these records now and queues those whose values changed since they were synced, as a delta read would: for
   * a change that touches them but not their own row, such as a permission ticked in Dynamics 365.
   */
  void queueRecords(List<String> ids) {
    for (int from = 0; from < ids.size(); from += settings.rereadChunk()) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + settings.rereadChunk()));
      queueOrRequestJobs(changesOf(readByIds(chunk), List.of(), Optional.empty()));
    }
  }

  /**
   * The queue entries for these rows and removed ids, leaving out records already synced with these values.
   *
   * @param createdSince in a delta read, when the previous read was: a record created since may be new, and gets its
   *     permissions pre-populated; empty in the initial load, which finds records that existed before
   */
  private List<RecordChange> changesOf(List<ObjectNode> rows, List<String> removedIds, Optional<Instant> createdSince) {
    Map<String, OutboundAction> actions = new LinkedHashMap<>();
    Map<String, Instant> changedAt = new LinkedHashMap<>();
    for (ObjectNode row : rows) {
      String id = row.path(table.primaryIdColumn()).asText();
      actions.put(id, classifier.classify(table, row));
      changedAt.put(id, modifiedOn(row));
    }
    for (String id : removedIds) {
      actions.put(id, classifier.deleted(table));
      changedAt.put(id, clock.instant());
    }
    Map<String, SyncedRecord> synced =
        store.syncedValues().get(settings.connectionId(), table.logicalName(), actions.keySet());
    addPermissions(actions, rows, synced, createdSince);
    // A record with a queued change is queued again even when it is back at its synced values: the queued change
    // must be replaced, or it would be sent although the record no longer has those values.
    Set<String> queued = store.outboundQueue().queuedRecordIds(settings.connectionId(), table.logicalName(), actions.keySet());
    List<RecordChange> changes = new ArrayList<>();
    actions.forEach((id, action) -> {
      SyncedRecord last = synced.get(id);
      boolean unchanged = action instanceof OutboundAction.Upsert upsert && last != null && !queued.contains(id)
          && SyncedBase.holds(last, upsert.properties());
      if (!unchanged) {
        changes.add(new RecordChange(table.logicalName(), id, action.kind(), changedAt.get(id), action.toPayload()));
      }
    });
    return changes;
  }

  private void addPermissions(
      Map<String, OutboundAction> actions, List<ObjectNode> rows, Map<String, SyncedRecord> synced,
      Optional<Instant> createdSince) {
    Map<String, ObjectNode> upserts = new LinkedHashMap<>();
    actions.forEach((id, action) -> {
      if (action instanceof OutboundAction.Upsert upsert) {
        upserts.put(id, upsert.properties());
      }
    });
    List<String> created = createdSince
        .map(since -> permissions.newRecords(table, rows, synced, since))
        .orElse(List.of());
    permissions.addTo(table, upserts, created);
  }

  private Instant modifiedOn(ObjectNode row) {
    String modified = row.path("modifiedon").asText("");
    try {
      return modified.isEmpty() ? clock.instant() : OffsetDateTime.parse(modified).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      return clock.instant();
    }
  }

  private String selectWithStateColumns() {
    SortedSet<String> columns = new TreeSet<>(required.columns());
    columns.addAll(ChangeClassifier.STATE_COLUMNS);
    columns.addAll(permissions.columns(table));
    columns.add("modifiedon");
    return String.join(",", columns);
  }

  /** The ids as a query function's list; each is parsed, so that no text gets into the filter. */
  private static String idArray(List<String> ids) {
    StringBuilder list = new StringBuilder("[");
    for (String id : ids) {
      if (list.length() > 1) {
        list.append(',');
      }
      list.append('"').append(UUID.fromString(id)).append('"');
    }
    return list.append(']').toString();
  }

  private boolean rereads() {
    return !required.expand().isEmpty();
  }

  private boolean formattedValues() {
    return required.formattedValues();
  }
}
