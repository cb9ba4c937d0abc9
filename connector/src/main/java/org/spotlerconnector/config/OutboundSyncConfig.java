package org.spotlerconnector.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The Dataverse to Spotler contact sync.
 *
 * @param pollInterval how often change tracking is polled; {@code 5s} unless set
 * @param batchSize contacts per Spotler bulk upsert, at most {@value #MAX_BATCH_SIZE} ({@code POST /contact/list})
 * @param onInactive what a deactivated record does to its Spotler contact
 * @param onDelete what a deleted record does to its Spotler contact
 * @param onDoNotEmail what setting Do Not Email on a record does to its Spotler contact
 * @param onChange what a change of a record sets off: a sync, a Sync Contact job, or nothing
 */
public record OutboundSyncConfig(
    OutboundTables tables,
    Duration pollInterval,
    int batchSize,
    RemovalAction onInactive,
    RemovalAction onDelete,
    RemovalAction onDoNotEmail,
    OnChange onChange) {
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
  public static final int DEFAULT_BATCH_SIZE = 100;
  public static final int MAX_BATCH_SIZE = 100;
  public static final OutboundSyncConfig DEFAULT =
      new OutboundSyncConfig(
          OutboundTables.ALL,
          DEFAULT_POLL_INTERVAL,
          DEFAULT_BATCH_SIZE,
          RemovalAction.DEFAULT,
          RemovalAction.DEFAULT,
          RemovalAction.DEFAULT,
          OnChange.DEFAULT);

  public OutboundSyncConfig {
    Objects.requireNonNull(tables, "tables");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(onInactive, "onInactive");
    Objects.requireNonNull(onDelete, "onDelete");
    Objects.requireNonNull(onDoNotEmail, "onDoNotEmail");
    Objects.requireNonNull(onChange, "onChange");
  }
}
