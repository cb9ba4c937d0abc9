package org.spotlerconnector.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmulatorServerTest {
  private final AtomicInteger handled = new AtomicInteger();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private EmulatorServer server;

  @BeforeEach
  void start() throws IOException {
    server = EmulatorServer.start(new CountingEmulator(), 0, 42);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void serves_the_emulator_on_the_loopback_interface() throws Exception {
    var response = get("/hello?x=1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"handled\":1}");
    assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");
  }

  @Test
  void logs_every_request_with_its_status() throws Exception {
    get("/one");
    send("POST", "/two", "{\"a\":1}");

    assertThat(server.requestLog().entries())
        .extracting(RequestLog.Entry::method, RequestLog.Entry::path, RequestLog.Entry::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GET", "/one", 200),
            org.assertj.core.groups.Tuple.tuple("POST", "/two", 200));
    assertThat(server.requestLog().entries().get(1).body()).isEqualTo("{\"a\":1}");
  }

  @Test
  void a_status_fault_answers_in_the_emulators_format_without_handling_the_request() throws Exception {
    server.faults().add(FaultRule.status(503).times(1));

    var first = get("/x");
    var second = get("/x");

    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(first.body()).contains("injected 503");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(handled).hasValue(1);
  }

  @Test
  void a_429_fault_carries_retry_after() throws Exception {
    server.faults().add(FaultRule.status(429).retryAfter(7).onPath("^/limited"));

    var limited = get("/limited");
    var other = get("/other");

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(other.statusCode()).isEqualTo(200);
  }

  @Test
  void a_dropped_connection_gives_the_client_an_io_error_and_changes_nothing() {
    server.faults().add(FaultRule.of(FaultRule.Kind.DROP_CONNECTION).times(1));

    // POST: the JDK client silently retries an idempotent GET once on a closed connection
    assertThatThrownBy(() -> send("POST", "/x", "{}")).isInstanceOf(IOException.class);
    assertThat(handled).hasValue(0);
    assertThat(server.requestLog().entries()).singleElement().satisfies(e -> {
      assertThat(e.status()).isZero();
      assertThat(e.fault()).isEqualTo("DROP_CONNECTION");
    });
  }

  @Test
  void dropping_after_handling_acts_on_the_request_but_never_answers() {
    server.faults().add(FaultRule.of(FaultRule.Kind.DROP_AFTER_HANDLING).times(1));

    assertThatThrownBy(() -> send("POST", "/x", "{}")).isInstanceOf(IOException.class);
    assertThat(handled).hasValue(1);
  }

  @Test
  void a_slow_body_arrives_whole_but_late() throws Exception {
    server.faults().add(FaultRule.of(FaultRule.Kind.SLOW_BODY).delay(30));
    long start = System.nanoTime();

    var response = get("/x");

    assertThat(response.body()).isEqualTo("{\"handled\":1}");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
  }

  @Test
  void probability_faults_are_replayable_with_the_same_seed() throws Exception {
    String rules = "{\"seed\":7,\"rules\":[{\"kind\":\"STATUS\",\"status\":500,\"probability\":0.5}]}";
    send("PUT", "/_sandbox/faults", rules);
    String firstRun = statuses(20);
    send("PUT", "/_sandbox/faults", rules);
    String secondRun = statuses(20);

    assertThat(firstRun).isEqualTo(secondRun).contains("500").contains("200");
  }

  @Test
  void latency_is_added_to_every_api_call() throws Exception {
    send("PUT", "/_sandbox/latency", "{\"fixedMillis\":40,\"jitterMillis\":0}");
    long start = System.nanoTime();

    get("/x");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(40));
  }

  @Test
  void the_inspection_api_is_neither_logged_nor_faulted() throws Exception {
    server.faults().add(FaultRule.status(500));

    var response = get("/_sandbox/requests");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(server.requestLog().entries()).isEmpty();
  }

  @Test
  void an_invalid_fault_rule_is_refused_with_a_clear_message() throws Exception {
    var response = send("PUT", "/_sandbox/faults", "{\"rules\":[{\"kind\":\"STATUS\"}]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("status between 400 and 599");
    assertThat(server.faults().rules()).isEmpty();
  }

  @Test
  void a_handler_exception_becomes_the_emulators_error_answer() throws Exception {
    var response = get("/boom");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("kaboom");
    assertThat(get("/x").statusCode()).isEqualTo(200);
  }

  private String statuses(int n) throws Exception {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(get("/x").statusCode()).append(' ');
    }
    return s.toString();
  }

  private java.net.http.HttpResponse<String> get(String path) throws Exception {
    return send("GET", path, null);
  }

  private java.net.http.HttpResponse<String> send(String method, String path, String body) throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .method(
                method,
                body == null
                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .build();
    return client.send(request, BodyHandlers.ofString());
  }

  private final class CountingEmulator implements Emulator {
    @Override
    public String name() {
      return "counting";
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
      if (request.path().equals("/boom")) {
        throw new IllegalStateException("kaboom");
      }
      return HttpResponse.json(200, Map.of("handled", handled.incrementAndGet()));
    }

    @Override
    public HttpResponse faultResponse(int status, Integer retryAfterSeconds) {
      HttpResponse r = HttpResponse.json(status, Map.of("error", "injected " + status));
      if (retryAfterSeconds != null) {
        r.header("Retry-After", String.valueOf(retryAfterSeconds));
      }
      return r;
    }

    @Override
    public HttpResponse errorResponse(Throwable error) {
      return HttpResponse.json(500, Map.of("error", String.valueOf(error.getMessage())));
    }
  }
}
