package org.spotlerconnector.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link WebServer} over real HTTP, with a recording job intake instead of a job worker. */
class WebServerTest {
  static final String KEY = "the-webhook-key-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JOB_TABLE = "spot_spotlerjob";

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> nudged = new CopyOnWriteArrayList<>();
  private WebServer server;

  @BeforeEach
  void start() {
    server = new WebServer(settings(Optional.of(nudged::add)), new WebMetrics()).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static WebServer.Settings settings(Optional<JobIntake> intake) {
    return new WebServer.Settings("127.0.0.1", 0, KEY, "test-connection", JOB_TABLE, intake);
  }

  static String context(String message, String table, String id) {
    return "{\"BusinessUnitId\":\"" + UUID.randomUUID() + "\",\"MessageName\":\"" + message + "\",\"Mode\":1,"
        + "\"PrimaryEntityId\":\"" + id + "\",\"PrimaryEntityName\":\"" + table + "\",\"Stage\":40}";
  }

  private HttpResponse<String> post(String pathAndQuery, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  @Test
  @DisplayName("dataverse-api.md §7.1: WebhookKey authentication sends ?code=<key>; a Create of a job is accepted")
  void accepts_a_job_create_with_the_key_as_code() throws Exception {
    String id = UUID.randomUUID().toString();
    HttpResponse<String> response = post("/webhooks/dataverse?code=" + KEY, context("Create", JOB_TABLE, id));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(json(response).path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(nudged).containsExactly(id);
  }

  @Test
  @DisplayName("dataverse-api.md §7.1: HttpHeader authentication sends the key as a header")
  void accepts_the_key_as_a_header() throws Exception {
    String id = UUID.randomUUID().toString();
    HttpResponse<String> response =
        post("/webhooks/dataverse", context("Update", JOB_TABLE, id), "x-webhook-key", KEY);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(nudged).containsExactly(id);
  }

  @Test
  @DisplayName("dataverse-api.md §7.1: the endpoint must reject bad credentials itself")
  void refuses_a_wrong_or_missing_key_with_401_as_json() throws Exception {
    String body = context("Create", JOB_TABLE, UUID.randomUUID().toString());

    HttpResponse<String> wrong = post("/webhooks/dataverse?code=" + KEY + "x", body);
    HttpResponse<String> wrongHeader = post("/webhooks/dataverse", body, "x-webhook-key", "nope");
    HttpResponse<String> missing = post("/webhooks/dataverse", body);

    assertThat(List.of(wrong.statusCode(), wrongHeader.statusCode(), missing.statusCode())).containsOnly(401);
    assertThat(json(missing).path("status").asInt()).isEqualTo(401);
    assertThat(json(missing).path("title").asText()).isEqualTo("Wrong or missing webhook key");
    assertThat(nudged).isEmpty();
  }

  @Test
  void refuses_what_is_not_a_remote_execution_context_with_400_and_keeps_working() throws Exception {
    String[] bodies = {
      "{not json", "[]", "\"Create\"", "{}", "{\"MessageName\":\"Create\",\"PrimaryEntityName\":\"" + JOB_TABLE + "\"}",
      context("Create", JOB_TABLE, "not-a-guid"), ""
    };
    for (String body : bodies) {
      HttpResponse<String> response = post("/webhooks/dataverse?code=" + KEY, body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(json(response).path("status").asInt()).isEqualTo(400);
    }
    assertThat(nudged).isEmpty();
    assertThat(post("/webhooks/dataverse?code=" + KEY, context("Create", JOB_TABLE, UUID.randomUUID().toString()))
        .statusCode()).isEqualTo(202);
  }

  @Test
  void never_logs_the_body_of_a_refused_webhook() throws Exception {
    String email = "someone.private@example.com";
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    try {
      post("/webhooks/dataverse?code=" + KEY, "{\"MessageName\":\"" + email + "\", broken");
      post("/webhooks/dataverse?code=" + KEY, context("Create", JOB_TABLE, email));
      post("/webhooks/dataverse?code=wrong-" + email, "{}");
    } finally {
      System.setOut(original);
    }

    assertThat(console.toString(StandardCharsets.UTF_8))
        .contains("webhook refused").doesNotContain(email).doesNotContain(KEY);
  }

  @Test
  @DisplayName("dataverse-api.md §7.2: any non-2xx is a failed system job, so other tables and messages get 202")
  void ignores_other_tables_and_messages_with_202() throws Exception {
    HttpResponse<String> contact = post("/webhooks/dataverse?code=" + KEY,
        context("Create", "contact", UUID.randomUUID().toString()));
    HttpResponse<String> delete = post("/webhooks/dataverse?code=" + KEY,
        context("Delete", JOB_TABLE, UUID.randomUUID().toString()));

    assertThat(contact.statusCode()).isEqualTo(202);
    assertThat(json(contact).path("status").asText()).isEqualTo("IGNORED");
    assertThat(delete.statusCode()).isEqualTo(202);
    assertThat(nudged).isEmpty();
  }

  @Test
  @DisplayName("dataverse-api.md §7.2: 503 is retried once, so a connector without jobs says it is unavailable")
  void answers_503_when_jobs_are_off() throws Exception {
    server.close();
    server = new WebServer(settings(Optional.empty()), new WebMetrics()).start();

    HttpResponse<String> response =
        post("/webhooks/dataverse?code=" + KEY, context("Create", JOB_TABLE, UUID.randomUUID().toString()));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json(response).path("status").asInt()).isEqualTo(503);
  }

  @Test
  void reports_health_with_the_connection_id() throws Exception {
    HttpResponse<String> health = get("/health");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(json(health).path("status").asText()).isEqualTo("UP");
    assertThat(json(health).path("connection").asText()).isEqualTo("test-connection");
  }

  @Test
  void counts_webhooks_by_outcome_in_the_prometheus_scrape() throws Exception {
    post("/webhooks/dataverse?code=" + KEY, context("Create", JOB_TABLE, UUID.randomUUID().toString()));
    post("/webhooks/dataverse", "{}");
    post("/webhooks/dataverse?code=" + KEY, "{");

    HttpResponse<String> metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(metrics.body())
        .contains("spotler_webhooks_total{outcome=\"accepted\"} 1.0")
        .contains("spotler_webhooks_total{outcome=\"unauthorized\"} 1.0")
        .contains("spotler_webhooks_total{outcome=\"malformed\"} 1.0")
        .contains("spotler_webhooks_total{outcome=\"ignored\"} 0.0");
  }

  @Test
  void answers_unknown_paths_with_404_as_json() throws Exception {
    HttpResponse<String> response = get("/nothing-here");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).path("status").asInt()).isEqualTo(404);
  }
}
