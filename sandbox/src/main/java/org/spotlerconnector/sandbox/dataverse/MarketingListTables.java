package org.spotlerconnector.sandbox.dataverse;

import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.bool;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.choice;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.integer;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.lookup;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.memo;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.money;
import static org.spotlerconnector.sandbox.dataverse.ColumnDefinition.string;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The marketing list tables the Marketing Solution adds when Dynamics 365 Sales or Marketing is installed
 * (dataverse-api.md §4.1, §4.2; the {@code list} and {@code listmember} entity reference pages): names, lengths and
 * option values and defaults as documented. {@code type} and {@code createdfromcode} are valid for create only. {@code membercount}
 * is kept by the emulator (documented as not valid for create; the emulator counts the members itself).
 * {@code listmember} has no alternate key, but one list holds an entity only once.
 */
public final class MarketingListTables {
  public static final String LIST = "list";
  public static final String LIST_MEMBER = "listmember";
  /** {@code createdfromcode} values: the table every member of a list belongs to. */
  public static final int ACCOUNT = 1;
  public static final int CONTACT = 2;
  public static final int LEAD = 4;

  static final String LIST_ID = "listid";
  static final String ENTITY_ID = "entityid";
  static final String MEMBER_TYPE = "createdfromcode";
  static final String DYNAMIC = "type";
  static final String QUERY = "query";
  static final String LOCKED = "lockstatus";
  static final String MEMBER_COUNT = "membercount";

  private static final Map<Integer, String> MEMBER_TABLES = Map.of(ACCOUNT, "account", CONTACT, "contact", LEAD, "lead");

  private MarketingListTables() {}

  public static List<TableDefinition> all() {
    return List.of(list(), listMember());
  }

  /** The table of a {@code createdfromcode} value, e.g. {@code contact} for 2. */
  static String memberTable(int memberType) {
    String table = MEMBER_TABLES.get(memberType);
    if (table == null) {
      throw new IllegalArgumentException("not a marketing list member type: " + memberType);
    }
    return table;
  }

  public static TableDefinition list() {
    return TableDefinition.builder(LIST, "lists")
        .primaryName("listname")
        .userOwned()
        .changeTracking(true)
        .column(string("listname", 128))
        .column(bool(DYNAMIC, "Dynamic", "Static").createOnly())
        .column(choice(MEMBER_TYPE, options(ACCOUNT, "Account", CONTACT, "Contact", LEAD, "Lead")).createOnly())
        .column(string(QUERY, 1_073_741_823))
        .column(integer(MEMBER_COUNT).readOnly())
        .column(bool(LOCKED, "Yes", "No"))
        .column(bool("donotsendonoptout", "Yes", "No"))
        .defaultValue("donotsendonoptout", BooleanNode.TRUE)
        .column(bool("ignoreinactivelistmembers", "Yes", "No"))
        .defaultValue("ignoreinactivelistmembers", BooleanNode.TRUE)
        .column(string("purpose", 512))
        .column(string("source", 128))
        .column(money("cost"))
        .column(memo("description", 2000))
        .column(choice(TableDefinition.STATE, options(0, "Active", 1, "Inactive")))
        .column(choice(TableDefinition.STATUS, options(0, "Active", 1, "Inactive")))
        .status(0, 0)
        .status(1, 1)
        .build();
  }

  /** A member of a static list: {@code listid} and {@code entityid}; only Create, Delete and RetrieveMultiple. */
  public static TableDefinition listMember() {
    return TableDefinition.builder(LIST_MEMBER, "listmembers")
        .primaryName("name")
        .column(lookup(LIST_ID, LookupTarget.of(LIST_ID, LIST)))
        .column(
            lookup(
                ENTITY_ID,
                LookupTarget.of("entityid_account", "account"),
                LookupTarget.of("entityid_contact", "contact"),
                LookupTarget.of("entityid_lead", "lead")))
        .column(string("entitytype", 64).computedBy(MarketingListTables::entityType))
        .column(string("name", 100))
        .uniqueIndex(LIST_ID, ENTITY_ID)
        .build();
  }

  /** {@code entitytype}: the logical name of the member's table. */
  private static TextNode entityType(ObjectNode row) {
    String table = row.path(Row.lookupTableKey(ColumnDefinition.lookupValueProperty(ENTITY_ID))).asText(null);
    return table == null ? null : TextNode.valueOf(table);
  }

  private static Map<Integer, String> options(Object... valueLabelPairs) {
    Map<Integer, String> options = new LinkedHashMap<>();
    for (int i = 0; i < valueLabelPairs.length; i += 2) {
      options.put((Integer) valueLabelPairs[i], (String) valueLabelPairs[i + 1]);
    }
    return options;
  }
}
