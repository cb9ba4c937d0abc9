package org.spotlerconnector.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The connector's small web server: the Dataverse webhook that starts Spotler Jobs at once, health and metrics.
 *
 * <p>It listens on plain HTTP, on the loopback address by default: a real deployment puts a reverse proxy with TLS in
 * front of it, since Dataverse only posts webhooks to HTTPS addresses.
 *
 * @param enabled start the web server with the connector
 * @param host the address to bind, {@code 127.0.0.1} by default
 * @param port the port to listen on, {@code 7400} by default
 * @param webhookKey the key Dataverse sends with each webhook (as {@code ?code=} or the {@code x-webhook-key} header);
 *     always present when enabled
 */
public record WebConfig(boolean enabled, String host, int port, Optional<Secret> webhookKey) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 7400;
  public static final WebConfig DEFAULT = new WebConfig(false, DEFAULT_HOST, DEFAULT_PORT, Optional.empty());

  public WebConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(webhookKey, "webhookKey");
    if (enabled && webhookKey.isEmpty()) {
      throw new IllegalArgumentException("an enabled web server needs a webhook key");
    }
  }
}
