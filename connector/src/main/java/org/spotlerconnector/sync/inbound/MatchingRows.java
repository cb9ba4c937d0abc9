package org.spotlerconnector.sync.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.ODataQuery;
import org.spotlerconnector.mapping.ColumnMetadata;
import org.spotlerconnector.mapping.ColumnType;
import org.spotlerconnector.schema.TableMetadata;

/**
 * Finds the rows of a table whose columns all hold given values: the dedupe rule ({@code matchOn}) for new
 * subscribers. Dataverse compares text without regard to case, as it does for its own duplicate detection.
 */
final class MatchingRows {
  /**
   * Enough ids for a person to find the rows of an ambiguous match; more rows with the same values are the same
   * case.
   */
  static final int MAX_CANDIDATES = 10;

  private final DataverseClient dataverse;
  private final TableMetadata table;

  MatchingRows(DataverseClient dataverse, TableMetadata table) {
    this.dataverse = dataverse;
    this.table = table;
  }

  /**
   * The ids of the matching rows, at most {@link #MAX_CANDIDATES}.
   *
   * @param values per column, the value as the Web API writes it (what {@code InboundConverter} gives)
   */
  List<String> find(Map<ColumnMetadata, JsonNode> values) {
    String filter =
        values.entrySet().stream()
            .map(e -> e.getKey().name() + " eq " + literal(e.getKey(), e.getValue()))
            .collect(Collectors.joining(" and "));
    ODataQuery query =
        ODataQuery.of(table.entitySetName()).select(table.primaryIdAttribute()).filter(filter);
    // $top is ignored next to a page size (dataverse-api.md §2.5): the first page of this size is the cap.
    List<ObjectNode> rows = dataverse.query(query, MAX_CANDIDATES).next().items();
    return rows.stream().map(row -> row.path(table.primaryIdAttribute()).asText()).toList();
  }

  /**
   * The OData literal of a column value: text single-quoted with {@code '} doubled; numbers, choices, yes/no and dates
   * bare (dataverse-api.md §2.4).
   */
  private static String literal(ColumnMetadata column, JsonNode value) {
    if (column.type() == ColumnType.TEXT || column.type() == ColumnType.MULTI_CHOICE) {
      return "'" + value.asText().replace("'", "''") + "'";
    }
    return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
  }
}
