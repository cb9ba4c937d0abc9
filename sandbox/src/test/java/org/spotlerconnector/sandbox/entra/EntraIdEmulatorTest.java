package org.spotlerconnector.sandbox.entra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.MutableClock;
import org.spotlerconnector.sandbox.http.EmulatorServer;
import org.spotlerconnector.sandbox.http.Json;

/** Conformance of the token endpoint with dataverse-api.md §1.1 (client-credentials grant, v2 endpoint). */
class EntraIdEmulatorTest {
  private static final String TENANT = "11111111-2222-3333-4444-555555555555";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
  private final AccessTokens tokens = new AccessTokens(clock);
  private final HttpClient client = HttpClient.newHttpClient();
  private EmulatorServer server;

  @BeforeEach
  void start() throws Exception {
    server = EmulatorServer.start(new EntraIdEmulator(tokens).register(TENANT, "app-1", "s3cret"), 0, 1);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("§1.1: client credentials give a Bearer token with expires_in and ext_expires_in, no refresh token")
  void issues_a_bearer_token_for_the_resource_of_the_default_scope() throws Exception {
    var response = token(TENANT, "grant_type=client_credentials&client_id=app-1&client_secret=s3cret&scope=https%3A%2F%2Fcontoso.crm4.dynamics.com%2F.default");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = Json.MAPPER.readTree(response.body());
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
    assertThat(body.has("ext_expires_in")).isTrue();
    assertThat(body.has("refresh_token")).isFalse();
    var issued = tokens.validate(body.get("access_token").asText()).orElseThrow();
    assertThat(issued.audience()).isEqualTo("https://contoso.crm4.dynamics.com");
    assertThat(issued.clientId()).isEqualTo("app-1");
  }

  @Test
  @DisplayName("MSAL sends the reserved scopes openid, profile and offline_access along with <resource>/.default")
  void ignores_the_reserved_openid_scopes_that_msal_adds() throws Exception {
    var response = token(TENANT, "grant_type=client_credentials&client_id=app-1&client_secret=s3cret&scope=https%3A%2F%2Fx.example%2F.default+openid+profile+offline_access");

    assertThat(response.statusCode()).isEqualTo(200);
    String token = Json.MAPPER.readTree(response.body()).get("access_token").asText();
    assertThat(tokens.validate(token).orElseThrow().audience()).isEqualTo("https://x.example");
  }

  @Test
  @DisplayName("§1.1: a wrong secret gets 401 invalid_client with an AADSTS code, error_codes, trace and correlation ids")
  void rejects_a_wrong_secret_with_invalid_client() throws Exception {
    var response = token(TENANT, "grant_type=client_credentials&client_id=app-1&client_secret=wrong&scope=x%2F.default");

    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode body = Json.MAPPER.readTree(response.body());
    assertThat(body.get("error").asText()).isEqualTo("invalid_client");
    assertThat(body.get("error_description").asText()).startsWith("AADSTS7000215:");
    assertThat(body.get("error_codes").get(0).asInt()).isEqualTo(7000215);
    assertThat(body.has("timestamp") && body.has("trace_id") && body.has("correlation_id")).isTrue();
  }

  @Test
  void rejects_an_unknown_client_tenant_grant_and_a_scope_without_default() throws Exception {
    assertThat(errorOf(token(TENANT, "grant_type=client_credentials&client_id=nope&client_secret=s&scope=x%2F.default"))).isEqualTo("unauthorized_client");
    assertThat(errorOf(token("other-tenant", "grant_type=client_credentials&client_id=app-1&client_secret=s3cret&scope=x%2F.default"))).isEqualTo("invalid_request");
    assertThat(errorOf(token(TENANT, "grant_type=password&client_id=app-1&client_secret=s3cret&scope=x%2F.default"))).isEqualTo("unsupported_grant_type");
    assertThat(errorOf(token(TENANT, "grant_type=client_credentials&client_id=app-1&client_secret=s3cret&scope=x%2Fuser_impersonation"))).isEqualTo("invalid_scope");
    assertThat(errorOf(token(TENANT, "grant_type=client_credentials&client_id=app-1&client_secret=s3cret"))).isEqualTo("invalid_request");
  }

  @Test
  @DisplayName("§1.1: tokens last about an hour; an expired token is no longer accepted")
  void tokens_expire_after_their_lifetime() throws Exception {
    var response = token(TENANT, "grant_type=client_credentials&client_id=app-1&client_secret=s3cret&scope=r%2F.default");
    String token = Json.MAPPER.readTree(response.body()).get("access_token").asText();

    clock.advance(Duration.ofMinutes(59));
    assertThat(tokens.validate(token)).isPresent();
    clock.advance(Duration.ofMinutes(1));
    assertThat(tokens.validate(token)).isEmpty();
  }

  @Test
  void garbage_never_crashes_the_endpoint() throws Exception {
    var garbage = client.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/" + TENANT + "/oauth2/v2.0/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("%%%&&==&grant_type"))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(garbage.statusCode()).isBetween(400, 499);
    assertThat(token(TENANT, "grant_type=client_credentials&client_id=app-1&client_secret=s3cret&scope=r%2F.default").statusCode()).isEqualTo(200);
  }

  private String errorOf(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isBetween(400, 401);
    return Json.MAPPER.readTree(response.body()).get("error").asText();
  }

  private HttpResponse<String> token(String tenant, String form) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/" + tenant + "/oauth2/v2.0/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
