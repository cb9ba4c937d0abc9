package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.FaultRule;

class DataverseServiceProtectionConformanceTest extends DataverseHttpTest {

  @Test
  @DisplayName("dataverse-api.md §6: over the request limit the answer is 429, Retry-After until a slot frees, code 0x80072322")
  void request_count_limit() {
    emulator.limits(ServiceProtectionLimits.DEFAULTS.withRequests(3).withWindow(Duration.ofSeconds(20)));
    get("WhoAmI");
    clock.advance(Duration.ofSeconds(5));
    get("WhoAmI");
    get("WhoAmI");

    Reply limited = get("WhoAmI");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("15");
    assertThat(limited.errorCode()).isEqualTo("0x80072322");
    assertThat(limited.errorMessage()).isEqualTo("Number of requests exceeded the limit of 3 over time window of 20 seconds.");
    clock.advance(Duration.ofSeconds(15));
    assertThat(get("WhoAmI").status()).isEqualTo(200);
    assertThat(get("WhoAmI").status()).isEqualTo(429);
  }

  @Test
  @DisplayName("dataverse-api.md §6: limits count per user (the token's application)")
  void limits_count_per_user() {
    emulator.limits(ServiceProtectionLimits.DEFAULTS.withRequests(1));
    String other = tokens.issue(TENANT, "another-app", server.baseUrl()).value();

    assertThat(get("WhoAmI").status()).isEqualTo(200);
    assertThat(get("WhoAmI").status()).isEqualTo(429);
    assertThat(call("GET", "WhoAmI").bearer(other).send().status()).isEqualTo(200);
  }

  @Test
  @DisplayName("dataverse-api.md §6: over the combined execution time the answer is 429 with code 0x80072321")
  void execution_time_limit() {
    emulator.limits(ServiceProtectionLimits.DEFAULTS.withExecutionTime(Duration.ofMillis(1)).withWindow(Duration.ofSeconds(30)));
    for (int i = 0; i < 2_000; i++) {
      emulator.table("contacts").insert(json("{\"lastname\":\"n" + i + "\"}"));
    }

    Reply limited = null;
    for (int i = 0; i < 50 && limited == null; i++) {
      Reply reply = get("contacts?$select=lastname&$count=true");
      if (reply.status() == 429) {
        limited = reply;
      }
    }

    assertThat(limited).isNotNull();
    assertThat(limited.errorCode()).isEqualTo("0x80072321");
    assertThat(limited.errorMessage())
        .isEqualTo("Combined execution time of incoming requests exceeded limit of 1 milliseconds over time window of 30 seconds."
            + " Decrease number of concurrent requests or reduce the duration of requests and try again later.");
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 30);
    clock.advance(Duration.ofSeconds(31));
    assertThat(get("WhoAmI").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("dataverse-api.md §6: over the concurrency limit a request is refused at once with 429 and code 0x80072326")
  void concurrency_limit() throws Exception {
    emulator.limits(ServiceProtectionLimits.DEFAULTS.withConcurrency(1));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Object> writer =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return emulator.atomically(
                    () -> {
                      holding.countDown();
                      return release.await(10, TimeUnit.SECONDS);
                    });
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Reply> blocked = CompletableFuture.supplyAsync(() -> post("contacts", "{\"lastname\":\"Waits\"}"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (emulator.inFlight(CLIENT_ID) < 1 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }

    Reply refused = get("WhoAmI");
    release.countDown();

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.errorCode()).isEqualTo("0x80072326");
    assertThat(refused.errorMessage()).isEqualTo("Number of concurrent requests exceeded the limit of 1.");
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(blocked.get(10, TimeUnit.SECONDS).status()).isEqualTo(204);
    writer.get(10, TimeUnit.SECONDS);
    assertThat(get("WhoAmI").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("dataverse-api.md §6: the x-ms-ratelimit-burst-remaining-xrm-requests debug header counts down")
  void debug_header_counts_down() {
    emulator.limits(ServiceProtectionLimits.DEFAULTS.withRequests(10));

    assertThat(get("WhoAmI").header("x-ms-ratelimit-burst-remaining-xrm-requests")).isEqualTo("9");
    assertThat(get("WhoAmI").header("x-ms-ratelimit-burst-remaining-xrm-requests")).isEqualTo("8");
  }

  @Test
  @DisplayName("Inspection: PUT /_sandbox/limits sets the limits; fields left out keep their value")
  void limits_are_set_over_http() {
    Reply set = inspect("PUT", "/_sandbox/limits", "{\"requests\":2,\"windowSeconds\":2}");

    assertThat(set.json().path("requests").asInt()).isEqualTo(2);
    assertThat(set.json().path("concurrency").asInt()).isEqualTo(52);
    assertThat(set.json().path("executionMillis").asLong()).isEqualTo(1_200_000);
    get("WhoAmI");
    get("WhoAmI");
    Reply limited = get("WhoAmI");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.errorMessage()).isEqualTo("Number of requests exceeded the limit of 2 over time window of 2 seconds.");
    assertThat(inspect("PUT", "/_sandbox/limits", "{\"requests\":0}").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("an injected 429 fault answers in Dataverse's format with Retry-After and the request count code")
  void injected_429_uses_the_dataverse_format() {
    server.faults().add(FaultRule.status(429).retryAfter(7).times(1));

    Reply reply = get("WhoAmI");

    assertThat(reply.status()).isEqualTo(429);
    assertThat(reply.header("Retry-After")).isEqualTo("7");
    assertThat(reply.errorCode()).isEqualTo("0x80072322");
    assertThat(get("WhoAmI").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("an injected 503 answers in Dataverse's error format")
  void injected_503_uses_the_dataverse_format() {
    server.faults().add(FaultRule.status(503).times(1));

    Reply reply = get("WhoAmI");

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.json().path("error").path("message").asText()).isNotBlank();
  }
}
