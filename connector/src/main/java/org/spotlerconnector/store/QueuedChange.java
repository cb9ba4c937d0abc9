package org.spotlerconnector.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * An entry of the {@link OutboundQueue}: the newest change of one record that is not yet sent.
 *
 * @param attempts how many times the entry was claimed since it was last sent successfully (so 1 on the first try)
 * @param lastError why the last attempt failed or why the entry was parked; null if it never failed
 * @param version grows with every newer change of the record
 * @param claimToken identifies the claim that returned this entry; null for entries that are not claimed.
 *     {@link OutboundQueue#complete}, {@link OutboundQueue#fail} and {@link OutboundQueue#park} only act while this
 *     claim still holds the entry, so a worker whose lease ran out cannot undo the work of the worker that took over.
 * @param payload the payload of the newest change, or null
 */
public record QueuedChange(
    String tableName,
    String recordId,
    ChangeKind kind,
    Instant changedAt,
    int attempts,
    String lastError,
    long version,
    String claimToken,
    ObjectNode payload) {}
