package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MailPlusAuthConformanceTest extends MailPlusHttpTest {

  @Test
  @DisplayName("spotler-api.md §1.2: a call signed HMAC-SHA1 with key, nonce, timestamp and version is accepted")
  void accepts_a_correctly_signed_call() {
    assertThat(get("/contact/properties/list").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("spotler-api.md §1.2: no Authorization header gives 401 NOT_AUTHORIZED")
  void refuses_a_call_without_authorization() {
    Reply reply = call("GET", "/contact/properties/list").unsigned().send();

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.errorType()).isEqualTo("NOT_AUTHORIZED");
    assertThat(reply.header("Content-Type")).startsWith("application/json");
  }

  @Test
  @DisplayName("spotler-api.md §1.2, §7.1: a wrong consumer key is a credential error (401)")
  void refuses_an_unknown_consumer_key() {
    Reply reply = call("GET", "/contact/properties/list").credentials("someone-else", SECRET).send();

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.errorType()).isEqualTo("AUTH_NOT_FOUND");
  }

  @Test
  @DisplayName("spotler-api.md §1.2: a signature made with the wrong secret gives 401")
  void refuses_a_bad_signature() {
    Reply reply = call("GET", "/contact/properties/list").credentials(KEY, "wrong-secret").send();

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.errorType()).isEqualTo("NOT_AUTHORIZED");
  }

  @Test
  @DisplayName("spotler-api.md §1.2, Q1: query parameters are part of the signature base string")
  void accepts_query_parameters_in_the_signature_and_refuses_a_signature_without_them() {
    String feed = "/contact/updates/list?fromDate=2024-05-01T00:00:00&toDate=2024-05-02T00:00:00&pageSize=10";

    assertThat(call("GET", feed).send().status()).isEqualTo(200);
    Reply unsignedQuery = call("GET", feed).withoutQueryInSignature().send();
    assertThat(unsignedQuery.status()).isEqualTo(401);
    assertThat(unsignedQuery.errorType()).isEqualTo("NOT_AUTHORIZED");
  }

  @Test
  @DisplayName("spotler-api.md §1.2, §7.4: an encoded '+' in a query value is signed as '+' (its decoded form)")
  void signs_percent_encoded_query_values_in_decoded_form() {
    String feed = "/contact/updates/list?fromDate=2024-05-01T00:00:00%2B02:00&toDate=2024-05-02T00:00:00%2B02:00&pageSize=10";

    assertThat(call("GET", feed).send().status()).isEqualTo(200);
  }

  @Test
  @DisplayName("spotler-api.md §1.2: the JSON body is not signed, so a body change keeps the signature valid")
  void does_not_sign_the_body() {
    Reply reply =
        call("POST", "/contact")
            .body("{\"update\":true,\"contact\":{\"externalId\":\"c-1\",\"properties\":{\"firstName\":\"Jan\"}}}")
            .send();

    assertThat(reply.status()).isEqualTo(204);
  }

  @Test
  @DisplayName("RFC 5849 §3.3: a timestamp more than the window (300 s) away from the server clock gives 401")
  void refuses_a_stale_timestamp() {
    long now = clock.instant().getEpochSecond();

    assertThat(call("GET", "/contact/properties/list").timestamp(now - 301).send().status()).isEqualTo(401);
    assertThat(call("GET", "/contact/properties/list").timestamp(now + 301).send().status()).isEqualTo(401);
    assertThat(call("GET", "/contact/properties/list").timestamp(now - 300).send().status()).isEqualTo(200);
  }

  @Test
  @DisplayName("RFC 5849 §3.3: a nonce used before by the same key within the window gives 401")
  void refuses_a_reused_nonce() {
    assertThat(call("GET", "/contact/properties/list").nonce("n-1").send().status()).isEqualTo(200);

    Reply replay = call("GET", "/contact/properties/list").nonce("n-1").send();

    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.json().path("message").asText()).contains("nonce");
  }

  @Test
  @DisplayName("RFC 5849 §3.3: a nonce is remembered only while its timestamp is acceptable")
  void forgets_nonces_whose_timestamp_has_expired() {
    assertThat(call("GET", "/contact/properties/list").nonce("n-2").send().status()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(301));

    assertThat(call("GET", "/contact/properties/list").nonce("n-2").send().status()).isEqualTo(200);
  }

  @Test
  @DisplayName("spotler-api.md §1.2: the signature method is HMAC-SHA1; PLAINTEXT is refused")
  void refuses_other_signature_methods() {
    String header =
        "OAuth oauth_consumer_key=\"" + KEY + "\",oauth_nonce=\"x\",oauth_signature=\"" + IndependentSigner.enc(IndependentSigner.enc(SECRET) + "&")
            + "\",oauth_signature_method=\"PLAINTEXT\",oauth_timestamp=\"" + clock.instant().getEpochSecond() + "\"";

    Reply reply = call("GET", "/contact/properties/list").authorization(header).send();

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  @DisplayName("spotler-api.md §1.2: one-legged OAuth has no token; a request with oauth_token is refused")
  void refuses_an_oauth_token() {
    String signed =
        IndependentSigner.header("GET", java.net.URI.create(call("GET", "/contact/properties/list").url()), KEY, SECRET, "t", clock.instant().getEpochSecond(), true);

    Reply reply = call("GET", "/contact/properties/list").authorization(signed + ",oauth_token=\"abc\"").send();

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  @DisplayName("spotler-api.md §1.2: the separator between header parameters may be ',' or ', '")
  void accepts_both_header_separators() {
    String url = call("GET", "/contact/properties/list").url();
    String commaOnly = IndependentSigner.header("GET", java.net.URI.create(url), KEY, SECRET, "s-1", clock.instant().getEpochSecond(), true);
    String commaSpace = IndependentSigner.header("GET", java.net.URI.create(url), KEY, SECRET, "s-2", clock.instant().getEpochSecond(), true).replace("\",", "\", ");

    assertThat(call("GET", "/contact/properties/list").authorization(commaOnly).send().status()).isEqualTo(200);
    assertThat(call("GET", "/contact/properties/list").authorization(commaSpace).send().status()).isEqualTo(200);
  }

  @Test
  @DisplayName("RFC 5849 §3.4.1.2: the base URL is the one the client called; a signature for another host fails")
  void verifies_against_the_host_the_client_called() {
    Reply reply =
        call("GET", "/contact/properties/list").signedFor("http://restapi.mailplus.nl/integrationservice/contact/properties/list").send();

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  @DisplayName("RFC 5849 §3.4.1.2: a signature for another path fails")
  void refuses_a_signature_for_another_path() {
    Reply reply = call("GET", "/contact/c-1").signedFor(call("GET", "/contact/c-2").url()).send();

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  @DisplayName("OAuthHeaderTool builds headers the emulator accepts, query included (for curl)")
  void accepts_headers_from_the_command_line_tool() {
    String url = call("GET", "/contact/updates/list?fromDate=2024-05-01T00:00:00&toDate=2024-05-02T00:00:00&pageSize=5").url();
    String header =
        OAuthHeaderTool.authorizationHeader("GET", url, KEY, SECRET, "tool-nonce", clock.instant().getEpochSecond());

    Reply reply =
        call("GET", "/contact/updates/list?fromDate=2024-05-01T00:00:00&toDate=2024-05-02T00:00:00&pageSize=5")
            .authorization(header)
            .send();

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  @DisplayName("spotler-api.md §1.2: a malformed OAuth header is refused with 401, not a crash")
  void refuses_malformed_headers() {
    for (String header : new String[] {"Bearer abc", "OAuth", "OAuth oauth_consumer_key=unquoted", "OAuth a=\"1\" b=\"2\"", "OAuth a=\"1\",a=\"1\""}) {
      assertThat(call("GET", "/contact/properties/list").authorization(header).send().status()).as(header).isEqualTo(401);
    }
  }

  @Test
  @DisplayName("Swagger spec: paths outside /integrationservice do not exist (404)")
  void answers_404_outside_the_api() {
    Reply reply = call("GET", "/contact/properties/list").prefix("/other").send();

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorType()).isEqualTo("RESOURCE_NOT_FOUND");
  }
}
