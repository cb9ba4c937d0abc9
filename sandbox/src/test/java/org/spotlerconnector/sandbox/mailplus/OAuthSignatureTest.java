package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spotlerconnector.sandbox.http.HttpRequest;

class OAuthSignatureTest {

  @Test
  @DisplayName("RFC 5849 §3.4.1.1: the example signature base string, with repeated, encoded and empty parameters")
  void builds_the_rfc_5849_example_base_string() {
    List<OAuthSignature.Param> params = new ArrayList<>(OAuthSignature.queryParameters("b5=%3D%253D&a3=a&c%40=&a2=r%20b"));
    params.add(new OAuthSignature.Param("oauth_consumer_key", "9djdj82h48djs9d2"));
    params.add(new OAuthSignature.Param("oauth_token", "kkk9d7dh3k39sjv7"));
    params.add(new OAuthSignature.Param("oauth_signature_method", "HMAC-SHA1"));
    params.add(new OAuthSignature.Param("oauth_timestamp", "137131201"));
    params.add(new OAuthSignature.Param("oauth_nonce", "7d8f3e4a"));
    params.addAll(OAuthSignature.queryParameters("c2&a3=2+q")); // the example's form body, decoded the same way

    String baseString = OAuthSignature.baseString("post", OAuthSignature.baseUri("http", "example.com", "/request"), params);

    assertThat(baseString)
        .isEqualTo(
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7");
  }

  @Test
  @DisplayName("RFC 5849 §3.4.1.2: base URI lowercases scheme and host, drops default ports, keeps other ports and the path")
  void normalises_the_base_uri() {
    assertThat(OAuthSignature.baseUri("HTTP", "EXAMPLE.COM:80", "/r%20v/X")).isEqualTo("http://example.com/r%20v/X");
    assertThat(OAuthSignature.baseUri("https", "www.example.net:8080", "/")).isEqualTo("https://www.example.net:8080/");
    assertThat(OAuthSignature.baseUri("https", "restapi.mailplus.nl:443", "/integrationservice/contact"))
        .isEqualTo("https://restapi.mailplus.nl/integrationservice/contact");
    assertThat(OAuthSignature.baseUri("http", "127.0.0.1:8082", "/x")).isEqualTo("http://127.0.0.1:8082/x");
    assertThat(OAuthSignature.baseUri("http", "[::1]:80", "/x")).isEqualTo("http://[::1]/x");
  }

  @Test
  @DisplayName("RFC 5849 §1.2: the photos.example.net HMAC-SHA1 signature (consumer and token secret)")
  void signs_the_rfc_5849_example() {
    List<OAuthSignature.Param> params = new ArrayList<>(OAuthSignature.queryParameters("file=vacation.jpg&size=original"));
    Map.of(
            "oauth_consumer_key", "dpf43f3p2l4k3l03",
            "oauth_token", "nnch734d00sl2jdk",
            "oauth_signature_method", "HMAC-SHA1",
            "oauth_timestamp", "137131202",
            "oauth_nonce", "chapoH")
        .forEach((k, v) -> params.add(new OAuthSignature.Param(k, v)));
    String baseString = OAuthSignature.baseString("GET", OAuthSignature.baseUri("http", "photos.example.net", "/photos"), params);

    assertThat(OAuthSignature.hmacSha1(baseString, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00")).isEqualTo("MdpQcU8iPSUjWoN/UDMsK2sui9I=");
  }

  @Test
  @DisplayName("spotler-api.md §1.2: Mail+ has no token, so the key is enc(secret)&; header tool output is reproducible")
  void builds_a_reproducible_header() {
    String header =
        OAuthHeaderTool.authorizationHeader(
            "GET", "http://127.0.0.1:8082/integrationservice/contact/search?pageSize=1&MPSearchQuery=email%3Da%40b.nl", "key", "s&cret", "abc", 1714550400L);

    Map<String, String> params = OAuthHeader.parse(header);
    assertThat(params)
        .containsEntry("oauth_consumer_key", "key")
        .containsEntry("oauth_nonce", "abc")
        .containsEntry("oauth_signature_method", "HMAC-SHA1")
        .containsEntry("oauth_timestamp", "1714550400")
        .containsEntry("oauth_version", "1.0")
        .doesNotContainKey("oauth_token");
    String expectedBase =
        "GET&http%3A%2F%2F127.0.0.1%3A8082%2Fintegrationservice%2Fcontact%2Fsearch&MPSearchQuery%3Demail%253Da%2540b.nl%26"
            + "oauth_consumer_key%3Dkey%26oauth_nonce%3Dabc%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1714550400%26"
            + "oauth_version%3D1.0%26pageSize%3D1";
    assertThat(params.get("oauth_signature")).isEqualTo(OAuthSignature.hmacSha1(expectedBase, "s&cret", ""));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 5849})
  @DisplayName("RFC 5849 §3.6: percent-encoding leaves only unreserved characters and decodes back to the input")
  void percent_encoding_round_trips(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 500; i++) {
      String text = randomText(random);

      String encoded = OAuthSignature.percentEncode(text);

      assertThat(encoded).as("seed %d, input %s", seed, text).matches("[A-Za-z0-9\\-._~%]*").doesNotContain("%7E");
      assertThat(HttpRequest.decode(encoded, false)).as("seed %d", seed).isEqualTo(text);
    }
  }

  /** Mostly the characters that trip signers up: reserved ASCII, spaces, '+', '~', '*', accents and astral symbols. */
  private static String randomText(Random random) {
    String tricky = " +*~%&=?/:#@!$'(),;[]\"<>\\^`{|}\t\n-._";
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(20);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(4)) {
        case 0 -> text.append(tricky.charAt(random.nextInt(tricky.length())));
        case 1 -> text.append((char) ('!' + random.nextInt(94)));
        case 2 -> text.append((char) (0xA0 + random.nextInt(0x2000)));
        default -> text.appendCodePoint(0x1F300 + random.nextInt(0x300));
      }
    }
    return text.toString();
  }

  @Test
  @DisplayName("RFC 5849 §3.5.1: the header parser takes ',' and ', ' separators and refuses other schemes and repeats")
  void parses_authorization_headers() {
    assertThat(OAuthHeader.parse("OAuth a=\"1\",b=\"x%20y\", c=\"\"")).containsExactly(Map.entry("a", "1"), Map.entry("b", "x y"), Map.entry("c", ""));
    assertThat(OAuthHeader.parse("oauth realm=\"r\" , a=\"1\"")).containsEntry("realm", "r");
    assertThatThrownBy(() -> OAuthHeader.parse("Basic abc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OAuthHeader.parse("OAuth a=\"1\" b=\"2\"")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OAuthHeader.parse("OAuth a=\"1\",a=\"2\"")).isInstanceOf(IllegalArgumentException.class);
  }
}
