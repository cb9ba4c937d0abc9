/**
 * Marketing lists to Spotler audiences (design.md §4.5). A list marked for sync (the {@code <p>_synctospotler} column
 * on {@code list}, or a Sync Marketing List job) becomes an audience whose externalId is the list id and whose name is
 * the list's. Static lists are read from {@code listmembers}, dynamic ones by running their FetchXML with paging
 * cookies; members Spotler lacks are synced first; then only the difference to the membership last synced, which the
 * store keeps per list and member, goes to Spotler in chunks of at most 2,500 ids, and each chunk is recorded only once
 * Spotler accepted it. {@link org.spotlerconnector.sync.lists.MarketingListSync} is the entry point; {@link
 * org.spotlerconnector.sync.lists.ListRefreshSchedule} runs it on a schedule.
 */
package org.spotlerconnector.sync.lists;
