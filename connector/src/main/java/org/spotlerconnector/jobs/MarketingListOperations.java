package org.spotlerconnector.jobs;

import org.spotlerconnector.sync.lists.MarketingListSync;

/** Sync Marketing List: the job's marketing list is marked for sync and synced to its Spotler audience now. */
final class MarketingListOperations {
  private final MarketingListSync lists;
  private final ListJobInputs inputs;

  MarketingListOperations(MarketingListSync lists, ListJobInputs inputs) {
    this.lists = lists;
    this.inputs = inputs;
  }

  JobOutcome sync(SpotlerJob job) {
    lists.unavailable().ifPresent(reason -> {
      throw new JobFailure(ResultCode.NOT_AVAILABLE, reason);
    });
    return JobOutcome.ok(lists.syncNow(inputs.marketingList(job)).describe());
  }
}
