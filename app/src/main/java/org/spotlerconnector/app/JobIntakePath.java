package org.spotlerconnector.app;

import java.util.List;
import java.util.Locale;

/** How the jobs of a jobs phase reach the connector. */
enum JobIntakePath {
  /** The connector finds them by polling the job table every poll interval. */
  POLL,
  /**
   * Dataverse posts a webhook for each created job, registered as {@code install --webhook-url} does; the connector
   * starts the job at once and polls as well, as it does in production.
   */
  WEBHOOK;

  /** The paths {@code --job-intake} names: {@code poll}, {@code webhook} or {@code both} (polling first). */
  static List<JobIntakePath> parse(String option) {
    return switch (option.trim().toLowerCase(Locale.ROOT)) {
      case "poll" -> List.of(POLL);
      case "webhook" -> List.of(WEBHOOK);
      case "both" -> List.of(POLL, WEBHOOK);
      default -> throw new IllegalArgumentException("--job-intake takes poll, webhook or both: " + option);
    };
  }
}
