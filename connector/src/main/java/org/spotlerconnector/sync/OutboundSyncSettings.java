package org.spotlerconnector.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.spotlerconnector.config.OnChange;
import org.spotlerconnector.config.RemovalAction;
import org.spotlerconnector.mapping.SourceTable;

/**
 * How the outbound sync runs.
 *
 * @param connectionId the connection whose rows the store keeps
 * @param tables the Dataverse tables synced to Spotler
 * @param pollInterval how often each table's change-tracking delta is read once its initial load is done
 * @param senders how many threads send queued changes to Spotler at the same time
 * @param claimSize how many queued changes one sender takes at a time (sent in calls of at most 100)
 * @param lease how long a claimed change is held before another sender may take it (a crashed sender's work)
 * @param rereadChunk how many rows one re-read asks for when the mapping needs related columns
 * @param contactsPerCall how many contacts one Spotler bulk upsert carries (at most 100)
 * @param onChange whether a change after the initial load is queued, becomes a Sync Contact job, or is not read
 */
public record OutboundSyncSettings(
    String connectionId,
    Set<SourceTable> tables,
    Duration pollInterval,
    int senders,
    int claimSize,
    Duration lease,
    RemovalAction onInactive,
    RemovalAction onDelete,
    RemovalAction onDoNotEmail,
    int rereadChunk,
    int contactsPerCall,
    OnChange onChange) {

  public static final int MAX_CONTACTS_PER_CALL = 100;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
  public static final int DEFAULT_SENDERS = 4;
  public static final int DEFAULT_CLAIM_SIZE = 500;
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);
  public static final int DEFAULT_REREAD_CHUNK = 200;

  public OutboundSyncSettings {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(onChange, "onChange");
    tables = Set.copyOf(tables);
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive");
    }
    if (senders < 1 || claimSize < 1 || rereadChunk < 1) {
      throw new IllegalArgumentException("senders, claimSize and rereadChunk must be at least 1");
    }
    if (contactsPerCall < 1 || contactsPerCall > MAX_CONTACTS_PER_CALL) {
      throw new IllegalArgumentException("contactsPerCall must be between 1 and " + MAX_CONTACTS_PER_CALL);
    }
  }

  public static OutboundSyncSettings defaults(String connectionId) {
    return new OutboundSyncSettings(
        connectionId, Set.of(SourceTable.values()), DEFAULT_POLL_INTERVAL, DEFAULT_SENDERS, DEFAULT_CLAIM_SIZE,
        DEFAULT_LEASE, RemovalAction.DEFAULT, RemovalAction.DEFAULT, RemovalAction.DEFAULT, DEFAULT_REREAD_CHUNK,
        MAX_CONTACTS_PER_CALL, OnChange.DEFAULT);
  }

  public OutboundSyncSettings withTables(Set<SourceTable> newTables) {
    return new OutboundSyncSettings(connectionId, newTables, pollInterval, senders, claimSize, lease, onInactive, onDelete, onDoNotEmail, rereadChunk, contactsPerCall, onChange);
  }

  public OutboundSyncSettings withPollInterval(Duration interval) {
    return new OutboundSyncSettings(connectionId, tables, interval, senders, claimSize, lease, onInactive, onDelete, onDoNotEmail, rereadChunk, contactsPerCall, onChange);
  }

  public OutboundSyncSettings withSenders(int count, int newClaimSize, Duration newLease) {
    return new OutboundSyncSettings(connectionId, tables, pollInterval, count, newClaimSize, newLease, onInactive, onDelete, onDoNotEmail, rereadChunk, contactsPerCall, onChange);
  }

  public OutboundSyncSettings withContactsPerCall(int count) {
    return new OutboundSyncSettings(connectionId, tables, pollInterval, senders, claimSize, lease, onInactive, onDelete, onDoNotEmail, rereadChunk, count, onChange);
  }

  public OutboundSyncSettings withOnChange(OnChange newOnChange) {
    return new OutboundSyncSettings(connectionId, tables, pollInterval, senders, claimSize, lease, onInactive, onDelete, onDoNotEmail, rereadChunk, contactsPerCall, newOnChange);
  }

  public OutboundSyncSettings withRemovals(RemovalAction inactive, RemovalAction delete, RemovalAction doNotEmail) {
    return new OutboundSyncSettings(connectionId, tables, pollInterval, senders, claimSize, lease, inactive, delete, doNotEmail, rereadChunk, contactsPerCall, onChange);
  }
}
