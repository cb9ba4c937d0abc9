package org.spotlerconnector.store;

/**
 * How many entries of one connection's {@link OutboundQueue} are in each state.
 *
 * @param pending waiting to be sent, now or at a retry time
 * @param inFlight claimed by a worker (including claims whose lease ran out and that will be claimed again)
 * @param parked failed permanently; they wait for a human or for a newer change of the record
 */
public record QueueCounts(long pending, long inFlight, long parked) {
  public long total() {
    return pending + inFlight + parked;
  }
}
