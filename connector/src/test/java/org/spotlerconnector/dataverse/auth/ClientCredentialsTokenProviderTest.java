package org.spotlerconnector.dataverse.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.dataverse.TestClock;
import org.spotlerconnector.http.TransientHttpException;
import org.spotlerconnector.sandbox.entra.AccessTokens;
import org.spotlerconnector.sandbox.entra.EntraIdEmulator;
import org.spotlerconnector.sandbox.http.EmulatorServer;
import org.spotlerconnector.sandbox.http.FaultRule;

/** The plain client-credentials provider against the Entra ID emulator over real HTTP, with a shared fake clock. */
class ClientCredentialsTokenProviderTest {
  private static final String TENANT = "contoso.onmicrosoft.com";
  private static final String CLIENT_ID = "8f2c1e0a-1111-4222-8333-944455556666";
  private static final String SECRET = "v3ry~s3cret.value";
  private static final String SCOPE = "https://contoso.crm4.dynamics.com/.default";

  private final TestClock clock = new TestClock();
  private final AccessTokens tokens = new AccessTokens(clock);
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private EmulatorServer entra;

  @BeforeEach
  void start() throws Exception {
    entra = EmulatorServer.start(new EntraIdEmulator(tokens).register(TENANT, CLIENT_ID, SECRET), 0, 1);
  }

  @AfterEach
  void stop() {
    entra.close();
  }

  private ClientCredentialsTokenProvider provider(String secret) {
    ClientCredentials credentials =
        new ClientCredentials(URI.create(entra.baseUrl() + "/"), null, TENANT, CLIENT_ID, secret, SCOPE);
    return new ClientCredentialsTokenProvider(credentials, http, clock, Duration.ofSeconds(5));
  }

  private long tokenRequests() {
    return entra.requestLog().count(e -> e.path().endsWith("/oauth2/v2.0/token"));
  }

  @Test
  @DisplayName("dataverse-api.md §1.1: POSTs the client-credentials form to <authority>/<tenant>/oauth2/v2.0/token")
  void posts_the_client_credentials_form() {
    AccessToken token = provider(SECRET).token();

    assertThat(tokens.validate(token.value())).hasValueSatisfying(issued -> {
      assertThat(issued.clientId()).isEqualTo(CLIENT_ID);
      assertThat(issued.audience()).isEqualTo("https://contoso.crm4.dynamics.com");
    });
    assertThat(entra.requestLog().entries()).singleElement().satisfies(e -> {
      assertThat(e.method()).isEqualTo("POST");
      assertThat(e.path()).isEqualTo("/" + TENANT + "/oauth2/v2.0/token");
      assertThat(e.body()).contains("grant_type=client_credentials", "client_id=" + CLIENT_ID, "scope=https");
    });
  }

  @Test
  @DisplayName("§1.1: a token lasts about an hour; it is reused, then renewed five minutes before it expires")
  void reuses_the_token_until_five_minutes_before_expiry() {
    ClientCredentialsTokenProvider provider = provider(SECRET);
    AccessToken first = provider.token();

    clock.advance(Duration.ofMinutes(54));
    AccessToken stillFirst = provider.token();
    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    AccessToken second = provider.token();

    assertThat(stillFirst).isEqualTo(first);
    assertThat(second.value()).isNotEqualTo(first.value());
    assertThat(tokenRequests()).isEqualTo(2);
  }

  @Test
  void renews_a_short_lived_token_after_80_percent_of_its_lifetime() {
    tokens.lifetime(Duration.ofSeconds(100));
    ClientCredentialsTokenProvider provider = provider(SECRET);
    AccessToken first = provider.token();

    clock.advance(Duration.ofSeconds(79));
    assertThat(provider.token()).isEqualTo(first);
    clock.advance(Duration.ofSeconds(2));
    assertThat(provider.token()).isNotEqualTo(first);
  }

  @Test
  void invalidating_the_cached_token_fetches_a_new_one_and_a_stale_report_is_ignored() {
    ClientCredentialsTokenProvider provider = provider(SECRET);
    AccessToken first = provider.token();

    provider.invalidate(first);
    AccessToken second = provider.token();
    provider.invalidate(first); // a late report about the old token must not throw away the new one
    AccessToken third = provider.token();

    assertThat(second).isNotEqualTo(first);
    assertThat(third).isEqualTo(second);
    assertThat(tokenRequests()).isEqualTo(2);
  }

  @Test
  @DisplayName("§1.1: invalid_client becomes a clear configuration error that names the AADSTS code, not the secret")
  void a_wrong_secret_is_a_configuration_error() {
    String wrongSecret = "wr0ng-secret-value";

    assertThatThrownBy(() -> provider(wrongSecret).token())
        .isInstanceOfSatisfying(TokenAcquisitionException.class, e -> {
          assertThat(e.status()).isEqualTo(401);
          assertThat(e.error()).isEqualTo("invalid_client");
          assertThat(e.getMessage()).contains("AADSTS7000215", "client secret").doesNotContain(wrongSecret, SECRET);
        });
  }

  @Test
  void an_unknown_tenant_is_a_configuration_error() {
    ClientCredentials credentials =
        new ClientCredentials(URI.create(entra.baseUrl()), null, "other-tenant", CLIENT_ID, SECRET, SCOPE);

    ClientCredentialsTokenProvider provider =
        new ClientCredentialsTokenProvider(credentials, http, clock, Duration.ofSeconds(5));

    assertThatThrownBy(provider::token)
        .isInstanceOf(TokenAcquisitionException.class).hasMessageContaining("AADSTS90002");
  }

  @Test
  void a_503_from_the_token_endpoint_is_transient_and_carries_retry_after() {
    entra.faults().add(FaultRule.status(503).retryAfter(7).times(1));

    assertThatThrownBy(() -> provider(SECRET).token())
        .isInstanceOfSatisfying(TransientHttpException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        });
  }

  @Test
  void keeps_using_a_still_valid_token_when_its_renewal_fails() {
    ClientCredentialsTokenProvider provider = provider(SECRET);
    AccessToken first = provider.token();
    clock.advance(Duration.ofMinutes(56)); // due for renewal, valid for 4 more minutes
    entra.faults().add(FaultRule.status(503).times(1));

    assertThat(provider.token()).isEqualTo(first);
    assertThat(provider.token()).isNotEqualTo(first);
  }

  @Test
  void an_unreachable_token_endpoint_is_transient() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ClientCredentials credentials = new ClientCredentials(
        URI.create("http://127.0.0.1:" + closedPort), null, TENANT, CLIENT_ID, SECRET, SCOPE);

    ClientCredentialsTokenProvider provider =
        new ClientCredentialsTokenProvider(credentials, http, clock, Duration.ofSeconds(2));

    assertThatThrownBy(provider::token)
        .isInstanceOfSatisfying(TransientHttpException.class, e -> assertThat(e.status()).isZero());
  }

  @Test
  void many_threads_asking_at_once_cause_one_token_request() throws Exception {
    entra.latency().set(200, 0);
    ClientCredentialsTokenProvider provider = provider(SECRET);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<AccessToken>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        answers.add(pool.submit(provider::token));
      }
      Set<AccessToken> distinct = new HashSet<>();
      for (Future<AccessToken> answer : answers) {
        distinct.add(answer.get(10, TimeUnit.SECONDS));
      }

      assertThat(distinct).hasSize(1);
      assertThat(tokenRequests()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
