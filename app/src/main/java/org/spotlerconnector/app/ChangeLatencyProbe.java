package org.spotlerconnector.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
 * Measures change latency one way: edits the city of distinct, randomly chosen contacts on one side at a steady rate,
 * each with a value of its own, and times how long each value takes to show up on the other side. Both sides are
 * edited and watched in the emulators directly, so that neither costs an API request.
 */
final class ChangeLatencyProbe {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeLatencyProbe.class);
  /** {@code address1_city} is mapped to Spotler's {@code city} by the default mapping. */
  private static final String DATAVERSE_COLUMN = "address1_city";
  private static final String SPOTLER_PROPERTY = "city";
  private static final long WATCH_EVERY_MILLIS = 10;

  /** One direction: where an edit is made and where its value is looked for. */
  private interface Way {
    void edit(UUID contact, String value);

    boolean arrived(UUID contact, String value);

    String name();
  }

  private final MailPlusEmulator mailplus;
  private final Way way;
  private final Random random;

  /**
   * The outcome.
   *
   * @param made edits made
   * @param elapsed from the first edit until the last arrival (or the probe stopped)
   * @param latenciesMillis of the edits that arrived
   */
  record Result(int made, Duration elapsed, long[] latenciesMillis) {
    int arrived() {
      return latenciesMillis.length;
    }

    /** Edits that arrived a second, over {@link #elapsed}. */
    double perSecond() {
      return elapsed.isZero() ? 0 : arrived() * 1000.0 / elapsed.toMillis();
    }
  }

  private record PendingEdit(String value, long madeAtNanos) {}

  private ChangeLatencyProbe(MailPlusEmulator mailplus, Way way, long seed) {
    this.mailplus = mailplus;
    this.way = way;
    this.random = new Random(seed);
  }

  /** Edits made in Dynamics 365 ({@code address1_city}), watched for on the Spotler contact ({@code city}). */
  static ChangeLatencyProbe toSpotler(DataverseTable contacts, MailPlusEmulator mailplus, long seed) {
    return new ChangeLatencyProbe(mailplus, new Way() {
      @Override
      public void edit(UUID contact, String value) {
        contacts.update(contact, JsonNodeFactory.instance.objectNode().put(DATAVERSE_COLUMN, value));
      }

      @Override
      public boolean arrived(UUID contact, String value) {
        return mailplus.contact(contact.toString())
            .map(c -> value.equals(c.properties().get(SPOTLER_PROPERTY)))
            .orElse(false);
      }

      @Override
      public String name() {
        return "Spotler";
      }
    }, seed);
  }

  /**
   * Edits made in Spotler as a person would make them ({@code city}, which moves the contact's lastChanged on, so the
   * changes feed lists it), watched for in the Dataverse row ({@code address1_city}).
   */
  static ChangeLatencyProbe toDynamics(MailPlusEmulator mailplus, DataverseTable contacts, long seed) {
    return new ChangeLatencyProbe(mailplus, new Way() {
      @Override
      public void edit(UUID contact, String value) {
        mailplus.editContact(contact.toString(), Map.of(SPOTLER_PROPERTY, value));
      }

      @Override
      public boolean arrived(UUID contact, String value) {
        return contacts.get(contact).map(row -> value.equals(row.path(DATAVERSE_COLUMN).asText(null))).orElse(false);
      }

      @Override
      public String name() {
        return "Dynamics 365";
      }
    }, seed);
  }

  /**
   * Makes {@code count} edits at {@code perSecond} on contacts among {@code candidates} that are in Spotler, each
   * value {@code valuePrefix} and the edit's number, then waits for them to arrive. Stops early when {@code stop} says
   * so, or when nothing has arrived for {@code stallLimit} while edits are waiting.
   */
  Result run(List<UUID> candidates, int count, double perSecond, String valuePrefix, Duration stallLimit,
      BooleanSupplier stop) throws InterruptedException {
    Iterator<UUID> targets = shuffled(candidates).iterator();
    Map<UUID, PendingEdit> pending = new LinkedHashMap<>();
    List<Long> latencies = new ArrayList<>(count);
    long intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
    long start = System.nanoTime();
    long lastProgress = start;
    long lastArrival = start;
    int made = 0;
    while (!stop.getAsBoolean()) {
      while (made < count && System.nanoTime() - start >= made * intervalNanos && targets.hasNext()) {
        UUID target = targets.next();
        if (mailplus.contact(target.toString()).isPresent()) {
          String value = valuePrefix + (made + 1);
          way.edit(target, value);
          pending.put(target, new PendingEdit(value, System.nanoTime()));
          made++;
        }
      }
      int before = latencies.size();
      collectArrivals(pending, latencies);
      long now = System.nanoTime();
      if (latencies.size() > before) {
        lastArrival = now;
      }
      if (latencies.size() > before || pending.isEmpty()) {
        lastProgress = now;
      }
      boolean allMade = made == count || !targets.hasNext();
      if (allMade && pending.isEmpty()) {
        break;
      }
      if (now - lastProgress > stallLimit.toNanos()) {
        LOG.atWarn().addKeyValue("waiting", pending.size()).addKeyValue("in", way.name())
            .log("edits stopped arriving; reporting those that did");
        break;
      }
      Thread.sleep(WATCH_EVERY_MILLIS);
    }
    return new Result(made, Duration.ofNanos(lastArrival - start), latencies.stream().mapToLong(Long::longValue).toArray());
  }

  private void collectArrivals(Map<UUID, PendingEdit> pending, List<Long> latencies) {
    for (Iterator<Map.Entry<UUID, PendingEdit>> it = pending.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<UUID, PendingEdit> entry = it.next();
      if (way.arrived(entry.getKey(), entry.getValue().value())) {
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
