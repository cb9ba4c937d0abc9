package org.spotlerconnector.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.spotlerconnector.config.DefaultMapping;
import org.spotlerconnector.mapping.Direction;
import org.spotlerconnector.mapping.FieldMapping;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.sandbox.Sandbox;
import org.spotlerconnector.sandbox.SandboxOptions;
import org.spotlerconnector.sandbox.dataverse.ServiceProtectionLimits;

/**
 * The benchmarked connector's configuration files, with a Dataverse budget equal to the emulator's limits, as an
 * operator sets it to their environment's. The outbound phases' connector syncs contacts one way with the default
 * mapping, Spotler Jobs when they are measured, and the web server that takes their webhooks when those are. The
 * inbound phase's connector, on the same store, has the default mapping's contact rows with {@link #TWO_WAY_FIELDS}
 * mapped {@code <->}, and reads Spotler's changes.
 */
final class BenchmarkConfig {
  /** The fields the inbound phase maps both ways; its edits are made in {@code city}. */
  static final Set<String> TWO_WAY_FIELDS = Set.of("firstName", "lastName", "city", "phoneNumber");

  private BenchmarkConfig() {}

  static String yaml(Sandbox sandbox, Path storeFile, BenchmarkSettings settings, Optional<BenchmarkWebhook> webhook) {
    return connection(sandbox, storeFile, settings) + """
          inbound:
            enabled: false
        jobs:
          enabled: %s
          pollInterval: %dms
        """.formatted(settings.jobs() > 0, settings.pollInterval().toMillis())
        + webhook.map(BenchmarkConfig::web).orElse("");
  }

  /** The inbound phase's connector: Spotler's changes read every poll interval, no jobs, no web server. */
  static String twoWayYaml(Sandbox sandbox, Path storeFile, BenchmarkSettings settings) {
    return connection(sandbox, storeFile, settings) + """
          inbound:
            enabled: true
            pollInterval: %dms
            overlap: %dms
            newSubscribers:
              createAs: ignore
        jobs:
          enabled: false
        """.formatted(settings.pollInterval().toMillis(), settings.inboundOverlap().toMillis())
        + twoWayMapping();
  }

  /** The default mapping's rows for contacts, in the same order, with {@link #TWO_WAY_FIELDS} mapped both ways. */
  private static String twoWayMapping() {
    StringBuilder yaml = new StringBuilder("mapping:\n");
    for (FieldMapping row : DefaultMapping.rows()) {
      row.column(SourceTable.CONTACT).ifPresent(column -> yaml
          .append("  - spotler: ").append(row.spotlerField()).append('\n')
          .append("    contact: \"").append(column.text()).append("\"\n")
          .append("    direction: \"").append(TWO_WAY_FIELDS.contains(row.spotlerField())
              ? Direction.BOTH.symbol() : row.direction().symbol()).append("\"\n"));
    }
    return yaml.toString();
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

  /** Everything up to the sync section's inbound part, which each phase's connector sets its own way. */
  private static String connection(Sandbox sandbox, Path storeFile, BenchmarkSettings settings) {
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
        """.formatted(
        sandbox.dataverseUrl(), o.tenant(), o.clientId(), o.clientSecret(), sandbox.tokenUrl(),
        limits.requests(), limits.executionTime().toMillis(), limits.window().toMillis(), limits.concurrency(),
        sandbox.mailplusUrl(), o.consumerKey(), o.consumerSecret(),
        String.valueOf(settings.spotlerRequestsPerSecond()),
        storeFile.toString().replace('\\', '/'), settings.pollInterval().toMillis());
  }
}
