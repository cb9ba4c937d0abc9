package org.spotlerconnector.sync.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.ODataQuery;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.mapping.SourceTable;

/** The marketing lists in Dataverse ({@code lists}, dataverse-api.md §4.1), with the connector's sync flag column. */
final class MarketingListTable {
  static final String ENTITY_SET = "lists";
  private static final String DYNAMIC = "type";
  private static final String MEMBER_TYPE = "createdfromcode";

  private final DataverseClient dataverse;
  private final String flagColumn;
  private final String[] columns;

  MarketingListTable(DataverseClient dataverse, String flagColumn) {
    this.dataverse = dataverse;
    this.flagColumn = flagColumn;
    this.columns = new String[] {"listid", "listname", DYNAMIC, MEMBER_TYPE, "query", flagColumn};
  }

  /** Every list whose sync flag is set. */
  List<MarketingList> markedForSync() {
    List<MarketingList> lists = new ArrayList<>();
    ODataQuery query = ODataQuery.of(ENTITY_SET).select(columns).filter(flagColumn + " eq true");
    dataverse.query(query).forEachPage(page -> page.forEach(row -> lists.add(read(row))));
    return lists;
  }

  /** The list, or empty when it was deleted. */
  Optional<MarketingList> find(String listId) {
    return dataverse.retrieve(ENTITY_SET, RecordKey.id(listId), columns).map(this::read);
  }

  /** Sets the list's sync flag, so that the scheduled refresh keeps it in sync from now on. */
  void markForSync(String listId) {
    dataverse.update(ENTITY_SET, RecordKey.id(listId), JsonNodeFactory.instance.objectNode().put(flagColumn, true));
  }

  private MarketingList read(ObjectNode row) {
    boolean dynamic = row.path(DYNAMIC).asBoolean(false);
    JsonNode query = row.path("query");
    return new MarketingList(
        row.path("listid").asText(),
        row.path("listname").asText(""),
        memberTable(row.path(MEMBER_TYPE).asInt()),
        dynamic && query.isTextual() && !query.asText().isBlank() ? Optional.of(query.asText()) : Optional.empty(),
        row.path(flagColumn).asBoolean(false));
  }

  /** {@code createdfromcode}: 1 account, 2 contact, 4 lead. */
  private static SourceTable memberTable(int memberType) {
    return switch (memberType) {
      case 1 -> SourceTable.ACCOUNT;
      case 2 -> SourceTable.CONTACT;
      case 4 -> SourceTable.LEAD;
      default -> throw new IllegalStateException("a marketing list's member type (createdfromcode) is 1, 2 or 4, not "
          + memberType);
    };
  }
}
