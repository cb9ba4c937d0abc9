package org.spotlerconnector.web;

import java.util.Locale;

/** How the connector answered a webhook; a tag of the {@code spotler.webhooks} counter. */
enum WebhookOutcome {
  /** A job was handed to the intake. */
  ACCEPTED,
  /** Another table or message: answered 202 so Dataverse records no failure, and nothing done. */
  IGNORED,
  /** Wrong or missing key: 401. */
  UNAUTHORIZED,
  /** Not a RemoteExecutionContext: 400. */
  MALFORMED,
  /** Jobs are off on this connector: 503. */
  UNAVAILABLE;

  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
