package org.spotlerconnector.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.install.WebhookRegistration;
import org.spotlerconnector.jobs.JobSchema;
import org.spotlerconnector.sandbox.dataverse.DataverseEmulator;
import org.spotlerconnector.sandbox.dataverse.WebhookDelivery;

/**
 * The connector's webhook in a benchmark run: a free local port and a fresh key for its {@code web} configuration,
 * the registration in the Dataverse emulator that {@code install --webhook-url} makes, and what the emulator delivered.
 */
final class BenchmarkWebhook {
  static final String HOST = "127.0.0.1";
  private static final Duration DELIVERIES_WAIT = Duration.ofSeconds(30);

  /**
   * The webhooks the emulator sent for created jobs.
   *
   * @param delivered answered with a 2xx
   * @param notDelivered answered otherwise (after the one repeat that follows a 502, 503 or 504), not answered, or
   *     still being sent when the wait for them ended
   */
  record Deliveries(int delivered, int notDelivered) {}

  private final int port;
  private final String key;

  private BenchmarkWebhook(int port, String key) {
    this.port = port;
    this.key = key;
  }

  /** A port free now; the connector binds it a moment later, when nothing else is likely to have taken it. */
  static BenchmarkWebhook onFreePort() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      port = probe.getLocalPort();
    }
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new BenchmarkWebhook(port, Base64.getUrlEncoder().withoutPadding().encodeToString(key));
  }

  int port() {
    return port;
  }

  String key() {
    return key;
  }

  /** The service endpoint and the step on Create of the job table, pointing at the connector's web server. */
  void register(DataverseClient dataverse, JobSchema schema) {
    URI url = URI.create("http://" + HOST + ":" + port + "/webhooks/dataverse");
    new WebhookRegistration(dataverse, schema.column("spotlerjob")).register(url, key);
  }

  /**
   * The deliveries of the job table's webhooks, once none is being sent any more. The step is registered on Create of
   * that table only, so these are the webhooks of the jobs created since the registration.
   */
  static Deliveries deliveries(DataverseEmulator dataverse, JobSchema schema) throws InterruptedException {
    dataverse.awaitWebhooks(DELIVERIES_WAIT);
    String jobTable = schema.column("spotlerjob");
    List<WebhookDelivery> jobDeliveries = dataverse.webhookDeliveries().stream()
        .filter(d -> jobTable.equals(d.entityName()))
        .toList();
    int delivered = (int) jobDeliveries.stream().filter(d -> d.status() == WebhookDelivery.Status.DELIVERED).count();
    return new Deliveries(delivered, jobDeliveries.size() - delivered);
  }
}
