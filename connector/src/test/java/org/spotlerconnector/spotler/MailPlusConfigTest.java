package org.spotlerconnector.spotler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailPlusConfigTest {

  @Test
  void defaults_to_the_unversioned_production_prefix() {
    MailPlusConfig config = MailPlusConfig.builder("key", "secret").build();

    assertThat(config.baseUrl()).hasToString("https://restapi.mailplus.nl/integrationservice");
    assertThat(config.requestsPerSecond()).isEqualTo(MailPlusConfig.DEFAULT_REQUESTS_PER_SECOND);
  }

  @Test
  void drops_a_trailing_slash_from_the_base_url() {
    assertThat(MailPlusConfig.builder("key", "secret").baseUrl("http://127.0.0.1:1234/integrationservice-1.1.0/").build().baseUrl())
        .hasToString("http://127.0.0.1:1234/integrationservice-1.1.0");
  }

  @Test
  void never_shows_the_secret() {
    assertThat(MailPlusConfig.builder("key", "very-secret").build().toString())
        .contains("consumerKey=key")
        .doesNotContain("very-secret");
  }

  @Test
  void rejects_bad_values_when_they_are_set() {
    MailPlusConfig.Builder builder = MailPlusConfig.builder("key", "secret");

    assertThatThrownBy(() -> builder.baseUrl("ftp://x/y")).hasMessageContaining("absolute http(s) URL");
    assertThatThrownBy(() -> builder.baseUrl("https://x/y?z=1")).hasMessageContaining("query");
    assertThatThrownBy(() -> builder.requestsPerSecond(0)).hasMessageContaining("requestsPerSecond");
    assertThatThrownBy(() -> builder.maxRetries(-1)).hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> builder.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("maxBackoff must be >= initialBackoff");
    assertThatThrownBy(() -> builder.requestTimeout(Duration.ZERO)).hasMessageContaining("requestTimeout");
    assertThatThrownBy(() -> MailPlusConfig.builder("key", "")).hasMessageContaining("consumerSecret");
  }
}
