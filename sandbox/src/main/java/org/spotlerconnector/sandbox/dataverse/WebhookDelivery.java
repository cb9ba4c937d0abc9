package org.spotlerconnector.sandbox.dataverse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One webhook the emulator sent (or is sending) for a registered step, as the inspection API and
 * {@link DataverseEmulator#webhookDeliveries()} report it. The URL is the endpoint's, without the key or query string
 * settings, so that no secret is shown.
 *
 * @param responseStatuses the HTTP status of each attempt in order, 0 for an attempt that got no answer (refused
 *     connection, timeout); a second attempt is made only after 502, 503 or 504
 * @param error why the delivery failed, or null
 * @param finishedAt null while pending
 */
public record WebhookDelivery(
    UUID id,
    UUID stepId,
    String stepName,
    boolean asynchronous,
    String url,
    String messageName,
    String entityName,
    UUID entityId,
    UUID correlationId,
    Status status,
    List<Integer> responseStatuses,
    String error,
    Instant queuedAt,
    Instant finishedAt) {

  public enum Status {
    PENDING,
    DELIVERED,
    FAILED
  }

  public WebhookDelivery {
    responseStatuses = List.copyOf(responseStatuses);
  }

  public int attempts() {
    return responseStatuses.size();
  }
}
