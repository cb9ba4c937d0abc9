package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.spotlerconnector.sandbox.dataverse.query.FilterParser;
import org.spotlerconnector.sandbox.dataverse.query.OrderByParser;
import org.spotlerconnector.sandbox.dataverse.query.RowFilter;
import org.spotlerconnector.sandbox.dataverse.query.SelectParser;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/**
 * {@code GET <entityset>}: {@code $select}, {@code $filter}, {@code $orderby}, {@code $top}, {@code $count},
 * {@code $expand}, pages of at most 5,000 rows (or {@code odata.maxpagesize}) with a next link, and the first sync of
 * change tracking (dataverse-api.md §2.4, §2.5, §3).
 *
 * <p>Rows come in primary key order unless {@code $orderby} is given (ties broken by primary key). In key order a page
 * costs a walk of the sorted row map from the cookie's key; with {@code $orderby} it costs one pass over the table
 * keeping the best {@code pageSize} rows.
 */
final class CollectionQuery {
  static final int MAX_PAGE_SIZE = 5_000;
  private static final Set<String> PAGING_OPTIONS = Set.of("$skiptoken", "$deltatoken");

  private final DataverseStore store;

  CollectionQuery(DataverseStore store) {
    this.store = store;
  }

  private record Page(List<Row> rows, boolean more) {}

  /** A checked and parsed query: what to return, in which order, from where, and how much. */
  private record Plan(
      RowFilter filter,
      Comparator<Row> order,
      List<String> orderProperties,
      PagingCookie cookie,
      boolean tracking,
      int pageSize,
      boolean limitedByTop,
      RowRenderer renderer) {}

  HttpResponse get(
      TableStore table, HttpRequest request, QueryOptions options, Preferences preferences, CallContext context) {
    Plan plan = plan(table.definition(), options, preferences);
    return store.read(
        () -> {
          Long trackingVersion = null;
          if (plan.tracking()) {
            PagingCookie cookie = plan.cookie();
            boolean continuing = cookie != null && cookie.trackingVersion() != null;
            trackingVersion = continuing ? cookie.trackingVersion() : store.currentVersion();
          }
          Page page =
              plan.order() == null
                  ? pageInKeyOrder(table, plan.filter(), plan.cookie(), plan.pageSize())
                  : pageInOrder(table, plan.filter(), plan.order(), plan.cookie(), plan.pageSize());
          ObjectNode body = Json.object();
          body.put("@odata.context", context.metadataUrl() + "#" + plan.renderer().contextPath());
          if (options.count()) {
            body.put("@odata.count", Math.min(count(table, plan.filter()), MAX_PAGE_SIZE));
          }
          ArrayNode value = body.putArray("value");
          page.rows().forEach(row -> value.add(plan.renderer().render(row)));
          addLink(body, table.definition(), plan, page, trackingVersion, request, context);
          return PreferenceApplied.of(preferences, preferences.maxPageSize() != null, preferences.trackChanges())
              .applyTo(ODataResponses.json(200, body));
        });
  }

  private Plan plan(TableDefinition definition, QueryOptions options, Preferences preferences) {
    List<String> orderProperties = orderProperties(options);
    PagingCookie cookie =
        options.skiptoken() == null ? null : PagingCookie.parse(options.skiptoken(), definition, orderProperties);
    boolean tracking = preferences.trackChanges() || (cookie != null && cookie.trackingVersion() != null);
    if (tracking) {
      ChangeTracking.requireEnabled(definition);
      options.requireNoneForbiddenWithChangeTracking();
    }
    List<String> select = options.select() == null ? null : SelectParser.parse(options.select(), definition);
    List<ExpandOption> expands =
        ExpandOption.parse(options.expand(), definition, store.definitions(), store.clock());
    boolean paged = preferences.maxPageSize() != null;
    return new Plan(
        filter(definition, options),
        order(definition, options),
        orderProperties,
        cookie,
        tracking,
        Math.min(paged ? preferences.maxPageSize() : topOrMax(options), MAX_PAGE_SIZE),
        !paged && options.top() != null,
        new RowRenderer(store, definition, select, expands, preferences.annotations()));
  }

  /** A next link while rows remain (unless {@code $top} limits the answer), else the delta link of a first sync. */
  private void addLink(
      ObjectNode body,
      TableDefinition definition,
      Plan plan,
      Page page,
      Long trackingVersion,
      HttpRequest request,
      CallContext context) {
    String collectionUrl = context.serviceRoot() + "/" + definition.entitySetName();
    if (page.more() && !plan.limitedByTop()) {
      int nextPage = plan.cookie() == null ? 2 : plan.cookie().pageNumber() + 1;
      Row first = page.rows().get(0);
      Row last = page.rows().get(page.rows().size() - 1);
      String token =
          PagingCookie.skipToken(nextPage, definition, plan.orderProperties(), last, first, trackingVersion);
      body.put("@odata.nextLink", Links.with(collectionUrl, request, PAGING_OPTIONS, "$skiptoken", token));
    } else if (plan.tracking()) {
      String token = new DeltaToken(trackingVersion, store.now()).text();
      body.put("@odata.deltaLink", Links.with(collectionUrl, request, PAGING_OPTIONS, "$deltatoken", token));
    }
  }

  /** {@code GET <entityset>/$count}: the number of rows matching {@code $filter}, as plain text, at most 5,000. */
  HttpResponse count(TableStore table, QueryOptions options) {
    RowFilter filter = filter(table.definition(), options);
    int count = store.read(() -> Math.min(count(table, filter), MAX_PAGE_SIZE));
    return ODataResponses.text(String.valueOf(count));
  }

  /** The property names {@code $orderby} sorts by, in order (aliases resolved), for the paging cookie. */
  private static List<String> orderProperties(QueryOptions options) {
    List<String> properties = new ArrayList<>();
    if (options.orderby() == null) {
      return properties;
    }
    for (String item : options.orderby().split(",")) {
      String name = item.trim().split("\\s+")[0];
      if (name.startsWith("@")) {
        name = options.aliases().getOrDefault(name, name).replace("'", "");
      }
      properties.add(name);
    }
    return properties;
  }

  private RowFilter filter(TableDefinition definition, QueryOptions options) {
    return options.filter() == null
        ? RowFilter.all()
        : FilterParser.parse(options.filter(), definition, options.aliases(), store.clock());
  }

  private static Comparator<Row> order(TableDefinition definition, QueryOptions options) {
    if (options.orderby() == null) {
      return null;
    }
    Comparator<ObjectNode> byColumns =
        OrderByParser.parse(options.orderby(), definition, options.aliases());
    Comparator<Row> byValues = (a, b) -> byColumns.compare(a.values(), b.values());
    return byValues.thenComparing(Row::id, GuidOrder.INSTANCE);
  }

  private static int topOrMax(QueryOptions options) {
    return options.top() == null ? MAX_PAGE_SIZE : options.top();
  }

  private static Page pageInKeyOrder(TableStore table, RowFilter filter, PagingCookie cookie, int pageSize) {
    List<Row> rows = new ArrayList<>();
    for (Row row : table.rowsAfter(cookie == null ? null : cookie.lastId()).values()) {
      if (!filter.test(row.values())) {
        continue;
      }
      if (rows.size() == pageSize) {
        return new Page(rows, true);
      }
      rows.add(row);
    }
    return new Page(rows, false);
  }

  private static Page pageInOrder(
      TableStore table, RowFilter filter, Comparator<Row> order, PagingCookie cookie, int pageSize) {
    Row after = cookie == null ? null : new Row(cookie.lastId(), 0, cookie.last());
    PriorityQueue<Row> best = new PriorityQueue<>(order.reversed());
    for (Row row : table.rows()) {
      boolean full = best.size() > pageSize;
      if ((full && order.compare(row, best.peek()) >= 0)
          || (after != null && order.compare(row, after) <= 0)
          || !filter.test(row.values())) {
        continue;
      }
      best.add(row);
      if (best.size() > pageSize + 1) {
        best.poll();
      }
    }
    List<Row> rows = new ArrayList<>(best);
    rows.sort(order);
    boolean more = rows.size() > pageSize;
    return new Page(more ? rows.subList(0, pageSize) : rows, more);
  }

  private static int count(TableStore table, RowFilter filter) {
    int count = 0;
    for (Row row : table.rows()) {
      if (filter.test(row.values())) {
        count++;
      }
    }
    return count;
  }
}
