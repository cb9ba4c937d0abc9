package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.FaultRule;

class MailPlusRateLimitConformanceTest extends MailPlusHttpTest {

  @Test
  @DisplayName("spotler-api.md §7.2: no rate limit unless one is configured")
  void has_no_limit_by_default() {
    for (int i = 0; i < 50; i++) {
      assertThat(get("/contact/properties/list").status()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("spotler-api.md §7.2: over the configured limit the answer is 429 with Retry-After and an error body")
  void answers_429_with_retry_after_over_the_limit() {
    emulator.rateLimit(RateLimit.perSeconds(2, 10));
    get("/contact/properties/list");
    clock.advance(Duration.ofSeconds(3));
    get("/contact/properties/list");

    Reply limited = get("/contact/properties/list");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("7");
    assertThat(limited.errorType()).isNotBlank();
    assertThat(limited.json().path("message").asText()).isEqualTo("Too many requests");
    clock.advance(Duration.ofSeconds(7));
    assertThat(get("/contact/properties/list").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("spotler-api.md §7.2: the limit counts per consumer key")
  void counts_per_consumer_key() {
    emulator.rateLimit(RateLimit.perSeconds(1, 60));

    assertThat(get("/contact/properties/list").status()).isEqualTo(200);
    assertThat(get("/contact/properties/list").status()).isEqualTo(429);
    assertThat(call("GET", "/contact/properties/list").credentials("second", "second-secret").send().status()).isEqualTo(200);
  }

  @Test
  @DisplayName("Inspection: PUT /_sandbox/rate-limit sets the limit, DELETE removes it")
  void configures_the_limit_over_http() {
    assertThat(inspect("PUT", "/_sandbox/rate-limit", "{\"requests\":1,\"windowSeconds\":30}").json().path("requests").asInt()).isEqualTo(1);
    get("/contact/properties/list");
    assertThat(get("/contact/properties/list").header("Retry-After")).isEqualTo("30");

    inspect("DELETE", "/_sandbox/rate-limit", null);

    assertThat(get("/contact/properties/list").status()).isEqualTo(200);
    assertThat(inspect("PUT", "/_sandbox/rate-limit", "{\"requests\":0,\"windowSeconds\":30}").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("spotler-api.md §7.1: injected 429/5xx faults use the {errorType, message} model, 429 with Retry-After")
  void renders_injected_faults_in_the_error_model() {
    server.faults().replace(java.util.List.of(FaultRule.status(429).retryAfter(5).times(1), FaultRule.status(503).times(1)), null);

    Reply throttled = get("/contact/properties/list");
    Reply unavailable = get("/contact/properties/list");

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isEqualTo("5");
    assertThat(throttled.errorType()).isEqualTo("BACKEND_EXCEPTION");
    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.errorType()).isEqualTo("BACKEND_EXCEPTION");
    assertThat(unavailable.header("Retry-After")).isNull();
  }

  @Override
  MailPlusEmulator.Builder configure(MailPlusEmulator.Builder builder) {
    return builder.consumer("second", "second-secret");
  }
}
