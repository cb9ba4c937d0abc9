package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Posts webhooks the way Dataverse does (use-webhooks.md, dataverse-api.md §7.2): the RemoteExecutionContext as JSON
 * with the {@code x-ms-dynamics-organization}, {@code x-ms-dynamics-entity-name}, {@code x-ms-dynamics-request-name}
 * and {@code x-ms-correlation-request-id} headers and the endpoint's authentication; only the status code counts, any
 * 2xx is a success; the timeout is 60 seconds (changeable for tests); one more attempt is made only after 502, 503 or
 * 504. A body over 256 KB loses {@code ParentContext}, {@code InputParameters} and the images and carries
 * {@code x-ms-dynamics-msg-size-exceeded} (its value, {@code true}, is the emulator's choice).
 *
 * <p>Asynchronous runs go to a small pool of background threads, so the API call that caused them never waits; each
 * is logged in {@link WebhookDeliveries} and recorded as a system job.
 */
final class WebhookSender {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
  private static final Set<Integer> RETRIED = Set.of(502, 503, 504);
  private static final int SIZE_LIMIT_BYTES = 256 * 1024;
  private static final List<String> STRIPPED_WHEN_TOO_BIG =
      List.of("ParentContext", "InputParameters", "PreEntityImages", "PostEntityImages");
  private static final int THREADS = 4;

  private final Clock clock;
  private final WebhookDeliveries deliveries;
  private final AsyncJobs jobs;
  private final ThreadPoolExecutor background;
  private volatile Duration timeout = DEFAULT_TIMEOUT;
  private HttpClient http;

  WebhookSender(Clock clock, WebhookDeliveries deliveries, AsyncJobs jobs) {
    this.clock = clock;
    this.deliveries = deliveries;
    this.jobs = jobs;
    AtomicInteger threadNumber = new AtomicInteger();
    this.background =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            5,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "dataverse-webhook-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    background.allowCoreThreadTimeOut(true);
  }

  Duration timeout() {
    return timeout;
  }

  void timeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    this.timeout = timeout;
  }

  /** Sends a synchronous step's webhook on the calling thread. */
  WebhookDelivery deliver(WebhookCall call) {
    WebhookDelivery started = deliveries.started(call, clock.instant());
    try {
      return send(call, started);
    } finally {
      deliveries.settled();
    }
  }

  /** Queues an asynchronous step's webhook; it is sent and recorded as a system job on a background thread. */
  void submit(WebhookCall call) {
    WebhookDelivery started = deliveries.started(call, clock.instant());
    background.execute(() -> {
      try {
        jobs.record(call, send(call, started));
      } finally {
        deliveries.settled();
      }
    });
  }

  private WebhookDelivery send(WebhookCall call, WebhookDelivery started) {
    List<Integer> statuses = new ArrayList<>();
    String error;
    try {
      HttpRequest request = request(call);
      int status = attempt(request);
      statuses.add(status);
      if (RETRIED.contains(status)) {
        status = attempt(request);
        statuses.add(status);
      }
      error = status >= 200 && status < 300 ? null : "The webhook endpoint answered HTTP " + status + ".";
    } catch (HttpTimeoutException e) {
      statuses.add(0);
      error = "The webhook endpoint did not answer within " + timeout.toSeconds() + " seconds.";
    } catch (IOException | IllegalArgumentException e) {
      statuses.add(0);
      error = "The webhook endpoint could not be reached: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      statuses.add(0);
      error = "The webhook delivery was interrupted.";
    }
    WebhookDelivery finished = deliveries.finished(started, statuses, error, clock.instant());
    LOG.atDebug()
        .addKeyValue("step", call.stepId())
        .addKeyValue("entity", call.change().table().logicalName())
        .addKeyValue("message", call.change().message())
        .addKeyValue("statuses", statuses)
        .log(error == null ? "webhook delivered" : "webhook failed");
    return finished;
  }

  private int attempt(HttpRequest request) throws IOException, InterruptedException {
    return client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private HttpRequest request(WebhookCall call) throws IOException {
    byte[] body = Json.MAPPER.writeValueAsBytes(call.body());
    boolean tooBig = body.length > SIZE_LIMIT_BYTES;
    if (tooBig) {
      ObjectNode trimmed = call.body().deepCopy();
      trimmed.remove(STRIPPED_WHEN_TOO_BIG);
      body = Json.MAPPER.writeValueAsBytes(trimmed);
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(call.authentication().target(call.url()))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("x-ms-dynamics-organization", call.organizationDomain())
            .header("x-ms-dynamics-entity-name", call.change().table().logicalName())
            .header("x-ms-dynamics-request-name", call.change().message())
            .header("x-ms-correlation-request-id", call.correlationId().toString())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (tooBig) {
      builder.header("x-ms-dynamics-msg-size-exceeded", "true");
    }
    for (Map.Entry<String, String> header : call.authentication().headers().entrySet()) {
      builder.header(header.getKey(), header.getValue());
    }
    return builder.build();
  }

  /** The client is made on first use, so an environment that never sends a webhook starts no client threads. */
  private synchronized HttpClient client() {
    if (http == null) {
      http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }
    return http;
  }
}
