package org.spotlerconnector.spotler;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The OAuth 1.0a signature base string (RFC 5849 §3.4.1) and the pieces it is made of. */
final class SignatureBaseString {
  private static final Comparator<String[]> BY_NAME_THEN_VALUE =
      Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]);

  private SignatureBaseString() {}

  /** A decoded name/value pair that takes part in the signature. */
  record Parameter(String name, String value) {}

  /**
   * {@code METHOD&pct(base URI)&pct(normalized parameters)}.
   *
   * @param parameters every decoded parameter to sign: the protocol ({@code oauth_*}) ones without
   *     {@code oauth_signature}, the query ones and any form-encoded body ones
   */
  static String of(String method, URI uri, List<Parameter> parameters) {
    return method.toUpperCase(Locale.ROOT)
        + '&'
        + PercentEncoding.encode(baseUri(uri))
        + '&'
        + PercentEncoding.encode(normalizedParameters(parameters));
  }

  /**
   * RFC 5849 §3.4.1.2: lower-case scheme and host, the port only when it is not the scheme's default, and the path
   * exactly as it goes on the wire (still percent-encoded), without the query.
   */
  static String baseUri(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort =
        port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path;
  }

  /** RFC 5849 §3.4.1.3.2: encode each name and value, sort by name then value, join as {@code n=v&n=v}. */
  static String normalizedParameters(List<Parameter> parameters) {
    return parameters.stream()
        .map(p -> new String[] {PercentEncoding.encode(p.name()), PercentEncoding.encode(p.value())})
        .sorted(BY_NAME_THEN_VALUE)
        .map(p -> p[0] + '=' + p[1])
        .collect(Collectors.joining("&"));
  }

  /**
   * Splits a raw query or form body into decoded parameters the way RFC 5849 §3.4.1.3.1 prescribes
   * ({@code application/x-www-form-urlencoded}: {@code +} is a space, a name without {@code =} has an empty value).
   */
  static List<Parameter> parseFormEncoded(String raw) {
    List<Parameter> parameters = new ArrayList<>();
    if (raw == null || raw.isEmpty()) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.add(new Parameter(PercentEncoding.decode(name, true), PercentEncoding.decode(value, true)));
    }
    return parameters;
  }
}
