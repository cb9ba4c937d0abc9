package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.spotlerconnector.sandbox.http.Json;

/**
 * In-process access to marketing lists, for tests, seeding and benchmarks: create lists, add and remove members as
 * AddListMembersList and RemoveMemberList would (same rules, one transaction per call, made by the {@code SYSTEM}
 * user), and read who is on a list, a dynamic one by running its query. Lists are ordinary rows of {@code lists}, so
 * {@link DataverseEmulator#table(String)} reads and changes them too. Thread-safe.
 */
public final class MarketingLists {
  private final DataverseStore store;
  private final Records records;
  private final ListMembership membership;
  private final FetchXmlQuery fetchXml;
  private final UUID userId;

  MarketingLists(DataverseStore store, Records records, UUID userId) {
    this.store = store;
    this.records = records;
    this.membership = new ListMembership(store, records);
    this.fetchXml = new FetchXmlQuery(store);
    this.userId = userId;
  }

  /**
   * Creates a static list.
   *
   * @param memberType {@link MarketingListTables#ACCOUNT}, {@link MarketingListTables#CONTACT} or
   *     {@link MarketingListTables#LEAD}
   */
  public UUID createStatic(String name, int memberType) {
    return create(name, memberType, false, null);
  }

  /** Creates a dynamic list whose members are the rows its FetchXML query selects. */
  public UUID createDynamic(String name, int memberType, String fetchXml) {
    return create(name, memberType, true, fetchXml);
  }

  private UUID create(String name, int memberType, boolean dynamic, String query) {
    ObjectNode row = Json.object()
        .put("listname", name)
        .put(MarketingListTables.MEMBER_TYPE, memberType)
        .put(MarketingListTables.DYNAMIC, dynamic);
    if (query != null) {
      row.put(MarketingListTables.QUERY, query);
    }
    TableStore lists = store.byLogicalName(MarketingListTables.LIST).orElseThrow();
    return store.transaction(
        () -> records.create(lists, null, PayloadReader.readStoredForm(lists.definition(), row), userId).id());
  }

  /**
   * Adds members to a static list, all or none; members already on it stay as they are.
   *
   * @return the {@code listmemberid} of each given member
   * @throws DataverseException when the list does not exist, is dynamic, inactive or locked, or a member does not
   *     exist in the list's member table
   */
  public List<UUID> addMembers(UUID listId, Collection<UUID> memberIds) {
    return store.transaction(() -> membership.add(listId, memberIds, userId));
  }

  /** Removes members from a static list; those not on it are skipped. */
  public void removeMembers(UUID listId, Collection<UUID> memberIds) {
    store.transaction(
        () -> {
          membership.remove(listId, memberIds, userId);
          return null;
        });
  }

  /**
   * Who is on a list: for a static list its members, in the order they were added; for a dynamic list the rows its
   * query selects now, in the query's order.
   */
  public List<UUID> members(UUID listId) {
    Row list = store.read(() -> membership.list(listId));
    if (!list.values().path(MarketingListTables.DYNAMIC).asBoolean(false)) {
      return store.read(() -> membership.members(listId));
    }
    TableStore members = store.byLogicalName(membership.memberTable(list)).orElseThrow();
    return fetchXml.allIds(members, list.values().path(MarketingListTables.QUERY).asText(""));
  }
}
