package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.Json;

/**
 * How a date-window feed comes back. On {@code /integrationservice} it is the spec's {@code {paging, contacts}}; on
 * {@code /integrationservice-1.1.0} clients read a bare array (spotler-api.md §2.7, Q3).
 */
enum FeedShape {
  PAGED,
  BARE_ARRAY;

  JsonNode wrap(HttpRequest request, String listName, ArrayNode items, int after, boolean more) {
    if (this == BARE_ARRAY) {
      return items;
    }
    ObjectNode body = Json.object();
    ObjectNode paging = body.putObject("paging");
    int nextAfter = after + items.size();
    if (more) {
      paging.put("next", PagingLinks.next(request, nextAfter));
    }
    paging.put("after", nextAfter);
    body.set(listName, items);
    return body;
  }
}
