package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import org.spotlerconnector.sandbox.dataverse.query.FetchQuery;
import org.spotlerconnector.sandbox.dataverse.query.FetchXml;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Runs {@code GET <entityset>?fetchXml=…} (dataverse-api.md §4.4; fetchxml/page-results.md, count-rows.md): the
 * matching rows without their null columns, the linked rows' columns as {@code <alias>.<column>}, and paging. A page
 * holds {@code count} rows (5,000 at most and by default). When more rows follow and the client asked for the
 * annotations ({@code Prefer: odata.include-annotations} with {@code Microsoft.Dynamics.CRM.fetchxmlpagingcookie},
 * {@code Microsoft.Dynamics.CRM.morerecords} or {@code *}), the answer carries
 * {@code @Microsoft.Dynamics.CRM.fetchxmlpagingcookie} and {@code @Microsoft.Dynamics.CRM.morerecords: true}; the last
 * page carries neither. A page asked for with the previous page's cookie continues after that page's last row; without
 * a cookie (or with one from another page, which is ignored, as documented) it is simple paging, which reaches no
 * further than the first 50,000 rows. {@code returntotalrecordcount} (or {@code $count=true}) adds {@code @odata.count}
 * and, when asked for, {@code @Microsoft.Dynamics.CRM.totalrecordcount} and {@code …totalrecordcountlimitexceeded},
 * counting up to 5,000.
 */
final class FetchXmlQuery {
  static final int SIMPLE_PAGING_LIMIT = 50_000;
  private static final String PAGING_COOKIE = "Microsoft.Dynamics.CRM.fetchxmlpagingcookie";
  private static final String MORE_RECORDS = "Microsoft.Dynamics.CRM.morerecords";
  private static final String TOTAL = "Microsoft.Dynamics.CRM.totalrecordcount";
  private static final String TOTAL_EXCEEDED = "Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded";

  private final DataverseStore store;

  FetchXmlQuery(DataverseStore store) {
    this.store = store;
  }

  /** Where a page starts and how long it is. */
  private record Window(FetchPagingCookie after, int skip, int size) {}

  private record Page(List<Row> rows, boolean more) {}

  HttpResponse get(
      TableStore table, HttpRequest request, QueryOptions options, Preferences preferences, CallContext context) {
    options.requireNoneBesidesFetchXml();
    if (preferences.trackChanges()) {
      throw DataverseException.badRequest(
          DataverseException.ODATA_QUERY, "Change tracking (odata.track-changes) cannot be used with a fetchXml query.");
    }
    TableDefinition definition = table.definition();
    FetchQuery query = parse(options.fetchXml(), definition);
    int pageNumber = query.page() == null ? 1 : query.page();
    Window window = window(query, definition, pageNumber);
    boolean counted = query.totalRecordCount() || options.count();
    return store.read(
        () -> {
          Page page = page(table, query, window);
          ObjectNode body = Json.object();
          RowRenderer renderer = renderer(definition, query, preferences);
          body.put("@odata.context", context.metadataUrl() + "#" + renderer.contextPath());
          AnnotationFilter annotations = preferences.annotations();
          if (counted) {
            int total = count(table, query);
            body.put("@odata.count", Math.min(total, CollectionQuery.MAX_PAGE_SIZE));
            if (annotations.includes(TOTAL)) {
              body.put("@" + TOTAL, Math.min(total, CollectionQuery.MAX_PAGE_SIZE));
            }
            if (annotations.includes(TOTAL_EXCEEDED)) {
              body.put("@" + TOTAL_EXCEEDED, total > CollectionQuery.MAX_PAGE_SIZE);
            }
          }
          if (page.more() && query.top() == null) {
            if (annotations.includes(PAGING_COOKIE)) {
              Row first = page.rows().get(0);
              Row last = page.rows().get(page.rows().size() - 1);
              body.put("@" + PAGING_COOKIE, FetchPagingCookie.annotation(pageNumber, query, definition, first, last));
            }
            if (annotations.includes(MORE_RECORDS)) {
              body.put("@" + MORE_RECORDS, true);
            }
          }
          ArrayNode value = body.putArray("value");
          for (Row row : page.rows()) {
            ObjectNode entity = renderer.render(row);
            addLinkedColumns(entity, query, joined(row, query));
            value.add(entity);
          }
          return PreferenceApplied.of(preferences, false, false).applyTo(ODataResponses.json(200, body));
        });
  }

  /** The ids of every row the query selects, in its order, ignoring its paging: a dynamic list's members. */
  List<UUID> allIds(TableStore table, String fetchXml) {
    FetchQuery query = parse(fetchXml, table.definition());
    return store.read(
        () -> {
          List<Row> rows = new ArrayList<>();
          for (Row row : table.rows()) {
            if (matches(row, query)) {
              rows.add(row);
            }
          }
          rows.sort(order(query));
          return rows.stream().map(Row::id).toList();
        });
  }

  private FetchQuery parse(String fetchXml, TableDefinition definition) {
    FetchQuery query =
        FetchXml.parse(fetchXml, name -> store.byLogicalName(name).map(TableStore::definition));
    if (!query.table().logicalName().equals(definition.logicalName())) {
      throw DataverseException.badRequest(
          DataverseException.INVALID_ARGUMENT,
          "The fetchXml queries the '" + query.table().logicalName() + "' table; send it to that table's entity set,"
              + " not to '" + definition.entitySetName() + "'.");
    }
    return query;
  }

  private static Window window(FetchQuery query, TableDefinition definition, int pageNumber) {
    if (query.top() != null) {
      return new Window(null, 0, query.top());
    }
    int size = Math.min(query.count() == null ? CollectionQuery.MAX_PAGE_SIZE : query.count(),
        CollectionQuery.MAX_PAGE_SIZE);
    if (query.pagingCookie() != null) {
      FetchPagingCookie cookie = FetchPagingCookie.parse(query.pagingCookie(), query, definition);
      if (cookie.page() == pageNumber - 1) {
        return new Window(cookie, 0, size);
      }
    }
    long skip = (long) (pageNumber - 1) * size;
    if (skip + size > SIMPLE_PAGING_LIMIT) {
      throw DataverseException.badRequest(
          DataverseException.INVALID_ARGUMENT,
          "Paging without a paging cookie (simple paging) reaches only the first " + SIMPLE_PAGING_LIMIT
              + " rows; set the paging-cookie of the previous page to read page " + pageNumber + ".");
    }
    return new Window(null, (int) skip, size);
  }

  /** One page, and whether rows follow it. Without an order it walks the rows in key order and stops early. */
  private Page page(TableStore table, FetchQuery query, Window window) {
    int wanted = window.skip() + window.size() + 1;
    Comparator<Row> order = order(query);
    Row after = window.after() == null ? null : new Row(window.after().lastId(), 0, window.after().last());
    List<Row> rows = new ArrayList<>();
    if (query.orders().isEmpty()) {
      for (Row row : table.rowsAfter(after == null ? null : after.id()).values()) {
        if (matches(row, query)) {
          rows.add(row);
          if (rows.size() == wanted) {
            break;
          }
        }
      }
    } else {
      PriorityQueue<Row> best = new PriorityQueue<>(order.reversed());
      for (Row row : table.rows()) {
        boolean full = best.size() >= wanted;
        if ((full && order.compare(row, best.peek()) >= 0)
            || (after != null && order.compare(row, after) <= 0)
            || !matches(row, query)) {
          continue;
        }
        best.add(row);
        if (best.size() > wanted) {
          best.poll();
        }
      }
      rows.addAll(best);
      rows.sort(order);
    }
    List<Row> page = rows.subList(Math.min(window.skip(), rows.size()), rows.size());
    boolean more = page.size() > window.size();
    return new Page(more ? page.subList(0, window.size()) : page, more);
  }

  private int count(TableStore table, FetchQuery query) {
    int count = 0;
    for (Row row : table.rows()) {
      if (matches(row, query)) {
        count++;
      }
    }
    return count;
  }

  private static Comparator<Row> order(FetchQuery query) {
    Comparator<ObjectNode> byValues = query.order((a, b) -> 0);
    Comparator<Row> order = (a, b) -> byValues.compare(a.values(), b.values());
    return order.thenComparing(Row::id, GuidOrder.INSTANCE);
  }

  private boolean matches(Row row, FetchQuery query) {
    ObjectNode joined = joined(row, query);
    return joined != null && query.filter().test(joined);
  }

  /**
   * The row with the values of the rows its links point at, under {@code <alias>.<property>}; null when an inner link
   * finds no row (or none its own filter accepts).
   */
  private ObjectNode joined(Row row, FetchQuery query) {
    if (query.links().isEmpty()) {
      return row.values();
    }
    ObjectNode joined = Json.object();
    joined.setAll(row.values());
    for (FetchQuery.Link link : query.links()) {
      Row linked = linkedRow(row, link);
      if (linked == null) {
        if (!link.outer()) {
          return null;
        }
        continue;
      }
      for (Map.Entry<String, JsonNode> value : linked.values().properties()) {
        joined.set(link.alias() + "." + value.getKey(), value.getValue());
      }
    }
    return joined;
  }

  private Row linkedRow(Row row, FetchQuery.Link link) {
    JsonNode id = row.values().get(link.lookupProperty());
    if (id == null || id.isNull()) {
      return null;
    }
    Row linked = store.byLogicalName(link.table().logicalName())
        .map(t -> t.get(UUID.fromString(id.asText())))
        .orElse(null);
    return linked != null && link.filter().test(linked.values()) ? linked : null;
  }

  /** The linked columns asked for, as {@code <alias>.<logical name>}; empty ones are left out, like the others. */
  private static void addLinkedColumns(ObjectNode entity, FetchQuery query, ObjectNode joined) {
    for (FetchQuery.Link link : query.links()) {
      for (Map.Entry<String, String> attribute : link.attributes().entrySet()) {
        JsonNode value = joined.get(link.alias() + "." + attribute.getValue());
        if (value != null && !value.isNull()) {
          entity.set(link.alias() + "." + attribute.getKey(), value);
        }
      }
    }
  }

  private RowRenderer renderer(TableDefinition definition, FetchQuery query, Preferences preferences) {
    List<String> select = null;
    if (query.attributes() != null) {
      select = new ArrayList<>(query.attributes());
      if (!select.contains(definition.primaryIdColumn())) {
        select.add(definition.primaryIdColumn());
      }
    }
    return new RowRenderer(store, definition, select, List.of(), preferences.annotations()).omittingNulls();
  }
}
