package org.spotlerconnector.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.Lookups;
import org.spotlerconnector.dataverse.RecordKey;
import org.spotlerconnector.jobs.JobOperation;
import org.spotlerconnector.jobs.JobSchema;
import org.spotlerconnector.sandbox.dataverse.DataverseTable;

/**
 * Creates Spotler Jobs at a steady rate through the Dataverse Web API, alternately Add Tag and Start Automation (each
 * Start Automation for a contact of its own), and measures how long each takes from creation until its row shows it
 * finished. The rows are watched every {@value #WATCH_MILLIS} ms, while jobs are being created too, in the emulator
 * directly, so that watching costs the connector none of its Dataverse budget. One run at a time.
 */
final class JobThroughputProbe {
  private static final long WATCH_MILLIS = 50;
  private static final long WATCH_NANOS = WATCH_MILLIS * 1_000_000;
  private static final String TAG = "Benchmark";

  /**
   * What the phase measured.
   *
   * @param created jobs created; {@code finished} of them ended, {@code succeeded} with result code OK
   * @param elapsed from the first job's creation to the last one's end
   * @param latenciesMillis creation to end of each finished job
   */
  record Result(int created, int finished, int succeeded, Duration elapsed, long[] latenciesMillis) {
    double jobsPerSecond() {
      return elapsed.isZero() ? 0 : finished * 1000.0 / elapsed.toMillis();
    }
  }

  private final DataverseClient dataverse;
  private final DataverseTable jobTable;
  private final JobSchema schema;
  private final String welcomeRowId;
  /** When the rows were last watched, as {@link System#nanoTime()}. */
  private long lastWatch;

  JobThroughputProbe(DataverseClient dataverse, DataverseTable jobTable, JobSchema schema, String welcomeRowId) {
    this.dataverse = dataverse;
    this.jobTable = jobTable;
    this.schema = schema;
    this.welcomeRowId = welcomeRowId;
  }

  /**
   * Creates {@code count} jobs, {@code perSecond} a second, and waits for them until they end or {@code stop} says so.
   * The jobs are numbered from {@code firstJob} on, which picks their contacts: a later phase that numbers on from an
   * earlier one gives its Start Automation jobs contacts of their own.
   */
  Result run(List<UUID> contacts, int firstJob, int count, double perSecond, Duration stallLimit, BooleanSupplier stop)
      throws InterruptedException {
    Map<String, Long> createdAt = new LinkedHashMap<>();
    Map<String, Long> endedAt = new HashMap<>();
    long start = System.nanoTime();
    lastWatch = start - WATCH_NANOS;
    long intervalNanos = (long) (1_000_000_000L / perSecond);
    for (int i = 0; i < count; i++) {
      watchUntil(start + i * intervalNanos, createdAt, endedAt);
      int number = firstJob + i;
      String id = dataverse.create(schema.jobEntitySet(), job(number, contacts.get(number % contacts.size())));
      createdAt.put(id, System.nanoTime());
    }
    long lastProgress = System.nanoTime();
    while (endedAt.size() < createdAt.size() && !stop.getAsBoolean()) {
      int before = endedAt.size();
      watch(createdAt, endedAt);
      if (endedAt.size() > before) {
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > stallLimit.toNanos()) {
        break;
      }
      Thread.sleep(WATCH_MILLIS);
    }
    long[] latencies = endedAt.entrySet().stream()
        .mapToLong(e -> (e.getValue() - createdAt.get(e.getKey())) / 1_000_000).sorted().toArray();
    long last = endedAt.values().stream().mapToLong(Long::longValue).max().orElse(start);
    return new Result(createdAt.size(), endedAt.size(), succeeded(createdAt.keySet()), Duration.ofNanos(last - start),
        latencies);
  }

  private ObjectNode job(int i, UUID contact) {
    boolean start = i % 2 == 1;
    ObjectNode job = JsonNodeFactory.instance.objectNode().put(schema.column("operation"),
        schema.operationValue(start ? JobOperation.START_AUTOMATION : JobOperation.ADD_TAG));
    Lookups.bind(job, schema.column("customer_contact"), "contacts", RecordKey.id(contact.toString()));
    if (start) {
      Lookups.bind(job, schema.column("automation"), schema.automationEntitySet(), RecordKey.id(welcomeRowId));
    } else {
      job.put(schema.column("tag"), TAG);
    }
    return job;
  }

  /**
   * Watches the rows every {@link #WATCH_MILLIS} until {@code due}, when the next job is to be created, so that a job
   * that ends while others are still being created is seen ending as soon as one that ends afterwards.
   */
  private void watchUntil(long due, Map<String, Long> createdAt, Map<String, Long> endedAt)
      throws InterruptedException {
    while (true) {
      if (System.nanoTime() - lastWatch >= WATCH_NANOS) {
        watch(createdAt, endedAt);
      }
      long now = System.nanoTime();
      if (now - due >= 0) {
        return;
      }
      long wait = Math.min(due, lastWatch + WATCH_NANOS) - now;
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
    }
  }

  /** Notes the time each job is first seen finished. */
  private void watch(Map<String, Long> createdAt, Map<String, Long> endedAt) {
    long now = System.nanoTime();
    lastWatch = now;
    for (ObjectNode row : jobTable.rows()) {
      String id = row.path(schema.jobIdColumn()).asText();
      if (row.path("statecode").asInt() == 1 && createdAt.containsKey(id)) {
        endedAt.putIfAbsent(id, now);
      }
    }
  }

  private int succeeded(Set<String> ids) {
    int ok = 0;
    for (ObjectNode row : jobTable.rows()) {
      if (ids.contains(row.path(schema.jobIdColumn()).asText())
          && "OK".equals(row.path(schema.column("resultcode")).asText())) {
        ok++;
      }
    }
    return ok;
  }
}
