package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.spotlerconnector.sandbox.dataverse.query.SelectParser;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/**
 * {@code GET <deltaLink>}: the rows created or changed since the token (selected columns, by version), then the rows
 * deleted since then as {@code $deletedEntity} entries, and a new delta link (dataverse-api.md §3). A row created and
 * deleted between two syncs shows only as a deletion. Pages with {@code odata.maxpagesize} like any query; the delta
 * link comes on the last page.
 *
 * <p>A token older than the retention (Dataverse's {@code ExpireChangeTrackingInDays}, 7 days by default here) or
 * issued before the last reset is refused with the documented "Version stamp associated with the client has expired"
 * fault. The documentation does not give the HTTP status for it; this emulator answers 400.
 */
final class ChangeTracking {
  static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
  private static final Set<String> PAGING_OPTIONS = Set.of("$skiptoken", "$deltatoken");

  private final DataverseStore store;
  private final Supplier<Duration> retention;

  ChangeTracking(DataverseStore store, Supplier<Duration> retention) {
    this.store = store;
    this.retention = retention;
  }

  /** Tables without change tracking refuse {@code odata.track-changes} and delta tokens. */
  static void requireEnabled(TableDefinition table) {
    if (!table.changeTrackingEnabled()) {
      throw DataverseException.badRequest(
          DataverseException.CHANGE_TRACKING,
          "Change tracking is not enabled for the entity '" + table.logicalName() + "'.");
    }
  }

  HttpResponse delta(
      TableStore table, HttpRequest request, QueryOptions options, Preferences preferences, CallContext context) {
    TableDefinition definition = table.definition();
    requireEnabled(definition);
    options.requireNoneForbiddenWithChangeTracking();
    DeltaToken token = DeltaToken.parse(options.deltatoken());
    List<String> select = options.select() == null ? null : SelectParser.parse(options.select(), definition);
    RowRenderer renderer = new RowRenderer(store, definition, select, List.of(), preferences.annotations());
    int pageSize =
        Math.min(
            preferences.maxPageSize() == null ? CollectionQuery.MAX_PAGE_SIZE : preferences.maxPageSize(),
            CollectionQuery.MAX_PAGE_SIZE);
    DeltaPosition position = options.skiptoken() == null ? null : DeltaPosition.parse(options.skiptoken());
    return store.read(
        () -> {
          requireValid(token);
          long upTo = position == null ? store.currentVersion() : position.upTo();
          ObjectNode body = Json.object();
          body.put("@odata.context", context.metadataUrl() + "#" + renderer.contextPath() + "/$delta");
          ArrayNode value = body.putArray("value");
          DeltaPosition next = fill(table, token, position, upTo, pageSize, renderer, context, value);
          String collectionUrl = context.serviceRoot() + "/" + definition.entitySetName();
          if (next != null) {
            body.put(
                "@odata.nextLink",
                Links.with(collectionUrl, request, Set.of("$skiptoken"), "$skiptoken", next.skipToken()));
          } else {
            String newToken = new DeltaToken(upTo, store.now()).text();
            body.put("@odata.deltaLink", Links.with(collectionUrl, request, PAGING_OPTIONS, "$deltatoken", newToken));
          }
          return PreferenceApplied.of(preferences, preferences.maxPageSize() != null, preferences.trackChanges())
              .applyTo(ODataResponses.json(200, body));
        });
  }

  /** dataverse-api.md §3: {@code GET <entityset>/$count?$deltatoken=…} counts the changes since the token. */
  HttpResponse countChanges(TableStore table, QueryOptions options) {
    requireEnabled(table.definition());
    DeltaToken token = DeltaToken.parse(options.deltatoken());
    int count =
        store.read(
            () -> {
              requireValid(token);
              long now = store.currentVersion();
              return table.changedBetween(token.version(), now).size()
                  + table.deletedBetween(token.version(), now).size();
            });
    return ODataResponses.text(String.valueOf(count));
  }

  /** Adds one page of entries; returns where the next page starts, or null when this was the last page. */
  private DeltaPosition fill(
      TableStore table, DeltaToken token, DeltaPosition position, long upTo, int pageSize, RowRenderer renderer,
      CallContext context, ArrayNode value) {
    int pageNumber = position == null ? 2 : position.pageNumber() + 1;
    if (position == null || !position.inDeletions()) {
      long after = position == null ? token.version() : position.after();
      for (Map.Entry<Long, UUID> changed : table.changedBetween(after, upTo).entrySet()) {
        if (value.size() == pageSize) {
          return new DeltaPosition(pageNumber, upTo, false, after);
        }
        value.add(renderer.render(table.get(changed.getValue())));
        after = changed.getKey();
      }
    }
    long after = position != null && position.inDeletions() ? position.after() : token.version();
    String deletedContext = context.metadataUrl() + "#" + table.definition().entitySetName() + "/$deletedEntity";
    for (TableStore.Deletion deletion : table.deletedBetween(after, upTo).values()) {
      if (value.size() == pageSize) {
        return new DeltaPosition(pageNumber, upTo, true, after);
      }
      ObjectNode entry = value.addObject();
      entry.put("@odata.context", deletedContext);
      entry.put("id", deletion.id().toString());
      entry.put("reason", "deleted");
      after = deletion.version();
    }
    return null;
  }

  private void requireValid(DeltaToken token) {
    if (token.version() > store.currentVersion()) {
      throw DeltaToken.invalid();
    }
    if (token.version() < store.oldestValidVersion() || token.issuedAt().isBefore(store.now().minus(retention.get()))) {
      throw DataverseException.expiredVersionStamp();
    }
  }
}
