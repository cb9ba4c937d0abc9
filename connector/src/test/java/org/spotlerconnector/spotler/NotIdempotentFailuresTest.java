package org.spotlerconnector.spotler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** design.md §5: which failures of a call that is not idempotent may be repeated. */
class NotIdempotentFailuresTest {
  private static final String OPERATION = "POST /automation/trigger/t";

  @Test
  @DisplayName("a refused connection or a connect timeout proves that nothing was sent: retryable")
  void failures_before_sending_stay_retryable() {
    for (IOException neverSent :
        List.of(new ConnectException("Connection refused"), new HttpConnectTimeoutException("connect timed out"))) {
      assertThat(MailPlusErrors.noAnswer(OPERATION, neverSent, false))
          .isInstanceOf(MailPlusUnavailableException.class)
          .hasCause(neverSent);
    }
  }

  @Test
  @DisplayName("a timeout or broken connection after sending leaves the outcome unknown")
  void failures_after_sending_are_unknown() {
    for (IOException afterSending :
        List.of(new HttpTimeoutException("request timed out"), new IOException("HTTP/1.1 header parser received no bytes"))) {
      RuntimeException failure = MailPlusErrors.noAnswer(OPERATION, afterSending, false);

      assertThat(failure)
          .isInstanceOfSatisfying(MailPlusOutcomeUnknownException.class, e -> assertThat(e.status()).isZero())
          .hasCause(afterSending)
          .hasMessageContaining("may or may not have carried out " + OPERATION);
      assertThat(MailPlusErrors.noAnswer(OPERATION, afterSending, true))
          .as("an idempotent call is simply retried")
          .isInstanceOf(MailPlusUnavailableException.class);
    }
  }

  @Test
  @DisplayName("spotler-api.md §7.2: a 429 is Mail+ refusing the call: retryable, Retry-After kept")
  void a_429_stays_retryable() {
    RuntimeException failure = fromResponse(429, "7", false);

    assertThat(failure).isInstanceOf(MailPlusUnavailableException.class);
    assertThat(((MailPlusUnavailableException) failure).retryAfter()).contains(Duration.ofSeconds(7));
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 500, 502, 503, 504})
  @DisplayName("a 408 or any 5xx, 503 included, does not prove that Mail+ did nothing: unknown")
  void error_statuses_after_sending_are_unknown(int status) {
    RuntimeException failure = fromResponse(status, "1", false);

    assertThat(failure)
        .isInstanceOfSatisfying(
            MailPlusOutcomeUnknownException.class,
            e -> {
              assertThat(e.status()).isEqualTo(status);
              assertThat(e.errorType()).contains("BACKEND_EXCEPTION");
              assertThat(e.serverMessage()).isEqualTo("busy");
            });
    assertThat(fromResponse(status, "1", true)).isInstanceOf(MailPlusUnavailableException.class);
  }

  @Test
  void other_errors_are_mapped_as_for_any_call() {
    assertThat(fromResponse(400, null, false)).isInstanceOf(MailPlusInvalidRequestException.class);
    assertThat(fromResponse(404, null, false)).isInstanceOf(MailPlusNotFoundException.class);
  }

  private static RuntimeException fromResponse(int status, String retryAfter, boolean idempotent) {
    HttpHeaders headers =
        HttpHeaders.of(
            retryAfter == null ? Map.of() : Map.of("Retry-After", List.of(retryAfter)), (name, value) -> true);
    byte[] body = "{\"errorType\":\"BACKEND_EXCEPTION\",\"message\":\"busy\"}".getBytes(StandardCharsets.UTF_8);
    return MailPlusErrors.fromResponse(OPERATION, status, headers, body, Clock.systemUTC(), idempotent);
  }
}
