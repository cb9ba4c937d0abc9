package org.spotlerconnector.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DeltaTokenExpiredException;
import org.spotlerconnector.dataverse.ODataQuery;
import org.spotlerconnector.dataverse.Page;
import org.spotlerconnector.dataverse.ResultPages;
import org.spotlerconnector.dataverse.RowChange;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.permissions.PermissionRows;
import org.spotlerconnector.permissions.PermissionTable;
import org.spotlerconnector.store.DeltaLinkState;
import org.spotlerconnector.store.Store;

/**
 * Reads the Spotler Permission table's changes from Dataverse change tracking, as {@link TableReader} reads a synced
 * table's, and has the records whose rows changed read and queued again: a permission ticked or unticked in Dynamics
 * 365 changes the record's permissions field, not its own row. The initial load only finds where the changes start;
 * the records themselves are read by their own tables' initial loads. A deleted row names no record, so its record
 * sends the change with its next change.
 */
final class PermissionChangeReader {
  private static final Logger LOG = LoggerFactory.getLogger(PermissionChangeReader.class);

  private final PermissionTable table;
  private final PermissionRows rows;
  private final DataverseClient dataverse;
  private final Store store;
  private final String connectionId;
  private final Map<SourceTable, TableReader> readers;

  /** @param readers the readers of the tables whose records send their permissions */
  PermissionChangeReader(
      PermissionRows rows, DataverseClient dataverse, Store store, String connectionId,
      Map<SourceTable, TableReader> readers) {
    this.table = rows.table();
    this.rows = rows;
    this.dataverse = dataverse;
    this.store = store;
    this.connectionId = connectionId;
    this.readers = readers;
  }

  String tableName() {
    return table.logicalName();
  }

  /**
   * Reads the next page of the initial load, or the whole delta.
   *
   * @return true while the initial load has pages left; false when caught up
   */
  boolean step() {
    Optional<DeltaLinkState> state = store.deltaLinks().find(connectionId, table.logicalName());
    if (state.isEmpty() || !state.get().initialLoadComplete()) {
      return initialLoadPage(state.map(DeltaLinkState::resumePoint).orElse(null));
    }
    try {
      readDelta(state.get().deltaLink());
    } catch (DeltaTokenExpiredException e) {
      LOG.atWarn().addKeyValue("table", table.logicalName())
          .log("Dataverse refused the delta link (expired change-tracking token); reading the table again");
      store.deltaLinks().reset(connectionId, table.logicalName());
    }
    return false;
  }

  private boolean initialLoadPage(String resumePoint) {
    // the delta links keep this selection: the lookups that name a changed row's records
    String link = resumePoint != null
        ? resumePoint
        : ODataQuery.of(table.entitySet()).select(String.join(",", rows.parentColumns())).toRelativeUrl();
    ResultPages<ObjectNode> pages = dataverse.continueTracking(link, false);
    Page<ObjectNode> page = pages.next();
    Optional<String> next = pages.nextLink();
    if (next.isPresent()) {
      store.deltaLinks().saveResumePoint(connectionId, table.logicalName(), next.get());
    } else {
      store.deltaLinks().saveDeltaLink(connectionId, table.logicalName(), page.deltaLink().orElseThrow(
          () -> new IllegalStateException("Change tracking is not enabled on " + table.logicalName()
              + ": Dataverse gave no delta link. Run the install command, which turns it on.")));
    }
    return next.isPresent();
  }

  private void readDelta(String deltaLink) {
    ResultPages<RowChange> pages = dataverse.changesSince(deltaLink, false);
    int changed = 0;
    while (pages.hasNext()) {
      Map<SourceTable, Set<String>> records = new EnumMap<>(SourceTable.class);
      for (RowChange change : pages.next().items()) {
        if (change instanceof RowChange.Upserted upserted) {
          changed++;
          rows.parentsOf(upserted.row()).forEach((parent, id) -> {
            if (readers.containsKey(parent)) {
              records.computeIfAbsent(parent, t -> new LinkedHashSet<>()).add(id);
            }
          });
        }
      }
      records.forEach((parent, ids) -> readers.get(parent).queueRecords(new ArrayList<>(ids)));
    }
    String next = pages.deltaLink().orElseThrow(
        () -> new IllegalStateException("Dataverse gave no new delta link for " + table.logicalName()));
    store.deltaLinks().saveDeltaLink(connectionId, table.logicalName(), next);
    if (changed > 0) {
      LOG.atDebug().addKeyValue("table", table.logicalName()).addKeyValue("changes", changed)
          .log("permission changes read");
    }
  }
}
