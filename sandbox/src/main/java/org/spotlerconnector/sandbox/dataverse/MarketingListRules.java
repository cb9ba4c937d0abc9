package org.spotlerconnector.sandbox.dataverse;

import static org.spotlerconnector.sandbox.dataverse.MarketingListTables.LIST;
import static org.spotlerconnector.sandbox.dataverse.MarketingListTables.LIST_MEMBER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * The rules of the marketing list tables (dataverse-api.md §4.1, §4.2): a list needs a name and a member type; a
 * member belongs to a static, active, unlocked list and to the list's member table ("all members must be of that one
 * table"). Lookups were already resolved, so the list and the member exist. The error texts are the emulator's own:
 * the documentation states the rules but not the platform's wording.
 */
final class MarketingListRules implements RowRules {
  private final DataverseStore store;

  MarketingListRules(DataverseStore store) {
    this.store = store;
  }

  @Override
  public void beforeWrite(TableStore table, UUID id, ObjectNode values, Row existing) {
    switch (table.definition().logicalName()) {
      case LIST -> list(values, existing);
      case LIST_MEMBER -> member(values);
      default -> {
        // other tables have no marketing list rules
      }
    }
  }

  private static void list(ObjectNode values, Row existing) {
    for (String column : new String[] {"listname", MarketingListTables.MEMBER_TYPE}) {
      if (!values.hasNonNull(column)) {
        throw DataverseException.invalidArgument("The '" + column + "' column is required for a list.");
      }
    }
    boolean dynamic = values.path(MarketingListTables.DYNAMIC).asBoolean(false);
    if (existing == null && !dynamic) {
      values.put(MarketingListTables.MEMBER_COUNT, 0);
    }
  }

  private void member(ObjectNode values) {
    String listProperty = ColumnDefinition.lookupValueProperty(MarketingListTables.LIST_ID);
    String entityProperty = ColumnDefinition.lookupValueProperty(MarketingListTables.ENTITY_ID);
    if (!values.hasNonNull(listProperty) || !values.hasNonNull(entityProperty)) {
      throw DataverseException.invalidArgument("A list member needs both 'listid' and 'entityid'.");
    }
    Row list = store.byLogicalName(LIST).orElseThrow().get(UUID.fromString(values.get(listProperty).asText()));
    requireMembersCanBeAdded(list);
    String memberTable = values.path(Row.lookupTableKey(entityProperty)).asText();
    String expected = MarketingListTables.memberTable(list.values().path(MarketingListTables.MEMBER_TYPE).asInt());
    if (!memberTable.equals(expected)) {
      throw wrongMemberTable(memberTable, expected);
    }
  }

  /** A list takes new members only when it is static, active and not locked. */
  static void requireMembersCanBeAdded(Row list) {
    requireStaticAndActive(list);
    if (list.values().path(MarketingListTables.LOCKED).asBoolean(false)) {
      throw DataverseException.invalidArgument(
          "The marketing list " + list.id() + " is locked: no members can be added to it.");
    }
  }

  /**
   * The members of a dynamic list are whatever its query selects, and an inactive list is read-only (list.md,
   * statecode: "Inactive marketing lists are read-only and can't be edited unless they are reactivated").
   */
  static void requireStaticAndActive(Row list) {
    if (list.values().path(MarketingListTables.DYNAMIC).asBoolean(false)) {
      throw DataverseException.invalidArgument(
          "The marketing list " + list.id() + " is dynamic: its query selects its members, they cannot be added or"
              + " removed.");
    }
    if (list.values().path(TableDefinition.STATE).asInt(0) != 0) {
      throw DataverseException.invalidArgument(
          "The marketing list " + list.id() + " is inactive, and inactive marketing lists are read-only.");
    }
  }

  /** AddListMembersListRequest: "The members that are added to the list must be of the same type". */
  static DataverseException wrongMemberTable(String memberTable, String expected) {
    return DataverseException.invalidArgument(
        "A member of type '" + memberTable + "' cannot be added: the marketing list's members are of type '"
            + expected + "' (createdfromcode), and all members of a list must be of that one type.");
  }
}
