package org.spotlerconnector.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's web server: {@code POST /webhooks/dataverse} (see {@link DataverseWebhookHandler}),
 * {@code GET /health} and {@code GET /metrics} (Prometheus text format). Every error is answered as JSON
 * {@code {"title", "status"}}.
 *
 * <p>It speaks plain HTTP and binds to {@code 127.0.0.1:7400} unless told otherwise. Dataverse posts webhooks only to
 * HTTPS addresses, so a real deployment puts a reverse proxy with TLS in front of it and forwards
 * {@code /webhooks/dataverse} only; {@code /health} and {@code /metrics} are for the proxy and the monitoring, which
 * should not be reachable from the internet.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Settings settings;
  private final Javalin app;

  /**
   * What the server needs.
   *
   * @param host the address to bind
   * @param port the port, {@code 0} for any free one
   * @param webhookKey the key Dataverse must send with each webhook
   * @param connectionId the connection this connector serves, shown by {@code /health}
   * @param jobTable the logical name of the job table, e.g. {@code spot_spotlerjob}
   * @param intake where accepted jobs go; empty when jobs are off, so webhooks are answered 503
   */
  public record Settings(
      String host, int port, String webhookKey, String connectionId, String jobTable, Optional<JobIntake> intake) {
    public Settings {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(webhookKey, "webhookKey");
      Objects.requireNonNull(connectionId, "connectionId");
      Objects.requireNonNull(jobTable, "jobTable");
      Objects.requireNonNull(intake, "intake");
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must lie between 0 and 65535: " + port);
      }
    }
  }

  public WebServer(Settings settings, WebMetrics metrics) {
    this.settings = settings;
    DataverseWebhookHandler webhook = new DataverseWebhookHandler(
        new WebhookKey(settings.webhookKey()), settings.jobTable(), settings.intake(), metrics);
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jetty.host = settings.host();
      config.jetty.port = settings.port();
      config.routes.post("/webhooks/dataverse", webhook);
      config.routes.get("/health", ctx ->
          JsonAnswers.write(ctx, HttpStatus.OK, Map.of("status", "UP", "connection", settings.connectionId())));
      config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
      // Javalin answers HttpResponseException itself unless a mapper names that class, so both are named.
      config.routes.exception(HttpResponseException.class, WebServer::renderError);
      config.routes.exception(Exception.class, WebServer::renderError);
      config.routes.error(404, ctx -> renderError(new HttpResponseException(404, "Not found"), ctx));
    });
  }

  /** Starts listening; returns once the port is bound. */
  public WebServer start() {
    app.start();
    LOG.atInfo().addKeyValue("host", settings.host()).addKeyValue("port", port()).log("web server started");
    return this;
  }

  /** The port listened on, useful when {@code 0} asked for any free one. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  private static void renderError(Exception failure, Context ctx) {
    HttpResponseException answer;
    if (failure instanceof HttpResponseException known) {
      answer = known;
    } else {
      LOG.atError().setCause(failure).addKeyValue("path", ctx.path()).log("request failed unexpectedly");
      answer = new HttpResponseException(500, "Internal server error");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", answer.getMessage());
    body.put("status", answer.getStatus());
    JsonAnswers.write(ctx, HttpStatus.forStatus(answer.getStatus()), body);
  }
}
