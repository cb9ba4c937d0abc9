package org.spotlerconnector.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The connector's meters, scraped at {@code /metrics} in the Prometheus text format. Other parts of the connector
 * register theirs on {@link #registry()}.
 */
public final class WebMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<WebhookOutcome, Counter> webhooks = new EnumMap<>(WebhookOutcome.class);

  public WebMetrics() {
    for (WebhookOutcome outcome : WebhookOutcome.values()) {
      webhooks.put(outcome, Counter.builder("spotler.webhooks")
          .description("Dataverse webhooks received, by how they were answered")
          .tag("outcome", outcome.tag())
          .register(registry));
    }
  }

  public MeterRegistry registry() {
    return registry;
  }

  void webhook(WebhookOutcome outcome) {
    webhooks.get(outcome).increment();
  }

  String scrape() {
    return registry.scrape();
  }
}
