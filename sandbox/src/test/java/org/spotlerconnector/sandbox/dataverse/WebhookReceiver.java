package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.spotlerconnector.sandbox.http.Json;

/**
 * A webhook endpoint for tests: a JDK HTTP server on 127.0.0.1 that records every request and answers with the
 * statuses it was told to give (200 once they run out), optionally after a delay.
 */
final class WebhookReceiver implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "webhook-receiver");
    t.setDaemon(true);
    return t;
  });
  private final BlockingQueue<Received> arrivals = new LinkedBlockingQueue<>();
  private final List<Received> all = new CopyOnWriteArrayList<>();
  private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
  private volatile Duration delay = Duration.ZERO;

  /** One request as it arrived: the path with its raw query, the headers (any case) and the body. */
  record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {

    String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }

  private WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(threads);
    server.createContext("/", this::receive);
    server.start();
  }

  static WebhookReceiver start() throws IOException {
    return new WebhookReceiver();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The statuses of the next answers, in order. */
  WebhookReceiver answer(Integer... next) {
    statuses.addAll(List.of(next));
    return this;
  }

  WebhookReceiver delay(Duration delay) {
    this.delay = delay;
    return this;
  }

  /** The next request, waiting up to the timeout for it. */
  Received next(Duration timeout) throws InterruptedException {
    Received received = arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (received == null) {
      throw new AssertionError("no webhook arrived within " + timeout);
    }
    return received;
  }

  List<Received> all() {
    return new ArrayList<>(all);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
      Received received = new Received(
          exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
          headers, new String(body, StandardCharsets.UTF_8));
      all.add(received);
      arrivals.add(received);
      Thread.sleep(delay.toMillis());
      Integer status = statuses.poll();
      exchange.sendResponseHeaders(status == null ? 200 : status, -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
