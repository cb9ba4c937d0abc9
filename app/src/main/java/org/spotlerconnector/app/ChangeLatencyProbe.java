package org.spotlerconnector.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.sandbox.dataverse.DataverseTable;
import org.spotlerconnector.sandbox.mailplus.MailPlusEmulator;

/**
 * Measures change-to-Spotler latency: edits a mapped column of distinct, randomly chosen contacts in Dataverse at a
 * steady rate, each with a value of its own, and times how long each value takes to show up on the contact in Mail+.
 */
final class ChangeLatencyProbe {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeLatencyProbe.class);
  /** {@code address1_city} is mapped to Spotler's {@code city} by the default mapping. */
  private static final String DATAVERSE_COLUMN = "address1_city";
  private static final String SPOTLER_PROPERTY = "city";
  private static final long WATCH_EVERY_MILLIS = 10;

  private final DataverseTable contacts;
  private final MailPlusEmulator mailplus;
  private final Random random;

  /** The outcome: latencies in milliseconds of the edits that arrived, and how many were made. */
  record Result(int made, long[] latenciesMillis) {
    int arrived() {
      return latenciesMillis.length;
    }
  }

  private record PendingEdit(String value, long madeAtNanos) {}

  ChangeLatencyProbe(DataverseTable contacts, MailPlusEmulator mailplus, long seed) {
    this.contacts = contacts;
    this.mailplus = mailplus;
    this.random = new Random(seed);
  }

  /**
   * Makes {@code count} edits at {@code perSecond} on contacts among {@code candidates} that are in Spotler, then
   * waits for them to arrive. Stops early when {@code stop} says so, or when nothing has arrived for
   * {@code stallLimit} while edits are waiting.
   */
  Result run(List<UUID> candidates, int count, double perSecond, Duration stallLimit, BooleanSupplier stop)
      throws InterruptedException {
    Iterator<UUID> targets = shuffled(candidates).iterator();
    Map<UUID, PendingEdit> pending = new LinkedHashMap<>();
    List<Long> latencies = new ArrayList<>(count);
    long intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
    long start = System.nanoTime();
    long lastProgress = start;
    int made = 0;
    while (!stop.getAsBoolean()) {
      while (made < count && System.nanoTime() - start >= made * intervalNanos && targets.hasNext()) {
        UUID target = targets.next();
        if (mailplus.contact(target.toString()).isPresent()) {
          pending.put(target, edit(target, made));
          made++;
        }
      }
      int before = latencies.size();
      collectArrivals(pending, latencies);
      long now = System.nanoTime();
      if (latencies.size() > before || pending.isEmpty()) {
        lastProgress = now;
      }
      boolean allMade = made == count || !targets.hasNext();
      if (allMade && pending.isEmpty()) {
        break;
      }
      if (now - lastProgress > stallLimit.toNanos()) {
        LOG.atWarn().addKeyValue("waiting", pending.size())
            .log("edits stopped arriving in Spotler; reporting those that did");
        break;
      }
      Thread.sleep(WATCH_EVERY_MILLIS);
    }
    return new Result(made, latencies.stream().mapToLong(Long::longValue).toArray());
  }

  private PendingEdit edit(UUID contactId, int number) {
    String value = "Benchmark " + (number + 1);
    ObjectNode change = JsonNodeFactory.instance.objectNode().put(DATAVERSE_COLUMN, value);
    contacts.update(contactId, change);
    return new PendingEdit(value, System.nanoTime());
  }

  private void collectArrivals(Map<UUID, PendingEdit> pending, List<Long> latencies) {
    for (Iterator<Map.Entry<UUID, PendingEdit>> it = pending.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<UUID, PendingEdit> entry = it.next();
      boolean arrived = mailplus.contact(entry.getKey().toString())
          .map(c -> entry.getValue().value().equals(c.properties().get(SPOTLER_PROPERTY)))
          .orElse(false);
      if (arrived) {
        latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - entry.getValue().madeAtNanos()));
        it.remove();
      }
    }
  }

  private List<UUID> shuffled(List<UUID> candidates) {
    List<UUID> copy = new ArrayList<>(candidates);
    Collections.shuffle(copy, random);
    return copy;
  }
}
