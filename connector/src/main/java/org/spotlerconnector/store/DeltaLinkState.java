package org.spotlerconnector.store;

import java.time.Instant;

/**
 * Where change tracking of one Dataverse table continues.
 *
 * @param deltaLink the delta link to poll for changes; null until the initial load finished
 * @param resumePoint where a crashed initial load resumes (e.g. the last {@code @odata.nextLink}); null when none
 * @param initialLoadComplete whether every existing row was read once, so only changes remain
 * @param savedAt when this state was last saved
 */
public record DeltaLinkState(
    String tableName, String deltaLink, String resumePoint, boolean initialLoadComplete, Instant savedAt) {}
