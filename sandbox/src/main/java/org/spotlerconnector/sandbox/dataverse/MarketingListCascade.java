package org.spotlerconnector.sandbox.dataverse;

import static org.spotlerconnector.sandbox.dataverse.MarketingListTables.ENTITY_ID;
import static org.spotlerconnector.sandbox.dataverse.MarketingListTables.LIST;
import static org.spotlerconnector.sandbox.dataverse.MarketingListTables.LIST_ID;
import static org.spotlerconnector.sandbox.dataverse.MarketingListTables.LIST_MEMBER;
import static org.spotlerconnector.sandbox.dataverse.MarketingListTables.MEMBER_COUNT;

import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a change of marketing list rows does to other rows: deleting a list deletes its members, deleting an account,
 * contact or lead takes it off every list (list members are removed with the list or the entity they link), and a
 * static list's {@code membercount} follows its members. The count is updated as the platform's own update of the
 * list, so the list's version moves on and change tracking reports the list.
 */
final class MarketingListCascade implements RowCascade {
  private static final Set<String> MEMBER_TABLES = Set.of("account", "contact", "lead");
  private static final String LIST_PROPERTY = ColumnDefinition.lookupValueProperty(LIST_ID);
  private static final String ENTITY_PROPERTY = ColumnDefinition.lookupValueProperty(ENTITY_ID);

  private final DataverseStore store;
  private final Records records;

  MarketingListCascade(DataverseStore store, Records records) {
    this.store = store;
    this.records = records;
  }

  @Override
  public void created(TableStore table, Row row, UUID userId) {
    if (table.definition().logicalName().equals(LIST_MEMBER)) {
      count(row, 1, userId);
    }
  }

  @Override
  public void deleted(TableStore table, Row row, UUID userId) {
    String name = table.definition().logicalName();
    if (name.equals(LIST_MEMBER)) {
      count(row, -1, userId);
    } else if (name.equals(LIST)) {
      deleteMembers(LIST_PROPERTY, row.id(), userId);
    } else if (MEMBER_TABLES.contains(name)) {
      deleteMembers(ENTITY_PROPERTY, row.id(), userId);
    }
  }

  private void count(Row member, int change, UUID userId) {
    TableStore lists = store.byLogicalName(LIST).orElseThrow();
    Row list = lists.get(UUID.fromString(member.values().get(LIST_PROPERTY).asText()));
    if (list == null) {
      return; // the list itself is being deleted
    }
    Changes changes = new Changes();
    changes.set(MEMBER_COUNT, IntNode.valueOf(list.values().path(MEMBER_COUNT).asInt(0) + change));
    records.update(lists, list, changes, userId);
  }

  private void deleteMembers(String property, UUID id, UUID userId) {
    TableStore listMembers = store.byLogicalName(LIST_MEMBER).orElse(null);
    if (listMembers == null || listMembers.size() == 0) {
      return;
    }
    String idText = id.toString();
    List<UUID> doomed = new ArrayList<>();
    for (Row member : listMembers.rows()) {
      if (idText.equals(member.values().path(property).asText(null))) {
        doomed.add(member.id());
      }
    }
    doomed.forEach(memberId -> records.delete(listMembers, memberId, userId));
  }
}
