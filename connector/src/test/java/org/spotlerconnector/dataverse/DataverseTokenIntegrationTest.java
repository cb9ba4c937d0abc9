package org.spotlerconnector.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.dataverse.auth.ClientCredentials;
import org.spotlerconnector.dataverse.auth.ClientCredentialsTokenProvider;
import org.spotlerconnector.dataverse.auth.TokenAcquisitionException;
import org.spotlerconnector.sandbox.http.RequestLog;

/** Tokens from the Entra ID emulator used against the Dataverse emulator (dataverse-api.md §1), on a fake clock. */
class DataverseTokenIntegrationTest {
  private final TestClock clock = new TestClock();
  private final DataverseSandbox sandbox = new DataverseSandbox(clock);
  private final DataverseClient client = sandbox.client();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  @DisplayName("§1.3: one token serves many requests")
  void fetches_one_token_and_reuses_it() {
    for (int i = 0; i < 5; i++) {
      client.get("WhoAmI");
    }

    assertThat(sandbox.tokenRequests()).isEqualTo(1);
  }

  @Test
  @DisplayName("§1.1: tokens expire (about an hour); a new one is fetched before the old one is refused")
  void fetches_a_new_token_before_the_old_one_expires() {
    sandbox.tokens.lifetime(Duration.ofMinutes(10));
    client.get("WhoAmI");

    clock.advance(Duration.ofMinutes(9));
    client.get("WhoAmI");
    clock.advance(Duration.ofMinutes(2)); // the first token has expired now
    client.get("WhoAmI");

    assertThat(sandbox.tokenRequests()).isEqualTo(2);
    assertThat(sandbox.apiRequests()).extracting(RequestLog.Entry::status).containsExactly(200, 200, 200);
  }

  @Test
  @DisplayName("§2.1: a 401 (token revoked) renews the token once and repeats the request")
  void a_refused_token_is_renewed_once() {
    client.get("WhoAmI");
    sandbox.tokens.revokeAll();

    client.get("WhoAmI");

    assertThat(sandbox.apiRequests()).extracting(RequestLog.Entry::status).containsExactly(200, 401, 200);
    assertThat(sandbox.tokenRequests()).isEqualTo(2);
  }

  @Test
  void a_token_for_another_environment_is_an_access_problem_not_retried_forever() {
    DataverseClient wrongAudience = DataverseClient.builder(sandbox.settings().build())
        .tokenProvider(new ClientCredentialsTokenProvider(
            new ClientCredentials(
                URI.create(sandbox.entraServer.baseUrl()), null, DataverseSandbox.TENANT,
                DataverseSandbox.CLIENT_ID, DataverseSandbox.SECRET, "https://other.crm4.dynamics.com/.default"),
            HttpClient.newHttpClient(), clock, Duration.ofSeconds(5)))
        .clock(clock)
        .build();

    assertThatThrownBy(() -> wrongAudience.get("WhoAmI")).isInstanceOf(AccessDeniedException.class);
    List<Integer> statuses = sandbox.apiRequests().stream().map(RequestLog.Entry::status).toList();
    assertThat(statuses).containsExactly(401, 401);
  }

  @Test
  @DisplayName("§1.1: a wrong client secret fails fast with the identity provider's reason")
  void a_wrong_secret_fails_without_retrying() {
    DataverseClient wrongSecret = DataverseClient.builder(
            DataverseSettings.builder(sandbox.settings().build().environmentUrl(), DataverseSandbox.TENANT,
                    DataverseSandbox.CLIENT_ID, "not-the-secret")
                .tokenEndpoint(sandbox.settings().build().tokenEndpoint())
                .build())
        .clock(clock)
        .build();

    assertThatThrownBy(() -> wrongSecret.get("WhoAmI"))
        .isInstanceOf(TokenAcquisitionException.class).hasMessageContaining("invalid_client")
        .hasMessageNotContaining("not-the-secret");
    assertThat(sandbox.tokenRequests()).isEqualTo(1);
    assertThat(sandbox.apiRequests()).isEmpty();
  }
}
