package org.spotlerconnector.spotler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.spotler.SignatureBaseString.Parameter;

class OAuth1SignerTest {
  /** RFC 5849 §3.4.1.1: the request of the base-string example (form body {@code c2&a3=2+q}). */
  private static final URI RFC_EXAMPLE_URI = URI.create("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");

  private static final String RFC_EXAMPLE_FORM_BODY = "c2&a3=2+q";

  private static Map<String, String> rfcExampleProtocolParameters() {
    Map<String, String> protocol = new LinkedHashMap<>();
    protocol.put("oauth_consumer_key", "9djdj82h48djs9d2");
    protocol.put("oauth_token", "kkk9d7dh3k39sjv7");
    protocol.put("oauth_signature_method", "HMAC-SHA1");
    protocol.put("oauth_timestamp", "137131201");
    protocol.put("oauth_nonce", "7d8f3e4a");
    return protocol;
  }

  @Test
  @DisplayName("RFC 5849 §3.4.1.1: the example signature base string, query and form parameters included")
  void builds_the_rfc_example_base_string() {
    String baseString =
        OAuth1Signer.signatureBaseString(
            "POST", RFC_EXAMPLE_URI, RFC_EXAMPLE_FORM_BODY, rfcExampleProtocolParameters());

    assertThat(baseString)
        .isEqualTo(
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q"
                + "%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_"
                + "key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_m"
                + "ethod%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkk"
                + "k9d7dh3k39sjv7");
  }

  @Test
  @DisplayName("RFC 5849 §3.4.1.3.1: the example's query and body decode to the listed parameters")
  void decodes_the_rfc_example_parameters() {
    assertThat(SignatureBaseString.parseFormEncoded(RFC_EXAMPLE_URI.getRawQuery()))
        .containsExactly(
            new Parameter("b5", "=%3D"),
            new Parameter("a3", "a"),
            new Parameter("c@", ""),
            new Parameter("a2", "r b"));
    assertThat(SignatureBaseString.parseFormEncoded(RFC_EXAMPLE_FORM_BODY))
        .containsExactly(new Parameter("c2", ""), new Parameter("a3", "2 q"));
  }

  @Test
  @DisplayName("RFC 5849 §3.4.1.3.2: the example's normalized parameter string")
  void normalizes_the_rfc_example_parameters() {
    List<Parameter> parameters = new ArrayList<>();
    rfcExampleProtocolParameters().forEach((n, v) -> parameters.add(new Parameter(n, v)));
    parameters.addAll(SignatureBaseString.parseFormEncoded(RFC_EXAMPLE_URI.getRawQuery()));
    parameters.addAll(SignatureBaseString.parseFormEncoded(RFC_EXAMPLE_FORM_BODY));

    assertThat(SignatureBaseString.normalizedParameters(parameters))
        .isEqualTo(
            "a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9dj"
                + "dj82h48djs9d2&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1"
                + "&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7");
  }

  @Test
  @DisplayName("RFC 5849 §3.4.1.2: base URI examples (case, default port, path kept encoded)")
  void normalizes_the_base_uri() {
    assertThat(SignatureBaseString.baseUri(URI.create("HTTP://EXAMPLE.COM:80/r%20v/X?id=123")))
        .isEqualTo("http://example.com/r%20v/X");
    assertThat(SignatureBaseString.baseUri(URI.create("https://www.example.net:8080/?q=1")))
        .isEqualTo("https://www.example.net:8080/");
    assertThat(SignatureBaseString.baseUri(URI.create("https://restapi.mailplus.nl:443/integrationservice/contact/a%2Fb")))
        .isEqualTo("https://restapi.mailplus.nl/integrationservice/contact/a%2Fb");
  }

  @Test
  @DisplayName("RFC 5849 §1.2: the photos example signature (token credentials, no oauth_version)")
  void signs_the_rfc_photos_example() {
    OAuth1Signer signer =
        OAuth1Signer.builder("dpf43f3p2l4k3l03", "kd94hf93k423kf44").token("nnch734d00sl2jdk", "pfkkdhi9sl3r4s00").build();
    Map<String, String> protocol = new LinkedHashMap<>();
    protocol.put("oauth_consumer_key", "dpf43f3p2l4k3l03");
    protocol.put("oauth_token", "nnch734d00sl2jdk");
    protocol.put("oauth_signature_method", "HMAC-SHA1");
    protocol.put("oauth_timestamp", "137131202");
    protocol.put("oauth_nonce", "chapoH");

    String signature =
        signer.signature("GET", URI.create("http://photos.example.net/photos?file=vacation.jpg&size=original"), "", protocol);

    assertThat(signature).isEqualTo("MdpQcU8iPSUjWoN/UDMsK2sui9I=");
  }

  @Test
  @DisplayName("OAuth Core 1.0 Appendix A.5: the photos example header, with oauth_version, from a fixed clock and nonce")
  void writes_the_oauth_core_appendix_example_header() {
    OAuth1Signer signer =
        OAuth1Signer.builder("dpf43f3p2l4k3l03", "kd94hf93k423kf44")
            .token("nnch734d00sl2jdk", "pfkkdhi9sl3r4s00")
            .clock(Clock.fixed(Instant.ofEpochSecond(1191242096), ZoneOffset.UTC))
            .nonceSource(() -> "kllo9940pd9333jh")
            .build();

    String header =
        signer.authorizationHeader("GET", URI.create("http://photos.example.net/photos?file=vacation.jpg&size=original"));

    assertThat(header)
        .isEqualTo(
            "OAuth oauth_consumer_key=\"dpf43f3p2l4k3l03\", oauth_nonce=\"kllo9940pd9333jh\","
                + " oauth_signature=\"tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D\", oauth_signature_method=\"HMAC-SHA1\","
                + " oauth_timestamp=\"1191242096\", oauth_token=\"nnch734d00sl2jdk\", oauth_version=\"1.0\"");
  }

  @Test
  @DisplayName("spotler-api.md §1.2: Mail+ header has no oauth_token, and the signing key is pct(secret)&")
  void writes_a_one_legged_header_for_mail_plus() {
    OAuth1Signer signer =
        OAuth1Signer.builder("key", "s3cr&t")
            .clock(Clock.fixed(Instant.ofEpochSecond(1700000000), ZoneOffset.UTC))
            .nonceSource(() -> "abc123")
            .build();
    URI uri = URI.create("https://restapi.mailplus.nl/integrationservice/contact/updates/list?fromDate=2024-05-01T10%3A00%3A00%2B02%3A00&pageSize=2");

    String header = signer.authorizationHeader("GET", uri);

    assertThat(header)
        .startsWith("OAuth oauth_consumer_key=\"key\", oauth_nonce=\"abc123\", oauth_signature=\"")
        .endsWith("\", oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1700000000\", oauth_version=\"1.0\"")
        .doesNotContain("oauth_token")
        .doesNotContain("s3cr");
    assertThat(decodedSignature(header))
        .isEqualTo(independentHmac("s3cr%26t&", OAuth1Signer.signatureBaseString("GET", uri, "", Map.of(
            "oauth_consumer_key", "key",
            "oauth_nonce", "abc123",
            "oauth_signature_method", "HMAC-SHA1",
            "oauth_timestamp", "1700000000",
            "oauth_version", "1.0"))));
  }

  @Test
  @DisplayName("spotler-api.md §8 Q1: query parameters are signed, so changing one changes the signature")
  void signs_query_parameters() {
    OAuth1Signer signer =
        OAuth1Signer.builder("key", "secret")
            .clock(Clock.fixed(Instant.ofEpochSecond(1700000000), ZoneOffset.UTC))
            .nonceSource(() -> "n")
            .build();

    String page1 = signer.authorizationHeader("GET", URI.create("https://h/x/contact/updates/list?after=0&pageSize=10"));
    String page2 = signer.authorizationHeader("GET", URI.create("https://h/x/contact/updates/list?after=10&pageSize=10"));

    assertThat(decodedSignature(page1)).isNotEqualTo(decodedSignature(page2));
  }

  @Test
  void uses_a_fresh_random_nonce_per_request() {
    OAuth1Signer signer = OAuth1Signer.of("key", "secret");
    URI uri = URI.create("https://h/x");

    assertThat(nonce(signer.authorizationHeader("GET", uri)))
        .matches("[0-9a-f]{32}")
        .isNotEqualTo(nonce(signer.authorizationHeader("GET", uri)));
  }

  @Test
  void rejects_missing_credentials() {
    assertThatThrownBy(() -> OAuth1Signer.of(" ", "secret")).hasMessage("consumerKey cannot be null or blank");
    assertThatThrownBy(() -> OAuth1Signer.of("key", null)).hasMessage("consumerSecret cannot be null or blank");
  }

  private static String decodedSignature(String header) {
    return PercentEncoding.decode(headerValue(header, "oauth_signature"), false);
  }

  private static String nonce(String header) {
    return headerValue(header, "oauth_nonce");
  }

  private static String headerValue(String header, String name) {
    Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(header);
    assertThat(m.find()).as("header has %s", name).isTrue();
    return m.group(1);
  }

  private static String independentHmac(String key, String baseString) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
