package org.spotlerconnector.sync.lists;

import org.spotlerconnector.mapping.SourceTable;

/** Brings one record to Spotler now, so that it can join an audience: the outbound sync's sync-now. */
@FunctionalInterface
public interface MemberPusher {
  /** @return whether the record is in Spotler afterwards; false when it cannot be synced (inactive, no e-mail…) */
  boolean push(SourceTable table, String recordId);
}
