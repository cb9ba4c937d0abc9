package org.spotlerconnector.sandbox.mailplus;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.spotlerconnector.sandbox.http.HttpRequest;

/**
 * The HMAC-SHA1 signature of OAuth 1.0a (RFC 5849 §3.4), shared by the emulator's verifier and the command-line header
 * tool. Mail+ signs the {@code oauth_*} parameters and every query parameter, never the JSON body (spotler-api.md §1.2).
 */
final class OAuthSignature {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private OAuthSignature() {}

  /** One decoded name/value pair that takes part in the signature. */
  record Param(String name, String value) {}

  /** RFC 5849 §3.6: RFC 3986 percent-encoding of the UTF-8 bytes; only unreserved characters stay as they are. */
  static String percentEncode(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 8);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  /** RFC 5849 §3.4.1.3.1: query parameters are form-decoded, so '+' is a space. */
  static List<Param> queryParameters(String rawQuery) {
    List<Param> params = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.add(new Param(HttpRequest.decode(name, true), HttpRequest.decode(value, true)));
    }
    return params;
  }

  /** RFC 5849 §3.4.1.2: lowercase scheme and host, no default port, the path as sent, no query. */
  static String baseUri(String scheme, String hostHeader, String rawPath) {
    String lowerScheme = scheme.toLowerCase(Locale.ROOT);
    String authority = hostHeader.trim().toLowerCase(Locale.ROOT);
    int portSeparator = authority.lastIndexOf(':');
    if (portSeparator > authority.lastIndexOf(']')) {
      String port = authority.substring(portSeparator + 1);
      if (port.isEmpty() || isDefaultPort(lowerScheme, port)) {
        authority = authority.substring(0, portSeparator);
      }
    }
    String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    return lowerScheme + "://" + authority + path;
  }

  static String baseUri(URI uri) {
    String authority = uri.getRawAuthority();
    int userInfoEnd = authority.indexOf('@');
    return baseUri(uri.getScheme(), userInfoEnd < 0 ? authority : authority.substring(userInfoEnd + 1), uri.getRawPath());
  }

  private static boolean isDefaultPort(String scheme, String port) {
    return (scheme.equals("http") && port.equals("80")) || (scheme.equals("https") && port.equals("443"));
  }

  /** RFC 5849 §3.4.1.3.2: encode every name and value, sort by name then value, join as {@code k=v&k=v}. */
  static String normalizedParameters(List<Param> params) {
    return params.stream()
        .map(p -> new Param(percentEncode(p.name()), percentEncode(p.value())))
        .sorted(Comparator.comparing(Param::name).thenComparing(Param::value))
        .map(p -> p.name() + "=" + p.value())
        .collect(Collectors.joining("&"));
  }

  /** RFC 5849 §3.4.1.1: {@code METHOD&enc(baseUri)&enc(normalizedParameters)}. */
  static String baseString(String method, String baseUri, List<Param> params) {
    return method.toUpperCase(Locale.ROOT)
        + "&"
        + percentEncode(baseUri)
        + "&"
        + percentEncode(normalizedParameters(params));
  }

  /** RFC 5849 §3.4.2: the key is {@code enc(consumerSecret)&enc(tokenSecret)}; Mail+ has no token, so it ends in '&'. */
  static String hmacSha1(String baseString, String consumerSecret, String tokenSecret) {
    String key = percentEncode(consumerSecret) + "&" + percentEncode(tokenSecret);
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every Java runtime. Indicates a broken JDK.", e);
    }
  }

  static String hmacSha1(String baseString, String consumerSecret) {
    return hmacSha1(baseString, consumerSecret, "");
  }
}
