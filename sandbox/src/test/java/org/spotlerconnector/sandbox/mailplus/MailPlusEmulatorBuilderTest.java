package org.spotlerconnector.sandbox.mailplus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.EmulatorServer;

class MailPlusEmulatorBuilderTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  @DisplayName("The default emulator accepts the default consumer, signed by the header tool with the real clock")
  void default_emulator_accepts_the_default_consumer() throws Exception {
    try (EmulatorServer server = EmulatorServer.start(new MailPlusEmulator(), 0, 1)) {
      String url = server.baseUrl() + "/integrationservice/contact/properties/list";

      int status = send(url, OAuthHeaderTool.authorizationHeader("GET", url, MailPlusEmulator.DEFAULT_CONSUMER_KEY, MailPlusEmulator.DEFAULT_CONSUMER_SECRET));

      assertThat(status).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("spotler-api.md Q2: the path prefix is configurable and the versioned prefix can be switched off")
  void serves_a_configured_prefix_only() throws Exception {
    MailPlusEmulator emulator = MailPlusEmulator.builder().pathPrefix("/mp").legacyPathPrefix(null).build();
    try (EmulatorServer server = EmulatorServer.start(emulator, 0, 1)) {
      for (String prefix : List.of("/mp", "/integrationservice", "/integrationservice-1.1.0")) {
        String url = server.baseUrl() + prefix + "/contact/properties/list";
        String header = OAuthHeaderTool.authorizationHeader("GET", url, MailPlusEmulator.DEFAULT_CONSUMER_KEY, MailPlusEmulator.DEFAULT_CONSUMER_SECRET);

        assertThat(send(url, header)).as(prefix).isEqualTo(prefix.equals("/mp") ? 200 : 404);
      }
    }
  }

  @Test
  @DisplayName("The builder refuses settings that cannot work")
  void refuses_unusable_settings() {
    assertThatThrownBy(() -> MailPlusEmulator.builder().pathPrefix("integrationservice")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MailPlusEmulator.builder().pathPrefix("/x/")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MailPlusEmulator.builder().pathPrefix("/a").legacyPathPrefix("/a").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MailPlusEmulator.builder().timestampTolerance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MailPlusEmulator.builder().consumer("", "s")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MailPlusEmulator.builder().properties(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimit.perSeconds(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static int send(String url, String authorization) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).GET().build();
    return HTTP.send(request, BodyHandlers.discarding()).statusCode();
  }
}
