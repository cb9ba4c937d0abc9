package org.spotlerconnector.sandbox.dataverse;

import static org.spotlerconnector.sandbox.dataverse.MarketingListTables.ENTITY_ID;
import static org.spotlerconnector.sandbox.dataverse.MarketingListTables.LIST;
import static org.spotlerconnector.sandbox.dataverse.MarketingListTables.LIST_ID;
import static org.spotlerconnector.sandbox.dataverse.MarketingListTables.LIST_MEMBER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Adds and removes the members of static marketing lists the way AddMemberList, AddListMembersList and
 * RemoveMemberList do (dataverse-api.md §4.3): the list must exist, be static, active and (to add) unlocked; every
 * member must exist in the list's member table. A member already on the list is not added again and is not an error:
 * the documentation names no such error, and the list's unique member index makes a second row impossible.
 * Callers hold the store's write lock.
 */
final class ListMembership {
  private static final List<String> MEMBER_KEY = List.of(LIST_ID, ENTITY_ID);

  private final DataverseStore store;
  private final Records records;

  ListMembership(DataverseStore store, Records records) {
    this.store = store;
    this.records = records;
  }

  /** The list, which must exist. */
  Row list(UUID listId) {
    TableStore lists = lists();
    Row list = lists.get(listId);
    if (list == null) {
      throw DataverseException.recordNotFound(lists.definition(), listId);
    }
    return list;
  }

  /** The table every member of the list belongs to, e.g. {@code contact}. */
  String memberTable(Row list) {
    return MarketingListTables.memberTable(list.values().path(MarketingListTables.MEMBER_TYPE).asInt());
  }

  /**
   * Adds members, skipping those already on the list; answers the {@code listmemberid} of every given member, new or
   * existing, in the order given.
   */
  List<UUID> add(UUID listId, Collection<UUID> memberIds, UUID userId) {
    Row list = list(listId);
    MarketingListRules.requireMembersCanBeAdded(list);
    TableStore members = store.byLogicalName(memberTable(list)).orElseThrow();
    TableStore listMembers = listMembers();
    List<UUID> ids = new ArrayList<>(memberIds.size());
    for (UUID memberId : memberIds) {
      if (members.get(memberId) == null) {
        throw DataverseException.recordNotFound(members.definition(), memberId);
      }
      Optional<Row> existing = membership(listMembers, listId, memberId);
      ids.add(existing.isPresent() ? existing.get().id() : create(listMembers, list, members, memberId, userId));
    }
    return ids;
  }

  /** Removes members; one that is not on the list is skipped. */
  void remove(UUID listId, Collection<UUID> memberIds, UUID userId) {
    MarketingListRules.requireStaticAndActive(list(listId));
    TableStore listMembers = listMembers();
    for (UUID memberId : memberIds) {
      membership(listMembers, listId, memberId).ifPresent(row -> records.delete(listMembers, row.id(), userId));
    }
  }

  /** The ids of a static list's members, oldest membership first. */
  List<UUID> members(UUID listId) {
    String list = listId.toString();
    String listProperty = ColumnDefinition.lookupValueProperty(LIST_ID);
    String entityProperty = ColumnDefinition.lookupValueProperty(ENTITY_ID);
    List<Row> rows = new ArrayList<>();
    for (Row row : listMembers().rows()) {
      if (list.equals(row.values().path(listProperty).asText(null))) {
        rows.add(row);
      }
    }
    // a list member is never updated, so its version is the order it was added in
    rows.sort(Comparator.comparingLong(Row::version));
    return rows.stream().map(row -> UUID.fromString(row.values().get(entityProperty).asText())).toList();
  }

  private Optional<Row> membership(TableStore listMembers, UUID listId, UUID memberId) {
    List<JsonNode> key = List.of(TextNode.valueOf(listId.toString()), TextNode.valueOf(memberId.toString()));
    return listMembers.findByKey(MEMBER_KEY, key);
  }

  private UUID create(TableStore listMembers, Row list, TableStore members, UUID memberId, UUID userId) {
    TableDefinition definition = listMembers.definition();
    Changes changes = new Changes();
    changes.lookup(lookupChange(definition, LIST_ID, LIST, list.id()));
    changes.lookup(lookupChange(definition, ENTITY_ID, members.definition().logicalName(), memberId));
    return records.create(listMembers, null, changes, userId).id();
  }

  private static Changes.LookupChange lookupChange(TableDefinition table, String column, String target, UUID id) {
    return new Changes.LookupChange(table.columnNamed(column).orElseThrow(), target, null, id, null);
  }

  private TableStore lists() {
    return store.byLogicalName(LIST).orElseThrow();
  }

  private TableStore listMembers() {
    return store.byLogicalName(LIST_MEMBER).orElseThrow();
  }
}
