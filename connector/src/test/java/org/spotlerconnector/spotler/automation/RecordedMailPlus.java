package org.spotlerconnector.spotler.automation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.MailPlusConfig;

/**
 * A stand-in for Mail+ that plays back recorded answers over real HTTP on 127.0.0.1 and keeps what it received, for
 * unit tests of the adapter's request shapes, parsing and retry rules. Answers are queued per call; the last one
 * repeats.
 */
final class RecordedMailPlus implements AutoCloseable {
  static final String PREFIX = "/integrationservice";
  static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);
  static final int MAX_RETRIES = 2;

  /** What the stand-in does with one request. */
  record Reply(int status, String body, Map<String, String> headers, boolean closeWithoutAnswer, Duration delay) {
    static Reply json(int status, String body) {
      return new Reply(status, body, Map.of("Content-Type", "application/json"), false, Duration.ZERO);
    }

    static Reply noContent() {
      return new Reply(204, "", Map.of(), false, Duration.ZERO);
    }

    /** Closes the connection without an answer, as when the answer is lost after Mail+ acted. */
    static Reply dropped() {
      return new Reply(0, "", Map.of(), true, Duration.ZERO);
    }

    /** Answers only after the client's request timeout. */
    static Reply tooLate() {
      return new Reply(204, "", Map.of(), false, REQUEST_TIMEOUT.multipliedBy(3));
    }

    Reply withHeader(String name, String value) {
      Map<String, String> more = new HashMap<>(headers);
      more.put(name, value);
      return new Reply(status, body, Map.copyOf(more), closeWithoutAnswer, delay);
    }
  }

  /** One request as received; {@code path} is below {@link #PREFIX}, still encoded. */
  record Received(Instant at, String method, String path, String body) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Deque<Reply>> replies = new HashMap<>();
  private final List<Received> received = new ArrayList<>();

  private RecordedMailPlus() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
  }

  static RecordedMailPlus start() throws IOException {
    return new RecordedMailPlus();
  }

  /** Queues answers to {@code method path} (path below {@link #PREFIX}, encoded as sent). */
  synchronized RecordedMailPlus on(String method, String path, Reply... answers) {
    replies.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).addAll(List.of(answers));
    return this;
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  MailPlusClient client() {
    return MailPlusClient.create(
        MailPlusConfig.builder("recorded-key", "recorded-secret")
            .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + PREFIX)
            .requestTimeout(REQUEST_TIMEOUT)
            .maxRetries(MAX_RETRIES)
            .backoff(Duration.ofMillis(5), Duration.ofMillis(20))
            .requestsPerSecond(1000)
            .build());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String path = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
      Reply reply = next(new Received(Instant.now(), exchange.getRequestMethod(), path, body));
      if (reply.closeWithoutAnswer()) {
        return;
      }
      Thread.sleep(reply.delay().toMillis());
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException clientGone) {
      // the client timed out first: nothing left to answer
    }
  }

  private synchronized Reply next(Received request) {
    received.add(request);
    Deque<Reply> queue = replies.get(request.method() + " " + request.path());
    if (queue == null || queue.isEmpty()) {
      return Reply.json(404, "{\"errorType\":\"RESOURCE_NOT_FOUND\",\"message\":\"nothing recorded for this call\"}");
    }
    return queue.size() == 1 ? queue.peek() : queue.poll();
  }
}
