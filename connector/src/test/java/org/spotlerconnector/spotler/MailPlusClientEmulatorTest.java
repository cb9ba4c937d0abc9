package org.spotlerconnector.spotler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.EmulatorServer;
import org.spotlerconnector.sandbox.http.FaultRule;
import org.spotlerconnector.sandbox.http.RequestLog;
import org.spotlerconnector.sandbox.mailplus.MailPlusEmulator;

/** The client against the Mail+ emulator over real HTTP on 127.0.0.1; each test names the documented rule it relies on. */
class MailPlusClientEmulatorTest {
  private static final String KEY = "connector-key";
  private static final String SECRET = "connector-secret&+/";
  private static final int MAX_RETRIES = 3;

  private MailPlusEmulator emulator;
  private EmulatorServer server;
  private MailPlusClient client;

  @BeforeEach
  void start() throws IOException {
    emulator = MailPlusEmulator.builder().consumer(KEY, SECRET).build();
    server = EmulatorServer.start(emulator, 0, 42);
    client = client(MailPlusEmulator.DEFAULT_PATH_PREFIX, SECRET);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private MailPlusClient client(String prefix, String secret) {
    return MailPlusClient.create(
        MailPlusConfig.builder(KEY, secret)
            .baseUrl(server.baseUrl() + prefix)
            .requestTimeout(Duration.ofSeconds(5))
            .maxRetries(MAX_RETRIES)
            .backoff(Duration.ofMillis(10), Duration.ofMillis(40))
            .requestsPerSecond(1000)
            .build());
  }

  @Test
  @DisplayName("spotler-api.md §2.2: the property list is typed, set properties with their bit entries")
  void reads_the_property_list() {
    List<ContactProperty> properties = client.properties();

    ContactProperty permissions =
        properties.stream().filter(p -> p.name().equals("permissions")).findFirst().orElseThrow();
    assertThat(permissions.isSet()).isTrue();
    assertThat(permissions.entries()).extracting(SetPropertyEntry::bit).containsExactly(1L, 2L, 4L, 8L);
    assertThat(properties).extracting(ContactProperty::name).contains("email", "firstName");
  }

  @Test
  @DisplayName("spotler-api.md §2.9: 250 contacts go in 3 calls of at most 100, one result per contact")
  void upserts_contacts_in_chunks_of_100() {
    List<SpotlerContact> contacts =
        IntStream.range(0, 250)
            .mapToObj(i -> SpotlerContact.of("CRM-" + i).withProperty("email", "c" + i + "@example.nl").withPermission(1, true))
            .toList();

    List<ContactResult> results = client.upsertContacts(contacts);

    assertThat(results).hasSize(250).allMatch(ContactResult::isOk);
    assertThat(results.get(249).externalId()).isEqualTo("CRM-249");
    assertThat(apiCalls()).extracting(RequestLog.Entry::path).containsOnly("/integrationservice/contact/list").hasSize(3);
    assertThat(emulator.contactCount()).isEqualTo(250);
  }

  @Test
  @DisplayName("spotler-api.md §8 Q9: a rejected contact is a result with its reason; the rest of the batch is saved")
  void reports_a_rejected_contact_and_saves_the_rest() {
    List<ContactResult> results =
        client.upsertContacts(
            List.of(
                SpotlerContact.of("ok-1").withProperty("email", "one@example.nl"),
                SpotlerContact.of("bad").withProperty("email", "not an address"),
                SpotlerContact.of("ok-2").withProperty("email", "two@example.nl")));

    assertThat(results).extracting(ContactResult::externalId).containsExactly("ok-1", "bad", "ok-2");
    assertThat(results.get(1).code()).isEqualTo(ContactResultCode.PROPERTY_INVALID);
    assertThat(results.get(1).message()).isNotBlank();
    assertThat(results.get(0).isOk()).isTrue();
    assertThat(results.get(2).isOk()).isTrue();
    assertThat(emulator.contact("ok-2")).isPresent();
    assertThat(emulator.contact("bad")).isEmpty();
  }

  @Test
  @DisplayName("spotler-api.md §2.4-§2.6: insert, read back with epoch dates, partial update, permissions by bit")
  void writes_and_reads_a_single_contact() {
    client.insertOrUpdateContact(
        SpotlerContact.of("CRM-1").withProperty("email", "jan@example.nl").withProperty("firstName", "Jan").withPermission(1, true),
        false);
    client.updateContact("CRM-1", SpotlerContact.of("CRM-1").withPermission(2, true), false);

    SpotlerContact read = client.getContact("CRM-1").orElseThrow();

    assertThat(read.textProperty("firstName")).contains("Jan");
    assertThat(read.permission(1)).contains(true);
    assertThat(read.permission(2)).contains(true);
    assertThat(read.created()).isNotNull();
    assertThat(read.lastChanged()).isAfterOrEqualTo(read.created());
    assertThat(read.encryptedId()).isNotBlank();
  }

  @Test
  @DisplayName("spotler-api.md §1.2: an externalId with reserved characters is encoded in the path and signed as sent")
  void encodes_and_signs_reserved_characters_in_the_path() {
    String externalId = "CRM/1 +ü&x";
    client.insertOrUpdateContact(SpotlerContact.of(externalId).withProperty("email", "odd@example.nl"), false);

    assertThat(client.getContact(externalId)).map(SpotlerContact::externalId).contains(externalId);
    client.anonymize(externalId);
    // the emulator splits the raw path before decoding each segment: an unencoded '/' would be a 404
    assertThat(lastApiCall().path()).isEqualTo("/integrationservice/contact/anonymize/" + externalId);
    assertThat(lastApiCall().status()).isEqualTo(204);
  }

  @Test
  @DisplayName("spotler-api.md §2.6: 404 CONTACT_NOT_FOUND on read is an empty result, asked once")
  void reads_an_unknown_contact_as_empty_without_retrying() {
    assertThat(client.getContact("nobody")).isEmpty();
    assertThat(apiCalls()).hasSize(1);
  }

  @Test
  @DisplayName("spotler-api.md §2.10, §7.1: anonymizing an unknown contact is a typed not-found, never retried")
  void anonymizing_an_unknown_contact_fails_once() {
    assertThatThrownBy(() -> client.anonymize("nobody"))
        .isInstanceOfSatisfying(
            MailPlusNotFoundException.class, e -> assertThat(e.errorType()).contains("CONTACT_NOT_FOUND"));
    assertThat(apiCalls()).hasSize(1);
  }

  @Test
  @DisplayName("spotler-api.md §2.5: updating an unknown contact is a typed not-found")
  void updating_an_unknown_contact_fails_with_not_found() {
    assertThatThrownBy(() -> client.updateContact("nobody", SpotlerContact.of("nobody").withProperty("firstName", "X"), false))
        .isInstanceOf(MailPlusNotFoundException.class);
  }

  @Test
  @DisplayName("spotler-api.md §2.4: an invalid e-mail address is a 400 invalid request, never retried")
  void an_invalid_value_is_an_invalid_request() {
    assertThatThrownBy(() -> client.insertOrUpdateContact(SpotlerContact.of("x").withProperty("email", "nope"), false))
        .isInstanceOf(MailPlusInvalidRequestException.class);
    assertThat(apiCalls()).hasSize(1);
  }

  @Test
  @DisplayName("spotler-api.md §1.2: a wrong secret is a 401 configuration error, sent exactly once")
  void a_wrong_secret_is_not_retried() {
    MailPlusClient wrongSecret = client(MailPlusEmulator.DEFAULT_PATH_PREFIX, "not-the-secret");

    assertThatThrownBy(wrongSecret::properties)
        .isInstanceOf(MailPlusUnauthorizedException.class)
        .hasMessageContaining("consumer key and secret")
        .hasMessageNotContaining("not-the-secret");
    assertThat(apiCalls()).hasSize(1);
  }

  @Test
  @DisplayName("spotler-api.md §7.1: 5xx is retried with backoff until it succeeds")
  void retries_server_errors() {
    server.faults().add(FaultRule.status(503).times(2));

    assertThat(client.properties()).isNotEmpty();

    assertThat(apiCalls()).extracting(RequestLog.Entry::status).containsExactly(503, 503, 200);
  }

  @Test
  @DisplayName("spotler-api.md §7.1: no answer at all (dropped connection) is retried")
  void retries_a_dropped_connection() {
    server.faults().add(FaultRule.of(FaultRule.Kind.DROP_CONNECTION).times(1));

    List<ContactResult> results = client.upsertContacts(List.of(SpotlerContact.of("CRM-1").withProperty("email", "a@example.nl")));

    assertThat(results).singleElement().matches(ContactResult::isOk);
    assertThat(apiCalls()).extracting(RequestLog.Entry::status).containsExactly(0, 200);
  }

  @Test
  @DisplayName("spotler-api.md §7.2: a 429 storm is ridden out, waiting exactly Retry-After each time")
  void honours_retry_after_exactly() {
    server.faults().add(FaultRule.status(429).retryAfter(1).times(2));

    assertThat(client.properties()).isNotEmpty();

    List<RequestLog.Entry> calls = apiCalls();
    assertThat(calls).extracting(RequestLog.Entry::status).containsExactly(429, 429, 200);
    for (int i = 1; i < calls.size(); i++) {
      Duration gap = Duration.between(calls.get(i - 1).receivedAt(), calls.get(i).receivedAt());
      assertThat(gap).as("wait before attempt %d", i + 1).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
  }

  @Test
  @DisplayName("spotler-api.md §7.2: a 429 halves the client's own request rate")
  void slows_down_after_a_429() {
    server.faults().add(FaultRule.status(429).retryAfter(0).times(1));
    MailPlusConfig config =
        MailPlusConfig.builder(KEY, SECRET).baseUrl(server.baseUrl() + MailPlusEmulator.DEFAULT_PATH_PREFIX).requestsPerSecond(200).build();
    AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(config.requestsPerSecond());
    MailPlusTransport transport = new MailPlusTransport(config, OAuth1Signer.of(KEY, SECRET), limiter, Clock.systemUTC());

    transport.send("GET", "/contact/properties/list", null, null);

    // halved by the 429, then one success climbed back a twentieth
    assertThat(limiter.currentPerSecond()).isEqualTo(100 + 200 * AdaptiveRateLimiter.RECOVERY_FRACTION);
  }

  @Test
  @DisplayName("spotler-api.md §7.2: when 429s outlast the retries, the failure says so and carries Retry-After")
  void gives_up_after_the_configured_retries() {
    server.faults().add(FaultRule.status(429).retryAfter(0).times(MAX_RETRIES + 1));

    assertThatThrownBy(client::properties)
        .isInstanceOfSatisfying(
            MailPlusUnavailableException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.retryAfter()).contains(Duration.ZERO);
            });
    assertThat(apiCalls()).hasSize(MAX_RETRIES + 1);
  }

  @Test
  @DisplayName("spotler-api.md §2.7, §7.3: the feed is paged by after, each page a newly signed request")
  void pages_through_the_updates_feed() {
    seedContacts(25);

    List<ContactPage> pages = client.updatedContactPages(window().from, window().to, 10).toList();

    assertThat(pages).extracting(ContactPage::offset).containsExactly(0, 10, 20);
    assertThat(pages).flatExtracting(ContactPage::contacts).extracting(SpotlerContact::externalId)
        .containsExactlyElementsOf(IntStream.range(0, 25).mapToObj(i -> "feed-" + i).toList());
    assertThat(apiCalls()).extracting(e -> e.query().replaceAll(".*(after=\\d+).*", "$1"))
        .containsExactly("after=0", "after=10", "after=20");
    assertThat(apiCalls()).extracting(e -> e.headers().get("Authorization").get(0)).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("spotler-api.md §8 Q3: the bare-array feed of /integrationservice-1.1.0 is read as well")
  void pages_through_the_bare_array_feed() {
    seedContacts(25);
    MailPlusClient legacy = client(MailPlusEmulator.DEFAULT_LEGACY_PATH_PREFIX, SECRET);

    assertThat(legacy.updatedContacts(window().from, window().to, 10).map(SpotlerContact::externalId).toList())
        .hasSize(25)
        .startsWith("feed-0")
        .endsWith("feed-24");
    assertThat(apiCalls()).hasSize(3);
  }

  @Test
  @DisplayName("spotler-api.md §7.4, §8 Q1: dates with a '+' offset go as %2B and the query is signed (the emulator checks)")
  void signs_the_feed_query_with_encoded_offsets() {
    seedContacts(1);
    OffsetDateTime from = window().from.withOffsetSameInstant(ZoneOffset.ofHours(2));
    OffsetDateTime to = window().to.withOffsetSameInstant(ZoneOffset.ofHours(2));

    assertThat(client.updatedContacts(from, to, 5).toList()).hasSize(1);
    assertThat(apiCalls().get(0).query()).contains("%2B02%3A00").doesNotContain("+");
  }

  @Test
  void stops_at_an_empty_feed_after_one_call() {
    assertThat(client.updatedContacts(window().from, window().to, 10).toList()).isEmpty();
    assertThat(apiCalls()).hasSize(1);
  }

  private record Window(OffsetDateTime from, OffsetDateTime to) {}

  private static Window window() {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return new Window(now.minusHours(1), now.plusHours(1));
  }

  private void seedContacts(int count) {
    for (int i = 0; i < count; i++) {
      emulator.putContact(
          "feed-" + i,
          Map.of("email", "feed" + i + "@example.nl", "permissions", List.of(Map.of("bit", 1, "enabled", true))));
    }
  }

  private List<RequestLog.Entry> apiCalls() {
    return server.requestLog().matching(e -> !e.path().startsWith("/_sandbox/"));
  }

  private RequestLog.Entry lastApiCall() {
    List<RequestLog.Entry> calls = apiCalls();
    return calls.get(calls.size() - 1);
  }
}
