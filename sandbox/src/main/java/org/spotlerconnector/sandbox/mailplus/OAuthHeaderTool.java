package org.spotlerconnector.sandbox.mailplus;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the {@code Authorization} header of a one-legged OAuth 1.0a request, as Mail+ expects it (spotler-api.md
 * §1.2), so that people can call the sandbox with curl ({@code curl -H "Authorization: $HEADER" "$URL"}). The URL
 * must be exactly the one the request goes to, query included: its query parameters are signed, and a header is good
 * for one call only (its nonce may not be reused).
 */
public final class OAuthHeaderTool {
  private static final SecureRandom RANDOM = new SecureRandom();

  private OAuthHeaderTool() {}

  /** A header with a fresh random nonce and the current time. */
  public static String authorizationHeader(String method, String url, String consumerKey, String consumerSecret) {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    return authorizationHeader(
        method, url, consumerKey, consumerSecret, HexFormat.of().formatHex(nonce), Instant.now().getEpochSecond());
  }

  /** A header with the given nonce and timestamp (seconds since the epoch), for reproducible signatures. */
  public static String authorizationHeader(
      String method, String url, String consumerKey, String consumerSecret, String nonce, long timestampSeconds) {
    URI uri = URI.create(url);
    Map<String, String> oauth = new LinkedHashMap<>();
    oauth.put("oauth_consumer_key", consumerKey);
    oauth.put("oauth_nonce", nonce);
    oauth.put("oauth_signature_method", "HMAC-SHA1");
    oauth.put("oauth_timestamp", Long.toString(timestampSeconds));
    oauth.put("oauth_version", "1.0");

    List<OAuthSignature.Param> signed = new ArrayList<>(OAuthSignature.queryParameters(uri.getRawQuery()));
    oauth.forEach((name, value) -> signed.add(new OAuthSignature.Param(name, value)));
    String baseString = OAuthSignature.baseString(method, OAuthSignature.baseUri(uri), signed);
    oauth.put("oauth_signature", OAuthSignature.hmacSha1(baseString, consumerSecret));

    return "OAuth "
        + oauth.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=\"" + OAuthSignature.percentEncode(e.getValue()) + "\"")
            .collect(Collectors.joining(", "));
  }
}
