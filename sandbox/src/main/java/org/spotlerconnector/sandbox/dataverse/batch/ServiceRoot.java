package org.spotlerconnector.sandbox.dataverse.batch;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.spotlerconnector.sandbox.http.HttpRequest;

/**
 * The service root ({@code http://host/api/data/v9.2}) and the URL forms a batch may use relative to it: the
 * server-relative {@code /api/data/v9.2/contacts}, the absolute URL and the service-relative {@code contacts}.
 */
final class ServiceRoot {
  private static final Pattern ABSOLUTE_URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

  private final String url;
  private final String path;

  ServiceRoot(String url) {
    this.url = stripTrailingSlash(url);
    this.path = stripTrailingSlash(URI.create(this.url).getRawPath());
  }

  /** The absolute service root URL, without a trailing slash. */
  String url() {
    return url;
  }

  /** The server-relative path of the service root, e.g. {@code /api/data/v9.2}. */
  String path() {
    return path;
  }

  /** Builds the request an inner operation stands for; the target keeps its percent-encoding. */
  HttpRequest request(String method, String target, Map<String, List<String>> headers, byte[] body) {
    String serverRelative = serverRelative(target);
    int query = serverRelative.indexOf('?');
    String rawPath = query < 0 ? serverRelative : serverRelative.substring(0, query);
    String rawQuery = query < 0 ? null : serverRelative.substring(query + 1);
    return new HttpRequest(method, rawPath, rawQuery, headers, body, "batch");
  }

  /**
   * An entity URL (such as an {@code OData-EntityId}) relative to the service root, e.g. {@code contacts(<id>)}: the
   * form both {@code @odata.bind} and {@code @odata.id} accept (dataverse-api.md §2.6).
   */
  String serviceRelative(String entityUrl) {
    String serverRelative = serverRelative(entityUrl);
    return serverRelative.startsWith(path + "/") ? serverRelative.substring(path.length() + 1) : entityUrl;
  }

  private String serverRelative(String target) {
    if (ABSOLUTE_URL.matcher(target).matches()) {
      int pathStart = target.indexOf('/', target.indexOf("://") + 3);
      return pathStart < 0 ? "/" : target.substring(pathStart);
    }
    return target.startsWith("/") ? target : path + "/" + target;
  }

  private static String stripTrailingSlash(String value) {
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }
}
