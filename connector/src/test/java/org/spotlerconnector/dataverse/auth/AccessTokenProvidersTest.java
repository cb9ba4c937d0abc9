package org.spotlerconnector.dataverse.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AccessTokenProvidersTest {
  private static final String SCOPE = "https://contoso.crm4.dynamics.com/.default";

  private static ClientCredentials credentials(String authority, String tokenEndpoint) {
    return new ClientCredentials(
        URI.create(authority), tokenEndpoint == null ? null : URI.create(tokenEndpoint), "tenant", "client", "secret",
        SCOPE);
  }

  private static AccessTokenProvider create(ClientCredentials credentials) {
    HttpClient http = HttpClient.newHttpClient();
    return AccessTokenProviders.create(credentials, http, Clock.systemUTC(), Duration.ofSeconds(5));
  }

  @Test
  @DisplayName("design.md §7: MSAL4J for Entra ID over https")
  void entra_id_gets_msal() {
    assertThat(create(credentials("https://login.microsoftonline.com/", null))).isInstanceOf(MsalTokenProvider.class);
    assertThat(create(credentials("https://LOGIN.microsoftonline.us", null))).isInstanceOf(MsalTokenProvider.class);
  }

  @Test
  @DisplayName("dataverse-api.md §1.3: MSAL4J needs https and Microsoft's instance discovery; other hosts go plain")
  void other_token_endpoints_get_the_plain_provider() {
    assertThat(create(credentials("http://127.0.0.1:8081/", null)))
        .isInstanceOf(ClientCredentialsTokenProvider.class);
    assertThat(create(credentials("http://login.microsoftonline.com/", null)))
        .isInstanceOf(ClientCredentialsTokenProvider.class);
    assertThat(create(credentials("https://idp.example.com/", null)))
        .isInstanceOf(ClientCredentialsTokenProvider.class);
  }

  @Test
  void an_explicit_token_endpoint_is_always_called_as_given() {
    ClientCredentials explicit =
        credentials("https://login.microsoftonline.com/", "http://127.0.0.1:9/tenant/oauth2/v2.0/token");

    assertThat(create(explicit)).isInstanceOf(ClientCredentialsTokenProvider.class);
    assertThat(explicit.tokenEndpoint()).hasToString("http://127.0.0.1:9/tenant/oauth2/v2.0/token");
  }

  @Test
  void the_derived_endpoint_is_the_one_msal_computes() {
    // dataverse-api.md §1.1: AAD_TOKEN_ENDPOINT_FORMAT = "https://%s/%s/oauth2/v2.0/token"
    assertThat(credentials("https://login.microsoftonline.com", null).tokenEndpoint())
        .hasToString("https://login.microsoftonline.com/tenant/oauth2/v2.0/token");
    assertThat(credentials("https://login.microsoftonline.com", null).authority())
        .isEqualTo("https://login.microsoftonline.com/tenant/");
  }
}
