package org.spotlerconnector.sandbox.mailplus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.sandbox.http.HttpRequest;

/**
 * Checks the one-legged OAuth 1.0a signature of every API call the way Mail+ does (spotler-api.md §1.2): HMAC-SHA1 over
 * the method, the URL the client called (its own Host header, the path as sent) and the {@code oauth_*} plus all query
 * parameters, keyed by {@code enc(secret)&}. Also refuses stale timestamps and replayed nonces (RFC 5849 §3.3).
 */
final class OAuthVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(OAuthVerifier.class);
  private static final String SCHEME = "http";

  private final Map<String, String> secretsByConsumerKey;
  private final Clock clock;
  private final Duration timestampTolerance;
  private final NonceCache nonces = new NonceCache();

  OAuthVerifier(Map<String, String> secretsByConsumerKey, Clock clock, Duration timestampTolerance) {
    this.secretsByConsumerKey = Map.copyOf(secretsByConsumerKey);
    this.clock = clock;
    this.timestampTolerance = timestampTolerance;
  }

  /**
   * The consumer key of a correctly signed request.
   *
   * @throws MailPlusException 401 when the request is not correctly signed
   */
  String verify(HttpRequest request) {
    String header = request.header("Authorization").orElseThrow(() -> refuse("No OAuth Authorization header given"));
    Map<String, String> oauth;
    try {
      oauth = OAuthHeader.parse(header);
    } catch (IllegalArgumentException e) {
      throw refuse("Malformed OAuth header: " + e.getMessage());
    }
    String consumerKey = required(oauth, "oauth_consumer_key");
    String secret = secretsByConsumerKey.get(consumerKey);
    if (secret == null) {
      LOG.atDebug().log("refused a call signed with an unknown consumer key");
      throw new MailPlusException(401, ErrorType.AUTH_NOT_FOUND, "Unknown consumer key");
    }
    if (!"HMAC-SHA1".equals(required(oauth, "oauth_signature_method"))) {
      throw refuse("Unsupported oauth_signature_method, use HMAC-SHA1");
    }
    String version = oauth.get("oauth_version");
    if (version != null && !version.equals("1.0")) {
      throw refuse("Unsupported oauth_version, use 1.0");
    }
    String token = oauth.get("oauth_token");
    if (token != null && !token.isEmpty()) {
      throw refuse("oauth_token is not used by this API (one-legged OAuth)");
    }
    long timestamp = timestamp(required(oauth, "oauth_timestamp"));
    long now = clock.instant().getEpochSecond();
    if (timestamp < now - timestampTolerance.toSeconds() || timestamp > now + timestampTolerance.toSeconds()) {
      throw refuse("oauth_timestamp is too far from the server time");
    }
    String nonce = required(oauth, "oauth_nonce");
    String signature = required(oauth, "oauth_signature");
    String expected = OAuthSignature.hmacSha1(baseString(request, oauth), secret);
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
      LOG.atDebug().addKeyValue("method", request.method()).log("refused a call with an invalid OAuth signature");
      throw refuse("Invalid signature");
    }
    if (!nonces.firstUse(consumerKey, nonce, timestamp + timestampTolerance.toSeconds(), now)) {
      throw refuse("oauth_nonce has already been used");
    }
    return consumerKey;
  }

  void forgetNonces() {
    nonces.clear();
  }

  private static String baseString(HttpRequest request, Map<String, String> oauth) {
    List<OAuthSignature.Param> params = new ArrayList<>(OAuthSignature.queryParameters(request.rawQuery()));
    oauth.forEach(
        (name, value) -> {
          if (!name.equals("oauth_signature") && !name.equals("realm")) {
            params.add(new OAuthSignature.Param(name, value));
          }
        });
    String host = request.header("Host").orElse("");
    return OAuthSignature.baseString(request.method(), OAuthSignature.baseUri(SCHEME, host, request.rawPath()), params);
  }

  private static String required(Map<String, String> oauth, String name) {
    String value = oauth.get(name);
    if (value == null || value.isEmpty()) {
      throw refuse("Missing OAuth parameter " + name);
    }
    return value;
  }

  private static long timestamp(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw refuse("oauth_timestamp is not a number of seconds");
    }
  }

  private static MailPlusException refuse(String message) {
    return MailPlusException.notAuthorized(message);
  }
}
