package org.spotlerconnector.spotler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MailPlusErrorsTest {
  private static final String OPERATION = "GET /contact/CRM-1";

  @Test
  @DisplayName("spotler-api.md §7.1: 400 with {errorType, message} is an invalid request")
  void maps_400_to_invalid_request() {
    RuntimeException e = map(400, "{\"errorType\":\"INVALID_PROPERTY\",\"message\":\"Property is invalid\"}");

    assertThat(e).isInstanceOf(MailPlusInvalidRequestException.class)
        .hasMessage("Mail+ answered 400 INVALID_PROPERTY to GET /contact/CRM-1: Property is invalid");
    assertThat(((MailPlusException) e).errorType()).contains("INVALID_PROPERTY");
    assertThat(((MailPlusException) e).serverMessage()).isEqualTo("Property is invalid");
  }

  @Test
  void maps_404_to_not_found() {
    RuntimeException e = map(404, "{\"errorType\":\"CONTACT_NOT_FOUND\",\"message\":\"Given contact not found\"}");

    assertThat(e).isInstanceOf(MailPlusNotFoundException.class);
    assertThat(((MailPlusException) e).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("spotler-api.md §1.2: 401 and 403 are configuration errors that tell the admin what to check")
  void maps_401_and_403_to_unauthorized_with_advice() {
    for (int status : new int[] {401, 403}) {
      RuntimeException e = map(status, "{\"errorType\":\"NOT_AUTHORIZED\",\"message\":\"Invalid signature\"}");

      assertThat(e).isInstanceOf(MailPlusUnauthorizedException.class)
          .hasMessageContaining(status + " NOT_AUTHORIZED")
          .hasMessageContaining("consumer key and secret");
    }
  }

  @Test
  @DisplayName("spotler-api.md §7.2: 429 and 5xx are transient and carry Retry-After exactly")
  void maps_429_and_5xx_to_transient_with_retry_after() {
    for (int status : new int[] {429, 500, 502, 503, 504}) {
      RuntimeException e = map(status, Map.of("Retry-After", List.of("7")), "");

      assertThat(e).isInstanceOf(MailPlusUnavailableException.class);
      assertThat(((MailPlusUnavailableException) e).status()).isEqualTo(status);
      assertThat(((MailPlusUnavailableException) e).retryAfter()).contains(Duration.ofSeconds(7));
    }
  }

  @Test
  void leaves_retry_after_empty_when_the_server_sends_none() {
    RuntimeException e = map(503, "{\"errorType\":\"BACKEND_EXCEPTION\",\"message\":\"down\"}");

    assertThat(((MailPlusUnavailableException) e).retryAfter()).isEmpty();
    assertThat(((MailPlusUnavailableException) e).errorType()).contains("BACKEND_EXCEPTION");
  }

  @Test
  void maps_other_client_errors_to_the_base_exception_which_is_not_retried() {
    RuntimeException e = map(413, "{\"errorType\":\"INVALID_PARAMS\",\"message\":\"too many\"}");

    assertThat(e).isExactlyInstanceOf(MailPlusException.class);
  }

  @Test
  @DisplayName("spotler-api.md §7.1: an empty error body still gives a readable error")
  void handles_an_empty_body() {
    RuntimeException e = map(400, "");

    assertThat(e).hasMessage("Mail+ answered 400 to GET /contact/CRM-1: (no error body)");
    assertThat(((MailPlusException) e).errorType()).isEmpty();
  }

  @Test
  @DisplayName("spotler-api.md §7.1: a non-JSON error body is quoted in short, on one line")
  void handles_a_non_json_body() {
    RuntimeException e = map(502, "<html>\n<body>Bad   gateway</body>\n</html>" + "x".repeat(500));

    assertThat(((MailPlusUnavailableException) e).errorType()).isEmpty();
    assertThat(e.getMessage()).contains("<html> <body>Bad gateway</body> </html>").hasSizeLessThan(300);
  }

  @Test
  void handles_json_that_is_not_an_error_object() {
    assertThat(map(400, "[1,2]").getMessage()).endsWith(": [1,2]");
  }

  @Test
  void reports_a_network_failure_as_transient_with_status_zero() {
    MailPlusUnavailableException e = MailPlusErrors.noAnswer(OPERATION, new IOException("connection reset"));

    assertThat(e.status()).isZero();
    assertThat(e).hasMessage("Mail+ did not answer GET /contact/CRM-1: java.io.IOException: connection reset");
  }

  private static RuntimeException map(int status, String body) {
    return map(status, Map.of(), body);
  }

  private static RuntimeException map(int status, Map<String, List<String>> headers, String body) {
    return MailPlusErrors.fromResponse(
        OPERATION,
        status,
        HttpHeaders.of(headers, (k, v) -> true),
        body.getBytes(StandardCharsets.UTF_8),
        Clock.systemUTC());
  }
}
