package org.spotlerconnector.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.spotlerconnector.config.ConnectorConfig;
import org.spotlerconnector.config.ListsSyncConfig;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.install.ConnectorTables;
import org.spotlerconnector.spotler.audience.SpotlerAudiences;
import org.spotlerconnector.store.Store;
import org.spotlerconnector.sync.OutboundSync;
import org.spotlerconnector.sync.lists.ListRefreshSchedule;
import org.spotlerconnector.sync.lists.ListSyncSettings;
import org.spotlerconnector.sync.lists.MarketingListSync;

/**
 * The marketing lists of a connection: their sync, which Sync Marketing List jobs use, and its schedule ({@code
 * sync.lists.refreshEvery}, off for none). The sync flag column has the prefix of {@code jobs.prefix}, as {@code
 * install} made it. Members Spotler lacks are synced through the outbound sync's sync-now. Whether both editions have
 * lists is checked when the schedule starts and on each job, not here: opening the connector costs no request for it.
 */
record ListSide(MarketingListSync sync, Optional<ListRefreshSchedule> refresh) {
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(5);

  static ListSide of(
      ConnectorConfig config, DataverseClient dataverse, SpotlerAudiences audiences, Store store,
      OutboundSync outbound, Clock clock) {
    ListsSyncConfig lists = config.sync().lists();
    String flagColumn = config.jobs().prefix() + "_" + ConnectorTables.SYNC_TO_SPOTLER;
    MarketingListSync sync = new MarketingListSync(dataverse, audiences, store,
        (table, recordId) -> outbound.syncNow(table, recordId).synced(),
        new ListSyncSettings(config.connection().id(), flagColumn, lists.onRemove()), clock);
    Optional<ListRefreshSchedule> refresh = lists.refreshes()
        ? Optional.of(new ListRefreshSchedule(sync, lists.refreshEvery(), RETRY_AFTER_FAILURE))
        : Optional.empty();
    return new ListSide(sync, refresh);
  }
}
