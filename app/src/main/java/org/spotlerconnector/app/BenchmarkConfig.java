package org.spotlerconnector.app;

import java.nio.file.Path;
import java.util.Optional;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.dataverse.ServiceProtectionLimits;

/**
 * The benchmarked connector's configuration file: the outbound contact sync only, with the default mapping, and a
 * Dataverse budget equal to the emulator's limits, as an operator sets it to their environment's; Spotler Jobs when
 * they are measured, and the web server that takes their webhooks when those are.
 */
final class BenchmarkConfig {
  private BenchmarkConfig() {}

  static String yaml(Sandbox sandbox, Path storeFile, BenchmarkSettings settings, Optional<BenchmarkWebhook> webhook) {
    return connector(sandbox, storeFile, settings) + webhook.map(BenchmarkConfig::web).orElse("");
  }

  private static String web(BenchmarkWebhook webhook) {
    return """
        web:
          enabled: true
          host: %s
          port: %d
          webhookKey: "%s"
        """.formatted(BenchmarkWebhook.HOST, webhook.port(), webhook.key());
  }

  private static String connector(Sandbox sandbox, Path storeFile, BenchmarkSettings settings) {
    SandboxOptions o = sandbox.options();
    ServiceProtectionLimits limits = settings.dataverseLimits();
    return """
        connection:
          id: benchmark
        dataverse:
          url: %s
          tenant: %s
          clientId: %s
          clientSecret: %s
          tokenUrl: %s
          budget:
            requestsPerWindow: %d
            executionTimePerWindow: %dms
            window: %dms
            maxConcurrentRequests: %d
        spotler:
          baseUrl: %s
          consumerKey: %s
          consumerSecret: %s
          requestsPerSecond: %s
        store:
          url: jdbc:sqlite:%s
        sync:
          outbound:
            tables: {contact: true, lead: false, account: false}
            pollInterval: %dms
          inbound:
            enabled: false
        jobs:
          enabled: %s
          pollInterval: %dms
        """.formatted(
        sandbox.dataverseUrl(), o.tenant(), o.clientId(), o.clientSecret(), sandbox.tokenUrl(),
        limits.requests(), limits.executionTime().toMillis(), limits.window().toMillis(), limits.concurrency(),
        sandbox.mailplusUrl(), o.consumerKey(), o.consumerSecret(),
        String.valueOf(settings.spotlerRequestsPerSecond()),
        storeFile.toString().replace('\\', '/'), settings.pollInterval().toMillis(),
        settings.jobs() > 0, settings.pollInterval().toMillis());
  }
}
