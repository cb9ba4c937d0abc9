package org.spotlerconnector.sandbox.mailplus;

import java.util.ArrayList;
import java.util.List;
import org.spotlerconnector.sandbox.http.HttpRequest;

/**
 * The {@code Paging.next} URL: "The 'next' URL is added to the response to request the next specified number of
 * objects" (spotler-api.md §7.3). It is the URL the client called with {@code after} moved on, on the host the client
 * used.
 */
final class PagingLinks {
  private PagingLinks() {}

  static String next(HttpRequest request, int nextAfter) {
    List<String> pairs = new ArrayList<>();
    boolean replaced = false;
    if (request.rawQuery() != null) {
      for (String pair : request.rawQuery().split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        if (pair.equals("after") || pair.startsWith("after=")) {
          if (!replaced) {
            pairs.add("after=" + nextAfter);
            replaced = true;
          }
        } else {
          pairs.add(pair);
        }
      }
    }
    if (!replaced) {
      pairs.add("after=" + nextAfter);
    }
    String host = request.header("Host").orElse("127.0.0.1");
    return "http://" + host + request.rawPath() + "?" + String.join("&", pairs);
  }
}
