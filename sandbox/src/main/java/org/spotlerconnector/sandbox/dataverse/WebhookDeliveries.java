package org.spotlerconnector.sandbox.dataverse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The log of webhook deliveries, newest last, keeping the most recent ones. Thread-safe; waiting for the pending
 * deliveries to finish lets tests and the demo observe asynchronous webhooks without sleeping.
 */
final class WebhookDeliveries {
  private static final int CAPACITY = 10_000;

  private final Map<UUID, WebhookDelivery> deliveries = new LinkedHashMap<>();
  private int pending;

  synchronized WebhookDelivery started(WebhookCall call, Instant at) {
    WebhookDelivery delivery =
        new WebhookDelivery(
            UUID.randomUUID(),
            call.stepId(),
            call.stepName(),
            call.asynchronous(),
            call.url(),
            call.change().message(),
            call.change().table().logicalName(),
            call.change().id(),
            call.correlationId(),
            WebhookDelivery.Status.PENDING,
            List.of(),
            null,
            at,
            null);
    deliveries.put(delivery.id(), delivery);
    if (deliveries.size() > CAPACITY) {
      deliveries.remove(deliveries.keySet().iterator().next());
    }
    pending++;
    return delivery;
  }

  synchronized WebhookDelivery finished(WebhookDelivery started, List<Integer> statuses, String error, Instant at) {
    WebhookDelivery.Status status = error == null ? WebhookDelivery.Status.DELIVERED : WebhookDelivery.Status.FAILED;
    WebhookDelivery finished =
        new WebhookDelivery(
            started.id(), started.stepId(), started.stepName(), started.asynchronous(), started.url(),
            started.messageName(), started.entityName(), started.entityId(), started.correlationId(), status,
            statuses, error, started.queuedAt(), at);
    deliveries.replace(started.id(), finished);
    return finished;
  }

  /**
   * Ends a delivery's wait, after {@link #finished} and after what follows from it (an asynchronous step's system
   * job), so that a waiter sees both.
   */
  synchronized void settled() {
    pending--;
    notifyAll();
  }

  synchronized List<WebhookDelivery> all() {
    return new ArrayList<>(deliveries.values());
  }

  /** Forgets finished deliveries; pending ones stay until they finish. */
  synchronized void clear() {
    deliveries.values().removeIf(d -> d.status() != WebhookDelivery.Status.PENDING);
  }

  /** Waits until no delivery is pending; false when the timeout passed first. */
  synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pending > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
