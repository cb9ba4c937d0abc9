package org.spotlerconnector.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.DataverseSettings;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.install.InstallSettings;
import org.spotlerconnector.install.Installer;
import org.spotlerconnector.install.WebhookRegistration;
import org.spotlerconnector.jobs.JobOperation;
import org.spotlerconnector.jobs.JobRunner;
import org.spotlerconnector.jobs.JobSchema;
import org.spotlerconnector.jobs.JobTable;
import org.spotlerconnector.jobs.JobWorker;
import org.spotlerconnector.jobs.JobWorkerSettings;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.dataverse.WebhookDelivery;
import org.spotlerconnector.sandbox.mailplus.DemoAutomations;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.MailPlusConfig;
import org.spotlerconnector.spotler.automation.MailPlusAutomation;

/**
 * The webhook end to end over real HTTP: the job tables installed in the Dataverse emulator, the webhook registered
 * there as {@code install --webhook-url} does, and two connectors, each a job worker behind a web server. The workers
 * never poll, so only a webhook can explain a job that ran.
 */
class DataverseWebhookIntegrationTest {
  private static final String KEY = "integration-webhook-key-42";
  private static final JobSchema SCHEMA = JobSchema.defaults();
  private static final String JOB_TABLE = SCHEMA.column("spotlerjob");
  private static final int COMPLETED = 2;

  private static Sandbox sandbox;
  private static DataverseClient dataverse;
  private static Connection first;
  private static Connection second;
  private final HttpClient http = HttpClient.newHttpClient();

  /** One connector's job worker and web server. */
  private record Connection(JobWorker worker, WebServer server) implements AutoCloseable {
    static Connection start(JobRunner runner) {
      JobWorker worker = new JobWorker(new JobTable(dataverse, SCHEMA), runner,
          JobWorkerSettings.defaults().withPollInterval(Duration.ofHours(1)), Clock.systemUTC());
      WebServer server = new WebServer(new WebServer.Settings(
          "127.0.0.1", 0, KEY, "it", JOB_TABLE, Optional.of(worker::nudge)), new WebMetrics()).start();
      return new Connection(worker, server);
    }

    URI webhookUrl() {
      return URI.create("http://127.0.0.1:" + server.port() + "/webhooks/dataverse");
    }

    @Override
    public void close() {
      server.close();
      worker.close();
    }
  }

  @BeforeAll
  static void start() throws Exception {
    sandbox = Sandbox.start(SandboxOptions.forTests());
    SandboxOptions o = sandbox.options();
    dataverse = DataverseClient.create(
        DataverseSettings.builder(URI.create(sandbox.dataverseUrl()), o.tenant(), o.clientId(), o.clientSecret())
            .tokenEndpoint(URI.create(sandbox.tokenUrl()))
            .build());
    new Installer(dataverse, InstallSettings.defaults()).install();
    DemoAutomations.seed(sandbox.mailplus());
    MailPlusAutomation spotler = MailPlusAutomation.of(MailPlusClient.create(
        MailPlusConfig.builder(o.consumerKey(), o.consumerSecret())
            .baseUrl(sandbox.mailplusUrl())
            .requestsPerSecond(1000)
            .build()));
    JobRunner runner = new JobRunner(dataverse, spotler, SCHEMA, record -> true);
    first = Connection.start(runner);
    second = Connection.start(runner);
    new WebhookRegistration(dataverse, JOB_TABLE).register(first.webhookUrl(), KEY);
  }

  @AfterAll
  static void stop() {
    first.close();
    second.close();
    sandbox.close();
  }

  private static ObjectNode refreshJob(String fields) {
    return JsonNodeFactory.instance.objectNode()
        .put(SCHEMA.column("operation"), SCHEMA.operationValue(JobOperation.REFRESH_AUTOMATIONS))
        .put(SCHEMA.column("automationfields"), fields);
  }

  private static ObjectNode row(String jobId) {
    return dataverse.retrieve(SCHEMA.jobEntitySet(), RecordKey.id(jobId)).orElseThrow();
  }

  private static ObjectNode awaitRow(String jobId, Predicate<ObjectNode> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    ObjectNode row = row(jobId);
    while (!condition.test(row) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      row = row(jobId);
    }
    return row;
  }

  private static List<WebhookDelivery> deliveriesFor(String jobId) throws InterruptedException {
    assertThat(sandbox.dataverse().awaitWebhooks(Duration.ofSeconds(10))).isTrue();
    return sandbox.dataverse().webhookDeliveries().stream()
        .filter(d -> d.entityId().toString().equals(jobId))
        .toList();
  }

  @Test
  @DisplayName("dataverse-api.md §7: the Create webhook starts the job at once, answered 202, logged without personal data")
  void a_created_job_runs_through_the_webhook_without_a_poll() throws Exception {
    String email = "private.person@example.com";
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    ObjectNode done;
    String jobId;
    try {
      jobId = dataverse.create(SCHEMA.jobEntitySet(), refreshJob("invoiceEmail=" + email));
      done = awaitRow(jobId, r -> r.path("statuscode").asInt() == COMPLETED);
      deliveriesFor(jobId);
    } finally {
      System.setOut(original);
    }

    assertThat(done.path("statuscode").asInt()).isEqualTo(COMPLETED);
    assertThat(done.path(SCHEMA.column("resultcode")).asText()).isEqualTo("OK");
    assertThat(done.path(SCHEMA.column("attempts")).asInt()).isEqualTo(1);
    List<WebhookDelivery> deliveries = deliveriesFor(jobId);
    assertThat(deliveries).singleElement().satisfies(d -> {
      assertThat(d.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
      assertThat(d.responseStatuses()).containsExactly(202);
      assertThat(d.messageName()).isEqualTo("Create");
    });
    String log = console.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("webhook accepted").contains(jobId).doesNotContain(email).doesNotContain(KEY);
  }

  @Test
  @DisplayName("design.md §5: a webhook delivered twice, even to two connectors, runs the job once (If-Match claim)")
  void the_same_webhook_delivered_again_runs_the_job_once() throws Exception {
    String jobId = dataverse.create(SCHEMA.jobEntitySet(), refreshJob(""));
    String body = WebServerTest.context("Create", JOB_TABLE, jobId);
    List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      for (Connection connection : List.of(first, second)) {
        answers.add(http.sendAsync(HttpRequest.newBuilder(connection.webhookUrl())
                .header("x-webhook-key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.discarding()));
      }
    }

    for (CompletableFuture<HttpResponse<Void>> answer : answers) {
      assertThat(answer.get().statusCode()).isEqualTo(202);
    }
    ObjectNode done = awaitRow(jobId, r -> r.path("statuscode").asInt() == COMPLETED);
    assertThat(done.path("statuscode").asInt()).isEqualTo(COMPLETED);
    assertThat(done.path(SCHEMA.column("attempts")).asInt()).isEqualTo(1);
    // A job that has ended is not run again by a late delivery either.
    assertThat(http.send(HttpRequest.newBuilder(URI.create(first.webhookUrl() + "?code=" + KEY))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode()).isEqualTo(202);
    Thread.sleep(200);
    assertThat(row(jobId).path(SCHEMA.column("attempts")).asInt()).isEqualTo(1);
  }

  @Test
  @DisplayName("dataverse-api.md §7.2: a refused webhook is a failed delivery; the job stays Queued for the poll")
  void a_webhook_with_the_wrong_key_is_refused_and_the_poll_remains() throws Exception {
    WebhookRegistration registration = new WebhookRegistration(dataverse, JOB_TABLE);
    registration.register(first.webhookUrl(), "not-the-key");
    String jobId;
    try {
      jobId = dataverse.create(SCHEMA.jobEntitySet(), refreshJob(""));
      assertThat(deliveriesFor(jobId)).singleElement().satisfies(d -> {
        assertThat(d.status()).isEqualTo(WebhookDelivery.Status.FAILED);
        assertThat(d.responseStatuses()).containsExactly(401);
      });
    } finally {
      registration.register(first.webhookUrl(), KEY);
    }
    assertThat(row(jobId).path("statuscode").asInt()).isEqualTo(1);

    first.worker().pollOnce();

    assertThat(row(jobId).path("statuscode").asInt()).isEqualTo(COMPLETED);
  }

  @Test
  @DisplayName("install --webhook-url is idempotent: a second run finds the endpoint and the step by name")
  void registering_again_creates_nothing_new() {
    assertThat(new WebhookRegistration(dataverse, JOB_TABLE).register(first.webhookUrl(), KEY)).isEmpty();
    assertThat(dataverse.get("serviceendpoints?$select=name").path("value")).hasSize(1);
    assertThat(dataverse.get("sdkmessageprocessingsteps?$select=name").path("value")).hasSize(1);
  }
}
