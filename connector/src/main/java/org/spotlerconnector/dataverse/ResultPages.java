package org.spotlerconnector.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The pages of a query or delta, fetched one at a time as they are asked for, so only one page is in memory. Each page
 * after the first is fetched from the previous page's {@code @odata.nextLink}, unmodified (dataverse-api.md §2.5); the
 * last page of a change-tracking read carries the {@code @odata.deltaLink}. Not thread-safe; use from one thread.
 */
public final class ResultPages<T> implements Iterator<Page<T>> {
  private final Function<URI, JsonNode> fetch;
  private final Function<String, URI> followLink;
  private final Function<ObjectNode, T> item;
  private URI next;
  private Optional<String> deltaLink = Optional.empty();

  ResultPages(
      URI first, Function<URI, JsonNode> fetch, Function<String, URI> followLink, Function<ObjectNode, T> item) {
    this.next = first;
    this.fetch = fetch;
    this.followLink = followLink;
    this.item = item;
  }

  @Override
  public boolean hasNext() {
    return next != null;
  }

  @Override
  public Page<T> next() {
    if (next == null) {
      throw new NoSuchElementException("no more pages");
    }
    JsonNode body = fetch.apply(next);
    List<T> items = new ArrayList<>();
    for (JsonNode row : body.path("value")) {
      if (row instanceof ObjectNode object) {
        items.add(item.apply(object));
      }
    }
    next = text(body, "@odata.nextLink").map(followLink).orElse(null);
    deltaLink = text(body, "@odata.deltaLink");
    return new Page<>(items, deltaLink);
  }

  /**
   * Hands every remaining page to {@code handler}, then returns the delta link of the last page (empty for a plain
   * query, or when change tracking is not enabled on the table).
   */
  public Optional<String> forEachPage(Consumer<? super List<T>> handler) {
    while (hasNext()) {
      handler.accept(next().items());
    }
    return deltaLink;
  }

  /** Where the next page will be read from; empty after the last page. */
  public Optional<String> nextLink() {
    return Optional.ofNullable(next).map(URI::toString);
  }

  /** The delta link, once the last page has been read. */
  public Optional<String> deltaLink() {
    return deltaLink;
  }

  private static Optional<String> text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    boolean present = value != null && value.isTextual() && !value.asText().isEmpty();
    return present ? Optional.of(value.asText()) : Optional.empty();
  }
}
