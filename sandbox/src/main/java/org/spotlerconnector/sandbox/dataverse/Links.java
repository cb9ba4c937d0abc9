package org.spotlerconnector.sandbox.dataverse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.StringJoiner;
import org.spotlerconnector.sandbox.http.HttpRequest;

/** Builds next and delta links: the request's own query (kept byte for byte) with one option replaced. */
final class Links {

  private Links() {}

  /**
   * {@code <collectionUrl>?<the request's options except the dropped ones>&<name>=<value>}, so that {@code $select}
   * and the other options the client sent carry over unchanged.
   */
  static String with(String collectionUrl, HttpRequest request, Set<String> dropped, String name, String value) {
    StringJoiner query = new StringJoiner("&");
    String raw = request.rawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String rawName = eq < 0 ? pair : pair.substring(0, eq);
        if (!pair.isEmpty() && !dropped.contains(HttpRequest.decode(rawName, true))) {
          query.add(pair);
        }
      }
    }
    query.add(name + "=" + encode(value));
    return collectionUrl + "?" + query;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
