package org.spotlerconnector.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.sync.OutboundSync;

/** Pushes one record to Spotler now, so that a job can act on it there (Sync Contact, or a contact Spotler lacks). */
@FunctionalInterface
public interface ContactPusher {
  /**
   * @return whether the record is in Spotler afterwards; false when it could not be synced (the reason is logged)
   */
  boolean push(JobRecord record);

  /** Pushes through the outbound sync's mapping, recording what was synced as the sync does. */
  static ContactPusher through(OutboundSync outbound) {
    Logger log = LoggerFactory.getLogger(ContactPusher.class);
    return record -> {
      OutboundSync.SyncNowOutcome outcome = outbound.syncNow(record.table(), record.id());
      if (!outcome.synced()) {
        log.atWarn().addKeyValue("table", record.logicalName()).addKeyValue("record", record.id())
            .addKeyValue("reason", outcome.reason()).log("record could not be synced to Spotler for a job");
      }
      return outcome.synced();
    };
  }
}
