package org.spotlerconnector.config;

import java.net.URI;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How to reach the Spotler Mail+ REST API (OAuth 1.0a with consumer key and secret).
 *
 * @param baseUrl the API root, no trailing slash; {@value #DEFAULT_BASE_URL} unless set
 * @param requestsPerSecond the client-side limit (Spotler publishes none)
 * @param timeZone the zone in which Dataverse date-times become Spotler dates and are sent with an offset
 */
public record SpotlerConfig(
    URI baseUrl, String consumerKey, Secret consumerSecret, double requestsPerSecond, ZoneId timeZone) {
  public static final String DEFAULT_BASE_URL = "https://restapi.mailplus.nl/integrationservice";
  public static final double DEFAULT_REQUESTS_PER_SECOND = 5;
  public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Europe/Amsterdam");

  public SpotlerConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(consumerKey, "consumerKey");
    Objects.requireNonNull(consumerSecret, "consumerSecret");
    Objects.requireNonNull(timeZone, "timeZone");
  }
}
