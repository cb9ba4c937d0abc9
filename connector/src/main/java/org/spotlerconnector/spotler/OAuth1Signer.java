package org.spotlerconnector.spotler;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.spotlerconnector.spotler.SignatureBaseString.Parameter;

/**
 * Signs requests with OAuth 1.0a HMAC-SHA1 (RFC 5849) and writes the {@code Authorization} header.
 *
 * <p>Mail+ uses the "one-legged" form: a consumer key and secret, no token, signing key {@code pct(secret)&}. The
 * query parameters are signed; a JSON body is not (only a form-encoded body would be, per RFC 5849 §3.4.1.3.1). A token
 * can be set so that the RFC's own test vectors can be checked.
 *
 * <p>Thread-safe. Every call gets a fresh nonce and timestamp, so a retried request must be signed again.
 */
public final class OAuth1Signer {
  private static final String SIGNATURE_METHOD = "HMAC-SHA1";
  private static final String VERSION = "1.0";
  private static final int NONCE_BYTES = 16;

  private final String consumerKey;
  private final String consumerSecret;
  private final String token;
  private final String tokenSecret;
  private final Clock clock;
  private final Supplier<String> nonces;

  private OAuth1Signer(Builder builder) {
    this.consumerKey = builder.consumerKey;
    this.consumerSecret = builder.consumerSecret;
    this.token = builder.token;
    this.tokenSecret = builder.tokenSecret;
    this.clock = builder.clock;
    this.nonces = builder.nonces;
  }

  /** A signer for Mail+: consumer key and secret only. */
  public static OAuth1Signer of(String consumerKey, String consumerSecret) {
    return builder(consumerKey, consumerSecret).build();
  }

  public static Builder builder(String consumerKey, String consumerSecret) {
    return new Builder(consumerKey, consumerSecret);
  }

  /** The {@code Authorization} header value for a request without a form-encoded body. */
  public String authorizationHeader(String method, URI uri) {
    return authorizationHeader(method, uri, "");
  }

  /**
   * The {@code Authorization} header value.
   *
   * @param uri the exact URI that will be sent: its raw path and query are what gets signed
   * @param formBody the raw {@code application/x-www-form-urlencoded} body, or {@code ""}; never a JSON body
   */
  public String authorizationHeader(String method, URI uri, String formBody) {
    SortedMap<String, String> protocol = protocolParameters();
    protocol.put("oauth_signature", signature(method, uri, formBody, protocol));
    return protocol.entrySet().stream()
        .map(e -> PercentEncoding.encode(e.getKey()) + "=\"" + PercentEncoding.encode(e.getValue()) + '"')
        .collect(Collectors.joining(", ", "OAuth ", ""));
  }

  /** The Base64 HMAC-SHA1 signature over the given protocol parameters plus the query and form parameters. */
  String signature(String method, URI uri, String formBody, Map<String, String> protocolParameters) {
    return hmacSha1(signatureBaseString(method, uri, formBody, protocolParameters));
  }

  static String signatureBaseString(
      String method, URI uri, String formBody, Map<String, String> protocolParameters) {
    List<Parameter> parameters = new ArrayList<>();
    protocolParameters.forEach((name, value) -> parameters.add(new Parameter(name, value)));
    parameters.addAll(SignatureBaseString.parseFormEncoded(uri.getRawQuery()));
    parameters.addAll(SignatureBaseString.parseFormEncoded(formBody));
    return SignatureBaseString.of(method, uri, parameters);
  }

  private SortedMap<String, String> protocolParameters() {
    SortedMap<String, String> protocol = new TreeMap<>();
    protocol.put("oauth_consumer_key", consumerKey);
    protocol.put("oauth_nonce", nonces.get());
    protocol.put("oauth_signature_method", SIGNATURE_METHOD);
    protocol.put("oauth_timestamp", Long.toString(clock.instant().getEpochSecond()));
    if (token != null) {
      protocol.put("oauth_token", token);
    }
    protocol.put("oauth_version", VERSION);
    return protocol;
  }

  private String hmacSha1(String baseString) {
    String signingKey = PercentEncoding.encode(consumerSecret) + '&' + PercentEncoding.encode(tokenSecret);
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is required of every Java platform; this JVM lacks it", e);
    }
  }

  private static String randomNonce(SecureRandom random) {
    byte[] bytes = new byte[NONCE_BYTES];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Builds an immutable {@link OAuth1Signer}. */
  public static final class Builder {
    private final String consumerKey;
    private final String consumerSecret;
    private String token;
    private String tokenSecret = "";
    private Clock clock = Clock.systemUTC();
    private Supplier<String> nonces;

    private Builder(String consumerKey, String consumerSecret) {
      this.consumerKey = requireText(consumerKey, "consumerKey");
      this.consumerSecret = requireText(consumerSecret, "consumerSecret");
      SecureRandom random = new SecureRandom();
      this.nonces = () -> randomNonce(random);
    }

    /** A token and token secret (RFC 5849 §2.3); Mail+ uses none. */
    public Builder token(String token, String tokenSecret) {
      this.token = requireText(token, "token");
      this.tokenSecret = Objects.requireNonNull(tokenSecret, "tokenSecret cannot be null");
      return this;
    }

    /** Where the {@code oauth_timestamp} comes from. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock cannot be null");
      return this;
    }

    /** Where each {@code oauth_nonce} comes from; by default 16 random bytes from {@link SecureRandom}, as hex. */
    public Builder nonceSource(Supplier<String> nonces) {
      this.nonces = Objects.requireNonNull(nonces, "nonces cannot be null");
      return this;
    }

    public OAuth1Signer build() {
      return new OAuth1Signer(this);
    }

    private static String requireText(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " cannot be null or blank");
      }
      return value;
    }
  }
}
