package org.spotlerconnector.sandbox.mailplus;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client-side OAuth 1.0a signer written separately from the emulator's, following spotler-api.md §9 (URLEncoder
 * with the three replacements), so that a bug in the emulator's signature code cannot hide behind the same bug here.
 */
final class IndependentSigner {
  private IndependentSigner() {}

  static String header(
      String method, URI uri, String key, String secret, String nonce, long timestamp, boolean signQuery) {
    Map<String, String> oauth = new TreeMap<>();
    oauth.put("oauth_consumer_key", key);
    oauth.put("oauth_nonce", nonce);
    oauth.put("oauth_signature_method", "HMAC-SHA1");
    oauth.put("oauth_timestamp", Long.toString(timestamp));
    oauth.put("oauth_version", "1.0");
    List<String[]> params = new ArrayList<>();
    oauth.forEach((k, v) -> params.add(new String[] {enc(k), enc(v)}));
    if (signQuery && uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        params.add(new String[] {enc(dec(kv[0])), enc(kv.length > 1 ? dec(kv[1]) : "")});
      }
    }
    params.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    StringBuilder normalized = new StringBuilder();
    for (String[] p : params) {
      normalized.append(normalized.length() == 0 ? "" : "&").append(p[0]).append('=').append(p[1]);
    }
    String baseUrl = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + uri.getRawPath();
    String base = method + "&" + enc(baseUrl) + "&" + enc(normalized.toString());
    oauth.put("oauth_signature", hmac(enc(secret) + "&", base));
    StringBuilder header = new StringBuilder("OAuth ");
    oauth.forEach((k, v) -> header.append(k).append("=\"").append(enc(v)).append("\","));
    header.setLength(header.length() - 1);
    return header.toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }

  private static String dec(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String hmac(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
