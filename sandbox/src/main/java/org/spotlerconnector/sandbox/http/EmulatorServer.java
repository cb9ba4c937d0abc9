package org.spotlerconnector.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one {@link Emulator} over real HTTP on 127.0.0.1, adding what every emulator shares: latency, fault
 * injection, the request log and the common inspection API under {@code /_sandbox/}:
 *
 * <ul>
 *   <li>{@code GET /_sandbox/requests?since=N}, {@code DELETE /_sandbox/requests}
 *   <li>{@code GET|PUT|DELETE /_sandbox/faults} (PUT body {@code {"seed":1,"rules":[FaultRule…]}})
 *   <li>{@code GET|PUT /_sandbox/latency} (body {@code {"fixedMillis":50,"jitterMillis":10}})
 * </ul>
 *
 * The JDK server is used on purpose: it gives full control of the wire (a dropped connection is a closed socket, a
 * slow body is a slow socket) and needs no dependency.
 */
public final class EmulatorServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);
  private static final String INSPECTION_PREFIX = "/_sandbox/";
  private static final int SLOW_BODY_CHUNK_BYTES = 64;

  static {
    // Without TCP_NODELAY, Nagle's algorithm and the client's delayed ACK add ~40 ms to many responses, which would
    // make every emulated call slower than the latency the tests and the benchmark ask for.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final Emulator emulator;
  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final RequestLog requestLog = new RequestLog(20_000);
  private final FaultPlan faults;
  private final Latency latency = new Latency();

  private EmulatorServer(Emulator emulator, int port, long seed) throws IOException {
    this.emulator = emulator;
    this.faults = new FaultPlan(seed);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    AtomicInteger threadNumber = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            8,
            512,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, emulator.name() + "-http-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
  }

  /** Starts serving on 127.0.0.1; port 0 picks a free port. */
  public static EmulatorServer start(Emulator emulator, int port, long seed) throws IOException {
    EmulatorServer s = new EmulatorServer(emulator, port, seed);
    s.server.start();
    LOG.atInfo().addKeyValue("emulator", emulator.name()).addKeyValue("url", s.baseUrl()).log("emulator started");
    return s;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public RequestLog requestLog() {
    return requestLog;
  }

  public FaultPlan faults() {
    return faults;
  }

  public Latency latency() {
    return latency;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void exchange(HttpExchange exchange) {
    Instant receivedAt = Instant.now();
    long start = System.nanoTime();
    try (exchange) {
      HttpRequest request = readRequest(exchange);
      if (request.path().startsWith(INSPECTION_PREFIX)) {
        write(exchange, request, inspect(request), 0);
        return;
      }
      serve(exchange, request, receivedAt, start);
    } catch (IOException e) {
      LOG.atDebug().addKeyValue("emulator", emulator.name()).log("client went away: {}", e.toString());
    } catch (RuntimeException e) {
      LOG.atError().addKeyValue("emulator", emulator.name()).setCause(e).log("emulator failed to answer");
    }
  }

  private void serve(HttpExchange exchange, HttpRequest request, Instant receivedAt, long start) throws IOException {
    Optional<FaultRule> fault = faults.pick(request);
    String faultName = fault.map(f -> f.kind().name()).orElse(null);
    try {
      latency.pause();
      if (fault.isPresent()) {
        FaultRule f = fault.get();
        switch (f.kind()) {
          case DROP_CONNECTION -> {
            log(request, 0, start, faultName, receivedAt);
            return; // closing the exchange before any header is sent closes the socket
          }
          case STATUS -> {
            HttpResponse answer = emulator.faultResponse(f.status(), f.retryAfterSeconds());
            log(request, answer.status(), start, faultName, receivedAt);
            write(exchange, request, answer, 0);
            return;
          }
          case DELAY -> Thread.sleep(f.delayMillis());
          default -> {}
        }
      }
      HttpResponse answer = handle(request);
      if (fault.isPresent() && fault.get().kind() == FaultRule.Kind.DROP_AFTER_HANDLING) {
        log(request, 0, start, faultName, receivedAt);
        return;
      }
      log(request, answer.status(), start, faultName, receivedAt);
      long chunkDelay =
          fault.filter(f -> f.kind() == FaultRule.Kind.SLOW_BODY).map(FaultRule::delayMillis).orElse(0L);
      write(exchange, request, answer, chunkDelay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private HttpResponse handle(HttpRequest request) {
    try {
      return emulator.handle(request);
    } catch (Exception | StackOverflowError e) {
      return emulator.errorResponse(e);
    }
  }

  private void log(HttpRequest request, int status, long start, String fault, Instant receivedAt) {
    requestLog.add(request, status, (System.nanoTime() - start) / 1_000_000, fault, receivedAt);
  }

  private HttpResponse inspect(HttpRequest request) {
    try {
      String path = request.path();
      String method = request.method();
      if (path.equals("/_sandbox/requests")) {
        if (method.equals("DELETE")) {
          requestLog.clear();
          return HttpResponse.empty(204);
        }
        long since = request.queryParameter("since").map(Long::parseLong).orElse(0L);
        return HttpResponse.json(200, Map.of("requests", requestLog.since(since)));
      }
      if (path.equals("/_sandbox/faults")) {
        switch (method) {
          case "PUT" -> {
            JsonNode body = request.bodyJson();
            List<FaultRule> rules =
                List.of(Json.MAPPER.treeToValue(body.path("rules"), FaultRule[].class));
            Long seed = body.hasNonNull("seed") ? body.get("seed").asLong() : null;
            faults.replace(rules, seed);
            return HttpResponse.json(200, Map.of("rules", faults.rules()));
          }
          case "DELETE" -> {
            faults.clear();
            return HttpResponse.empty(204);
          }
          default -> {
            return HttpResponse.json(200, Map.of("rules", faults.rules()));
          }
        }
      }
      if (path.equals("/_sandbox/latency")) {
        if (method.equals("PUT")) {
          JsonNode body = request.bodyJson();
          latency.set(body.path("fixedMillis").asLong(0), body.path("jitterMillis").asLong(0));
        }
        ObjectNode node = Json.object();
        node.put("fixedMillis", latency.fixedMillis());
        node.put("jitterMillis", latency.jitterMillis());
        return HttpResponse.json(200, node);
      }
      return emulator
          .inspect(request)
          .orElseGet(() -> HttpResponse.json(404, Map.of("error", "no inspection call " + method + " " + path)));
    } catch (IllegalArgumentException | HttpRequest.MalformedJsonException | IOException e) {
      return HttpResponse.json(400, Map.of("error", String.valueOf(e.getMessage())));
    } catch (Exception e) {
      LOG.atError().setCause(e).log("inspection call failed");
      return HttpResponse.json(500, Map.of("error", String.valueOf(e.getMessage())));
    }
  }

  private static HttpRequest readRequest(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    return new HttpRequest(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(),
        exchange.getRequestHeaders(),
        body,
        String.valueOf(exchange.getRemoteAddress()));
  }

  private static void write(HttpExchange exchange, HttpRequest request, HttpResponse response, long chunkDelayMillis)
      throws IOException {
    response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
    byte[] body = response.body();
    boolean noBody = response.status() == 204 || response.status() == 304 || request.method().equals("HEAD");
    exchange.sendResponseHeaders(response.status(), noBody || body.length == 0 ? -1 : body.length);
    if (noBody || body.length == 0) {
      return;
    }
    try (OutputStream out = exchange.getResponseBody()) {
      if (chunkDelayMillis <= 0) {
        out.write(body);
        return;
      }
      for (int offset = 0; offset < body.length; offset += SLOW_BODY_CHUNK_BYTES) {
        Thread.sleep(chunkDelayMillis);
        out.write(body, offset, Math.min(SLOW_BODY_CHUNK_BYTES, body.length - offset));
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
