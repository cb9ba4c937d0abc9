package org.spotlerconnector.sandbox.dataverse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.spotlerconnector.sandbox.http.HttpRequest;

/**
 * {@code GET <set>(<key>)/<relationship>}, e.g. {@code serviceendpoints(<id>)/serviceendpoint_sdkmessageprocessingstep}
 * (register-web-hook.md, "Query steps registered for a WebHook"): the rows of the related table whose lookup points at
 * the row. It is answered as a query of the related entity set with the lookup condition added to {@code $filter}, so
 * every query option works as there.
 */
final class RelatedRows {
  private final DataverseStore store;
  private final Records records;

  /** A query of the related entity set that stands for the navigation. */
  record Query(TableStore table, HttpRequest request) {}

  RelatedRows(DataverseStore store, Records records) {
    this.store = store;
    this.records = records;
  }

  /** The query for {@code <set>(<key>)/<segment>}; empty when the segment is not a relationship of the table. */
  Optional<Query> of(TableStore table, String keyText, String segment, HttpRequest request) {
    for (TableStore related : store.tables()) {
      for (ColumnDefinition column : related.definition().columns()) {
        for (LookupTarget target : column.targets()) {
          boolean matches =
              target.table().equals(table.definition().logicalName())
                  && target.relationshipName(related.definition().logicalName(), column.logicalName()).equals(segment);
          if (matches) {
            return Optional.of(new Query(related, query(table, keyText, related, column, request)));
          }
        }
      }
    }
    return Optional.empty();
  }

  private HttpRequest query(
      TableStore table, String keyText, TableStore related, ColumnDefinition lookup, HttpRequest request) {
    TableDefinition definition = table.definition();
    EntityKey key = EntityKey.parse(keyText, definition);
    UUID id =
        store.read(() -> records.find(table, key).map(Row::id).orElseThrow(() -> Records.notFound(definition, key)));
    String condition = lookup.propertyName() + " eq " + id;
    String filter = QueryOptions.of(request).filter();
    String combined = filter == null ? condition : "(" + condition + ") and (" + filter + ")";
    List<String> query = new ArrayList<>();
    if (request.rawQuery() != null) {
      for (String pair : request.rawQuery().split("&")) {
        if (!pair.isEmpty() && !HttpRequest.decode(pair, true).startsWith("$filter=")) {
          query.add(pair);
        }
      }
    }
    query.add("$filter=" + URLEncoder.encode(combined, StandardCharsets.UTF_8));
    return new HttpRequest(
        "GET",
        DataverseApi.SERVICE_PATH + "/" + related.definition().entitySetName(),
        String.join("&", query),
        request.headers(),
        new byte[0],
        request.remoteAddress());
  }
}
