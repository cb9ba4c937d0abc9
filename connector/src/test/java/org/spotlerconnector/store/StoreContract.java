package org.spotlerconnector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every database behind the {@link Store} must show. One subclass per database supplies a fresh, empty
 * database for its test class; each test works under its own connection id, so tests never see each other's rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration LEASE = Duration.ofMinutes(1);
  private static final String CONTACT = "contact";
  private static final String FEED = "contact-updates";
  /** One transaction of batched statements for 10,000 rows takes well under this; a transaction per row far longer. */
  private static final long BULK_LIMIT_MILLIS = 5_000;

  private final TestClock clock = new TestClock(Instant.parse("2026-03-01T08:00:00Z"));
  private StoreConfig config;
  private Store store;
  private String connectionId;

  /** A fresh, empty database for this test class; called once before the first test. */
  protected abstract StoreConfig.Builder database();

  /** Removes what {@link #database()} created. */
  protected void dropDatabase() {}

  /**
   * Why the database cannot be used here, if it cannot: then every test is skipped with this reason. (Skipping each
   * test rather than the class makes the skips show in the test counts.)
   */
  protected Optional<String> unavailable() {
    return Optional.empty();
  }

  @BeforeAll
  void openStore() {
    if (unavailable().isEmpty()) {
      config = database().clock(clock).build();
      store = Store.open(config);
    }
  }

  @AfterAll
  void closeStore() {
    if (store != null) {
      store.close();
      dropDatabase();
    }
  }

  @BeforeEach
  void useNewConnectionId() {
    unavailable().ifPresent(Assumptions::abort);
    connectionId = "connection-" + UUID.randomUUID();
  }

  // --- migrations ---

  @Test
  void migrations_run_once_and_reopening_the_store_runs_none_again() throws SQLException {
    queue().enqueue(connectionId, List.of(upsert("a", 0)));
    int appliedBefore = appliedMigrations();

    try (Store reopened = Store.open(config)) {
      assertThat(reopened.outboundQueue().counts(connectionId).pending()).isEqualTo(1);
    }

    assertThat(appliedBefore).isPositive();
    assertThat(appliedMigrations()).isEqualTo(appliedBefore);
  }

  // --- outbound queue: coalescing ---

  @Test
  void tells_which_records_have_a_queued_change_and_carries_the_payload() {
    ObjectNode payload = JsonNodeFactory.instance.objectNode().put("firstName", "Anna");
    queue().enqueue(connectionId, List.of(new RecordChange(CONTACT, "a", ChangeKind.UPSERT, at(0), payload), upsert("b", 0)));

    assertThat(queue().queuedRecordIds(connectionId, CONTACT, List.of("a", "b", "c"))).containsExactlyInAnyOrder("a", "b");
    assertThat(queue().queuedRecordIds(connectionId, "lead", List.of("a"))).isEmpty();
    assertThat(queue().claim(connectionId, 10, Duration.ofMinutes(1)))
        .filteredOn(c -> c.recordId().equals("a")).singleElement()
        .satisfies(c -> assertThat(c.payload()).isEqualTo(payload));
  }

  @Test
  void a_second_change_of_a_record_updates_its_pending_entry_instead_of_adding_one() {
    queue().enqueue(connectionId, List.of(upsert("a", 0)));
    queue().enqueue(connectionId, List.of(change("a", ChangeKind.DEACTIVATE, 5)));

    List<QueuedChange> claimed = queue().claim(connectionId, 10, LEASE);

    assertThat(claimed).singleElement().satisfies(entry -> {
      assertThat(entry.kind()).isEqualTo(ChangeKind.DEACTIVATE);
      assertThat(entry.changedAt()).isEqualTo(at(5));
      assertThat(entry.version()).isEqualTo(2);
    });
  }

  @Test
  void an_older_change_arriving_late_does_not_replace_the_newer_one() {
    queue().enqueue(connectionId, List.of(change("a", ChangeKind.DELETE, 10)));
    queue().enqueue(connectionId, List.of(upsert("a", 3)));

    assertThat(queue().claim(connectionId, 10, LEASE))
        .singleElement()
        .satisfies(entry -> {
          assertThat(entry.kind()).isEqualTo(ChangeKind.DELETE);
          assertThat(entry.version()).isEqualTo(1);
        });
  }

  @Test
  void changes_of_one_record_within_one_call_are_coalesced_to_the_newest() {
    queue().enqueue(
        connectionId,
        List.of(upsert("a", 1), change("a", ChangeKind.DELETE, 9), change("a", ChangeKind.DEACTIVATE, 4)));

    assertThat(queue().counts(connectionId)).isEqualTo(new QueueCounts(1, 0, 0));
    assertThat(queue().claim(connectionId, 10, LEASE))
        .extracting(QueuedChange::kind)
        .containsExactly(ChangeKind.DELETE);
  }

  // --- outbound queue: claim, complete, fail, park ---

  @Test
  void claim_takes_due_entries_up_to_the_limit_oldest_first_and_holds_them() {
    queue().enqueue(connectionId, List.of(upsert("first", 1)));
    clock.advance(Duration.ofSeconds(1));
    queue().enqueue(connectionId, List.of(upsert("second", 2)));
    clock.advance(Duration.ofSeconds(1));
    queue().enqueue(connectionId, List.of(upsert("third", 3)));

    List<QueuedChange> claimed = queue().claim(connectionId, 2, LEASE);

    assertThat(claimed).extracting(QueuedChange::recordId).containsExactly("first", "second");
    assertThat(claimed).allSatisfy(entry -> {
      assertThat(entry.attempts()).isEqualTo(1);
      assertThat(entry.claimToken()).isNotNull();
      assertThat(entry.tableName()).isEqualTo(CONTACT);
    });
    assertThat(queue().claim(connectionId, 10, LEASE)).extracting(QueuedChange::recordId).containsExactly("third");
    assertThat(queue().claim(connectionId, 10, LEASE)).isEmpty();
    assertThat(queue().counts(connectionId)).isEqualTo(new QueueCounts(0, 3, 0));
  }

  @Test
  void complete_removes_sent_entries() {
    queue().enqueue(connectionId, List.of(upsert("a", 0), upsert("b", 0)));
    List<QueuedChange> claimed = queue().claim(connectionId, 10, LEASE);

    queue().complete(connectionId, claimed);

    assertThat(queue().counts(connectionId).total()).isZero();
  }

  @Test
  void complete_keeps_a_change_that_arrived_while_the_entry_was_in_flight() {
    queue().enqueue(connectionId, List.of(upsert("a", 0), upsert("b", 0)));
    List<QueuedChange> claimed = queue().claim(connectionId, 10, LEASE);
    queue().enqueue(connectionId, List.of(change("a", ChangeKind.DEACTIVATE, 7)));

    queue().complete(connectionId, claimed);

    assertThat(queue().claim(connectionId, 10, LEASE))
        .singleElement()
        .satisfies(entry -> {
          assertThat(entry.recordId()).isEqualTo("a");
          assertThat(entry.kind()).isEqualTo(ChangeKind.DEACTIVATE);
          assertThat(entry.attempts()).isEqualTo(1);
        });
  }

  @Test
  void a_change_while_in_flight_does_not_make_the_entry_claimable_twice_at_once() {
    queue().enqueue(connectionId, List.of(upsert("a", 0)));
    queue().claim(connectionId, 10, LEASE);

    queue().enqueue(connectionId, List.of(upsert("a", 1)));

    assertThat(queue().claim(connectionId, 10, LEASE)).isEmpty();
    assertThat(queue().counts(connectionId)).isEqualTo(new QueueCounts(0, 1, 0));
  }

  @Test
  void fail_schedules_a_retry_keeping_the_reason_and_the_attempt_count() {
    queue().enqueue(connectionId, List.of(upsert("a", 0)));
    QueuedChange claimed = queue().claim(connectionId, 10, LEASE).get(0);

    boolean failed = queue().fail(connectionId, claimed, "Spotler answered 503", clock.instant().plusSeconds(30));

    assertThat(failed).isTrue();
    assertThat(queue().counts(connectionId)).isEqualTo(new QueueCounts(1, 0, 0));
    assertThat(queue().claim(connectionId, 10, LEASE)).isEmpty();
    clock.advance(Duration.ofSeconds(30));
    assertThat(queue().claim(connectionId, 10, LEASE))
        .singleElement()
        .satisfies(retry -> {
          assertThat(retry.attempts()).isEqualTo(2);
          assertThat(retry.lastError()).isEqualTo("Spotler answered 503");
        });
  }

  @Test
  void a_newer_change_does_not_skip_the_retry_delay_of_a_failed_entry() {
    queue().enqueue(connectionId, List.of(upsert("a", 0)));
    QueuedChange claimed = queue().claim(connectionId, 10, LEASE).get(0);
    queue().fail(connectionId, claimed, "timeout", clock.instant().plusSeconds(60));

    queue().enqueue(connectionId, List.of(upsert("a", 1)));

    assertThat(queue().claim(connectionId, 10, LEASE)).isEmpty();
  }

  @Test
  void a_parked_entry_is_not_claimed_and_shows_why_it_was_parked() {
    queue().enqueue(connectionId, List.of(upsert("a", 0), upsert("b", 0)));
    QueuedChange claimed = queue().claim(connectionId, 1, LEASE).get(0);

    boolean parked = queue().park(connectionId, claimed, "Spotler rejected the e-mail address");

    assertThat(parked).isTrue();
    assertThat(queue().counts(connectionId)).isEqualTo(new QueueCounts(1, 0, 1));
    assertThat(queue().parked(connectionId, 10))
        .singleElement()
        .satisfies(entry -> {
          assertThat(entry.recordId()).isEqualTo(claimed.recordId());
          assertThat(entry.lastError()).isEqualTo("Spotler rejected the e-mail address");
          assertThat(entry.claimToken()).isNull();
        });
    clock.advance(Duration.ofDays(1));
    assertThat(queue().claim(connectionId, 10, LEASE))
        .extracting(QueuedChange::recordId)
        .doesNotContain(claimed.recordId());
  }

  @Test
  void retry_parked_makes_parked_entries_due_again_with_fresh_attempts() {
    queue().enqueue(connectionId, List.of(upsert("a", 0)));
    queue().park(connectionId, queue().claim(connectionId, 1, LEASE).get(0), "rejected");

    assertThat(queue().retryParked(connectionId)).isEqualTo(1);

    assertThat(queue().claim(connectionId, 10, LEASE))
        .singleElement()
        .satisfies(entry -> assertThat(entry.attempts()).isEqualTo(1));
  }

  @Test
  void a_newer_change_gives_a_parked_entry_another_chance() {
    queue().enqueue(connectionId, List.of(upsert("a", 0)));
    queue().park(connectionId, queue().claim(connectionId, 1, LEASE).get(0), "rejected");

    queue().enqueue(connectionId, List.of(upsert("a", 1)));

    assertThat(queue().counts(connectionId)).isEqualTo(new QueueCounts(1, 0, 0));
    assertThat(queue().claim(connectionId, 10, LEASE)).singleElement().satisfies(entry -> {
      assertThat(entry.version()).isEqualTo(2);
      assertThat(entry.attempts()).isEqualTo(1);
    });
  }

  @Test
  void parking_an_entry_that_changed_while_in_flight_tries_the_newer_change_instead() {
    queue().enqueue(connectionId, List.of(upsert("a", 0)));
    QueuedChange claimed = queue().claim(connectionId, 1, LEASE).get(0);
    queue().enqueue(connectionId, List.of(upsert("a", 1)));

    queue().park(connectionId, claimed, "rejected");

    assertThat(queue().parked(connectionId, 10)).isEmpty();
    assertThat(queue().claim(connectionId, 10, LEASE)).singleElement().satisfies(entry -> {
      assertThat(entry.version()).isEqualTo(2);
      assertThat(entry.lastError()).isEqualTo("rejected");
    });
  }

  @Test
  void only_a_claimed_entry_can_be_completed_failed_or_parked() {
    queue().enqueue(connectionId, List.of(upsert("a", 0)));
    queue().park(connectionId, queue().claim(connectionId, 1, LEASE).get(0), "rejected");
    QueuedChange unclaimed = queue().parked(connectionId, 1).get(0);

    assertThatThrownBy(() -> queue().complete(connectionId, List.of(unclaimed)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Only a claimed entry");
  }

  // --- outbound queue: leases and concurrent claimers ---

  @Test
  void an_entry_whose_lease_ran_out_is_claimed_again() {
    queue().enqueue(connectionId, List.of(upsert("a", 0)));
    QueuedChange crashed = queue().claim(connectionId, 10, LEASE).get(0);
    clock.advance(LEASE.minusSeconds(1));
    assertThat(queue().claim(connectionId, 10, LEASE)).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    List<QueuedChange> reclaimed = queue().claim(connectionId, 10, LEASE);

    assertThat(reclaimed).singleElement().satisfies(entry -> {
      assertThat(entry.recordId()).isEqualTo("a");
      assertThat(entry.attempts()).isEqualTo(2);
      assertThat(entry.claimToken()).isNotEqualTo(crashed.claimToken());
    });
  }

  @Test
  void a_worker_whose_lease_ran_out_cannot_touch_the_entry_another_worker_took_over() {
    queue().enqueue(connectionId, List.of(upsert("a", 0)));
    QueuedChange slow = queue().claim(connectionId, 10, LEASE).get(0);
    clock.advance(LEASE);
    QueuedChange takeover = queue().claim(connectionId, 10, LEASE).get(0);

    assertThat(queue().fail(connectionId, slow, "late failure", clock.instant())).isFalse();
    assertThat(queue().park(connectionId, slow, "late failure")).isFalse();
    queue().complete(connectionId, List.of(slow));
    assertThat(queue().counts(connectionId)).isEqualTo(new QueueCounts(0, 1, 0));

    queue().complete(connectionId, List.of(takeover));
    assertThat(queue().counts(connectionId).total()).isZero();
  }

  @Test
  void concurrent_claimers_on_two_store_instances_never_get_the_same_entry() throws Exception {
    int entries = 2_000;
    queue().enqueue(connectionId, IntStream.range(0, entries).mapToObj(i -> upsert("r" + i, i)).toList());
    Map<String, String> claimedBy = new ConcurrentHashMap<>();
    AtomicInteger duplicates = new AtomicInteger();

    try (Store secondNode = Store.open(config)) {
      List<OutboundQueue> queues = List.of(queue(), secondNode.outboundQueue(), queue(), secondNode.outboundQueue());
      ExecutorService workers = Executors.newFixedThreadPool(queues.size());
      try {
        List<Future<?>> running = new ArrayList<>();
        for (int worker = 0; worker < queues.size(); worker++) {
          OutboundQueue workerQueue = queues.get(worker);
          String name = "worker-" + worker;
          running.add(workers.submit(() -> drain(workerQueue, name, claimedBy, duplicates)));
        }
        for (Future<?> worker : running) {
          worker.get(30, TimeUnit.SECONDS);
        }
      } finally {
        workers.shutdownNow();
      }
    }

    assertThat(duplicates).hasValue(0);
    assertThat(claimedBy).hasSize(entries);
    assertThat(Set.copyOf(claimedBy.values())).hasSizeGreaterThan(1);
    assertThat(queue().counts(connectionId).total()).isZero();
  }

  private void drain(OutboundQueue queue, String worker, Map<String, String> claimedBy, AtomicInteger duplicates) {
    List<QueuedChange> batch;
    while (!(batch = queue.claim(connectionId, 25, LEASE)).isEmpty()) {
      for (QueuedChange entry : batch) {
        if (claimedBy.putIfAbsent(entry.recordId(), worker) != null) {
          duplicates.incrementAndGet();
        }
      }
      queue.complete(connectionId, batch);
    }
  }

  // --- connection ids ---

  @Test
  void connection_ids_keep_each_connections_data_apart() {
    String other = connectionId + "-other";
    queue().enqueue(connectionId, List.of(upsert("shared-id", 0)));
    queue().enqueue(other, List.of(upsert("shared-id", 0), upsert("only-other", 0)));
    links().link(connectionId, List.of(link("shared-id", "ext-1")));
    links().link(other, List.of(link("shared-id", "ext-2")));
    values().put(connectionId, List.of(SyncedRecord.of(CONTACT, "shared-id", fields("mine"), clock.instant())));
    store.deltaLinks().saveDeltaLink(other, CONTACT, "https://org/api/data/v9.2/contacts?$deltatoken=1");
    store.inboundCursor().save(other, FEED, clock.instant());
    store.conflicts().record(other, List.of(conflict("shared-id", "city")));
    store.pendingReviews().add(other, List.of(review("enc-1", "shared-id", "other-id")));

    assertThat(queue().claim(connectionId, 10, LEASE)).extracting(QueuedChange::recordId).containsExactly("shared-id");
    assertThat(queue().counts(other)).isEqualTo(new QueueCounts(2, 0, 0));
    assertThat(links().findByRecord(connectionId, CONTACT, "shared-id")).map(RecordLink::externalId).hasValue("ext-1");
    assertThat(links().findByExternalId(connectionId, "ext-2")).isEmpty();
    assertThat(values().get(other, CONTACT, "shared-id")).isEmpty();
    assertThat(store.deltaLinks().find(connectionId, CONTACT)).isEmpty();
    assertThat(store.inboundCursor().windowEnd(connectionId, FEED)).isEmpty();
    assertThat(store.conflicts().count(connectionId)).isZero();
    assertThat(store.conflicts().recent(connectionId, 10)).isEmpty();
    assertThat(store.pendingReviews().list(connectionId, 10)).isEmpty();
  }

  // --- bulk ---

  @Test
  void ten_thousand_rows_are_enqueued_claimed_and_completed_in_a_few_statements() {
    List<RecordChange> changes = IntStream.range(0, 10_000).mapToObj(i -> upsert("r" + i, i)).toList();

    long enqueue = millisToRun(() -> queue().enqueue(connectionId, changes));
    List<List<QueuedChange>> claimed = new ArrayList<>();
    long claim = millisToRun(() -> claimed.add(queue().claim(connectionId, 10_000, LEASE)));
    long complete = millisToRun(() -> queue().complete(connectionId, claimed.get(0)));

    assertThat(claimed.get(0)).hasSize(10_000);
    assertThat(queue().counts(connectionId).total()).isZero();
    assertThat(List.of(enqueue, claim, complete))
        .allSatisfy(millis -> assertThat(millis).isLessThan(BULK_LIMIT_MILLIS));
  }

  @Test
  void ten_thousand_links_and_synced_values_are_written_and_read_in_bulk() {
    List<String> ids = IntStream.range(0, 10_000).mapToObj(i -> "r" + i).toList();
    List<RecordLink> newLinks = ids.stream().map(id -> link(id, "ext-" + id)).toList();
    List<SyncedRecord> synced =
        ids.stream().map(id -> SyncedRecord.of(CONTACT, id, fields(id), clock.instant())).toList();

    long writeLinks = millisToRun(() -> links().link(connectionId, newLinks));
    long writeValues = millisToRun(() -> values().put(connectionId, synced));
    List<Map<String, ?>> read = new ArrayList<>();
    long readLinks = millisToRun(() -> read.add(links().findByRecordIds(connectionId, CONTACT, ids)));
    List<String> externalIds = newLinks.stream().map(RecordLink::externalId).toList();
    long readByExternalIds = millisToRun(() -> read.add(links().findByExternalIds(connectionId, externalIds)));
    long readValues = millisToRun(() -> read.add(values().get(connectionId, CONTACT, ids)));

    assertThat(read).allSatisfy(found -> assertThat(found).hasSize(10_000));
    assertThat(List.of(writeLinks, writeValues, readLinks, readByExternalIds, readValues))
        .allSatisfy(millis -> assertThat(millis).isLessThan(BULK_LIMIT_MILLIS));
  }

  // --- record links ---

  @Test
  void a_link_is_found_from_either_side() {
    links().link(connectionId, List.of(link("a", "ext-a"), link("b", "ext-b")));

    assertThat(links().findByRecord(connectionId, CONTACT, "a")).hasValue(link("a", "ext-a"));
    assertThat(links().findByExternalId(connectionId, "ext-b")).hasValue(link("b", "ext-b"));
    assertThat(links().findByExternalIds(connectionId, List.of("ext-a", "ext-b", "unknown")))
        .containsOnlyKeys("ext-a", "ext-b");
    assertThat(links().findByRecordIds(connectionId, "lead", List.of("a"))).isEmpty();
  }

  @Test
  void relinking_keeps_the_original_link_time_and_updates_the_status() {
    links().link(connectionId, List.of(link("a", "ext-a")));
    Instant linkedAt = clock.instant();
    clock.advance(Duration.ofHours(1));

    links().link(connectionId, List.of(new RecordLink(CONTACT, "a", "ext-a", clock.instant(), "anonymized")));

    assertThat(links().findByRecord(connectionId, CONTACT, "a"))
        .hasValue(new RecordLink(CONTACT, "a", "ext-a", linkedAt, "anonymized"));
  }

  @Test
  void linking_an_external_id_to_another_record_moves_it_there() {
    links().link(connectionId, List.of(new RecordLink("lead", "lead-1", "ext-1", clock.instant(), null)));

    links().link(connectionId, List.of(link("contact-1", "ext-1")));

    assertThat(links().findByExternalId(connectionId, "ext-1")).map(RecordLink::recordId).hasValue("contact-1");
    assertThat(links().findByRecord(connectionId, "lead", "lead-1")).isEmpty();
  }

  @Test
  void two_records_cannot_be_linked_to_one_external_id_in_one_call() {
    assertThatThrownBy(() -> links().link(connectionId, List.of(link("a", "ext"), link("b", "ext"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ext");
  }

  @Test
  void unlink_removes_links() {
    links().link(connectionId, List.of(link("a", "ext-a"), link("b", "ext-b")));

    links().unlink(connectionId, CONTACT, List.of("a"));

    assertThat(links().findByRecordIds(connectionId, CONTACT, List.of("a", "b"))).containsOnlyKeys("b");
  }

  // --- synced values ---

  @Test
  void synced_values_round_trip_with_their_hash() {
    ObjectNode values = fields("someone");
    values.putObject("permissions").put("1", true).put("2", false);
    values().put(connectionId, List.of(SyncedRecord.of(CONTACT, "a", values, clock.instant())));

    SyncedRecord stored = values().get(connectionId, CONTACT, "a").orElseThrow();

    assertThat(stored.values()).isEqualTo(values);
    assertThat(stored.syncedAt()).isEqualTo(clock.instant());
    assertThat(stored.hasSameValues(values)).isTrue();
  }

  @Test
  void the_values_hash_ignores_property_order_but_not_values() {
    ObjectNode values = JSON.createObjectNode().put("firstName", "Ann").put("city", "Utrecht");
    values().put(connectionId, List.of(SyncedRecord.of(CONTACT, "a", values, clock.instant())));
    SyncedRecord stored = values().get(connectionId, CONTACT, "a").orElseThrow();

    assertThat(stored.hasSameValues(JSON.createObjectNode().put("city", "Utrecht").put("firstName", "Ann"))).isTrue();
    assertThat(stored.hasSameValues(JSON.createObjectNode().put("city", "Delft").put("firstName", "Ann"))).isFalse();
  }

  @Test
  void putting_synced_values_again_replaces_them_and_bulk_get_skips_unknown_records() {
    values().put(connectionId, List.of(SyncedRecord.of(CONTACT, "a", fields("old"), clock.instant())));
    clock.advance(Duration.ofMinutes(5));

    values().put(connectionId, List.of(SyncedRecord.of(CONTACT, "a", fields("new"), clock.instant())));

    Map<String, SyncedRecord> found = values().get(connectionId, CONTACT, List.of("a", "never-synced"));
    assertThat(found).containsOnlyKeys("a");
    assertThat(found.get("a").values()).isEqualTo(fields("new"));
    assertThat(found.get("a").syncedAt()).isEqualTo(clock.instant());
  }

  @Test
  void deleted_synced_values_are_gone() {
    values().put(connectionId, List.of(SyncedRecord.of(CONTACT, "a", fields("x"), clock.instant())));

    values().delete(connectionId, CONTACT, List.of("a"));

    assertThat(values().get(connectionId, CONTACT, "a")).isEmpty();
  }

  // --- delta links ---

  @Test
  void an_initial_load_saves_resume_points_until_its_delta_link_arrives() {
    DeltaLinks deltaLinks = store.deltaLinks();
    assertThat(deltaLinks.find(connectionId, CONTACT)).isEmpty();

    String nextLink = "https://org/api/data/v9.2/contacts?$skiptoken=page2";
    deltaLinks.saveResumePoint(connectionId, CONTACT, nextLink);
    assertThat(deltaLinks.find(connectionId, CONTACT))
        .hasValue(new DeltaLinkState(CONTACT, null, nextLink, false, clock.instant()));

    clock.advance(Duration.ofSeconds(10));
    String deltaLink = "https://org/api/data/v9.2/contacts?$deltatoken=919042";
    deltaLinks.saveDeltaLink(connectionId, CONTACT, deltaLink);
    assertThat(deltaLinks.find(connectionId, CONTACT))
        .hasValue(new DeltaLinkState(CONTACT, deltaLink, null, true, clock.instant()));
  }

  @Test
  void delta_links_are_listed_per_table_and_can_be_reset() {
    DeltaLinks deltaLinks = store.deltaLinks();
    deltaLinks.saveDeltaLink(connectionId, "lead", "lead-delta");
    deltaLinks.saveDeltaLink(connectionId, "account", "account-delta");

    deltaLinks.reset(connectionId, "lead");

    assertThat(deltaLinks.findAll(connectionId)).extracting(DeltaLinkState::tableName).containsExactly("account");
  }

  // --- inbound cursor ---

  @Test
  void the_inbound_cursor_is_empty_until_saved_and_never_moves_backwards() {
    InboundCursor cursor = store.inboundCursor();
    assertThat(cursor.windowEnd(connectionId, FEED)).isEmpty();
    Instant first = Instant.parse("2026-03-01T08:00:00.123Z");

    cursor.save(connectionId, FEED, first);
    cursor.save(connectionId, FEED, first.minusSeconds(60));
    assertThat(cursor.windowEnd(connectionId, FEED)).hasValue(first);

    cursor.save(connectionId, FEED, first.plusSeconds(60));
    assertThat(cursor.windowEnd(connectionId, FEED)).hasValue(first.plusSeconds(60));
    assertThat(cursor.windowEnd(connectionId, "contact-bounces")).isEmpty();
  }

  // --- conflicts ---

  @Test
  void conflicts_keep_their_values_as_json_and_are_listed_newest_first() {
    ObjectNode permissions = JSON.createObjectNode().put("1", true).put("2", false);
    SyncConflict birthday =
        new SyncConflict(CONTACT, "a", "birthday", JSON.getNodeFactory().textNode("1980-04-01"),
            JSON.getNodeFactory().textNode("1980-04-02"), JSON.getNodeFactory().nullNode(), "dynamics", "non-blank",
            clock.instant());
    SyncConflict score =
        new SyncConflict(CONTACT, "a", "score", null, JSON.getNodeFactory().numberNode(7),
            JSON.getNodeFactory().numberNode(7.5), "spotler", "spotler", clock.instant());
    SyncConflict optIns =
        new SyncConflict("lead", "b", "permissions", permissions, JSON.createObjectNode().put("1", false),
            JSON.createObjectNode().put("2", true), "spotler", "newest", clock.instant());

    store.conflicts().record(connectionId, List.of(birthday, score, optIns));

    List<RecordedConflict> recent = store.conflicts().recent(connectionId, 2);
    assertThat(recent).extracting(RecordedConflict::conflict).containsExactly(optIns, score);
    assertThat(recent.get(0).id()).isGreaterThan(recent.get(1).id());
    assertThat(score.base().isNull()).isTrue();
    assertThat(store.conflicts().recent(connectionId, 10)).extracting(RecordedConflict::conflict)
        .containsExactly(optIns, score, birthday);
    assertThat(store.conflicts().count(connectionId)).isEqualTo(3);
  }

  @Test
  void conflicts_recorded_later_come_first() {
    store.conflicts().record(connectionId, List.of(conflict("a", "city")));
    clock.advance(Duration.ofMinutes(1));
    store.conflicts().record(connectionId, List.of(conflict("b", "city")));

    assertThat(store.conflicts().recent(connectionId, 1))
        .extracting(recorded -> recorded.conflict().recordId())
        .containsExactly("b");
  }

  // --- pending reviews ---

  @Test
  void a_pending_review_is_kept_once_per_spotler_contact_with_the_time_it_was_first_found() {
    PendingReview first = review("enc-1", "c-1", "c-2");
    store.pendingReviews().add(connectionId, List.of(first));
    clock.advance(Duration.ofMinutes(10));

    PendingReview again =
        new PendingReview("enc-1", null, "a***@example.org", CONTACT, List.of("c-1", "c-2", "c-3"),
            "3 contact rows have this e-mail address", clock.instant());
    store.pendingReviews().add(connectionId, List.of(again));

    assertThat(store.pendingReviews().list(connectionId, 10))
        .containsExactly(
            new PendingReview("enc-1", null, "a***@example.org", CONTACT, List.of("c-1", "c-2", "c-3"),
                "3 contact rows have this e-mail address", first.detectedAt()));
  }

  @Test
  void pending_reviews_are_listed_longest_waiting_first_and_removed_when_resolved() {
    store.pendingReviews().add(connectionId, List.of(review("enc-b", "c-1", "c-2")));
    clock.advance(Duration.ofSeconds(1));
    store.pendingReviews().add(connectionId, List.of(review("enc-a", "c-3", "c-4"), review("enc-c", "c-5", "c-6")));

    assertThat(store.pendingReviews().list(connectionId, 2))
        .extracting(PendingReview::encryptedId)
        .containsExactly("enc-b", "enc-a");

    store.pendingReviews().remove(connectionId, List.of("enc-b", "enc-c", "unknown"));

    assertThat(store.pendingReviews().list(connectionId, 10))
        .extracting(PendingReview::encryptedId)
        .containsExactly("enc-a");
  }

  // --- marketing lists ---

  @Test
  void a_synced_list_keeps_its_audience_name_and_is_forgotten_with_its_members() {
    store.listAudiences().save(connectionId, new ListAudience("list-1", "VIP", clock.instant()));
    store.listAudiences().save(connectionId, new ListAudience("list-1", "VIP customers", clock.instant()));
    store.listAudiences().save(connectionId, new ListAudience("list-2", "Leads", clock.instant()));
    store.listMemberships().added(connectionId, "list-1", List.of("a", "b"));

    assertThat(store.listAudiences().find(connectionId, "list-1"))
        .hasValueSatisfying(list -> assertThat(list.audienceName()).isEqualTo("VIP customers"));
    store.listAudiences().remove(connectionId, "list-1");

    assertThat(store.listAudiences().findAll(connectionId)).extracting(ListAudience::listId).containsExactly("list-2");
    assertThat(store.listMemberships().find(connectionId, "list-1")).isEmpty();
    assertThat(store.listAudiences().findAll("another connection")).isEmpty();
  }

  @Test
  void list_members_are_in_the_audience_or_not_in_spotler_until_removed() {
    store.listMemberships().added(connectionId, "list-1", List.of("a", "b", "c"));
    store.listMemberships().notInSpotler(connectionId, "list-1", List.of("d"));
    store.listMemberships().added(connectionId, "list-1", List.of("d"));
    store.listMemberships().notInSpotler(connectionId, "list-2", List.of("a"));
    store.listMemberships().removed(connectionId, "list-1", List.of("b", "not a member"));

    assertThat(store.listMemberships().find(connectionId, "list-1"))
        .isEqualTo(Map.of("a", true, "c", true, "d", true));
    assertThat(store.listMemberships().find(connectionId, "list-2")).isEqualTo(Map.of("a", false));
  }

  @Test
  void a_hundred_thousand_list_members_are_written_and_read_in_bulk() {
    List<String> members = IntStream.range(0, 100_000).mapToObj(i -> "member-" + i).toList();

    long written = millisToRun(() -> store.listMemberships().added(connectionId, "big", members));
    long read = millisToRun(() -> assertThat(store.listMemberships().find(connectionId, "big")).hasSize(100_000));

    assertThat(List.of(written, read)).allSatisfy(millis -> assertThat(millis).isLessThan(BULK_LIMIT_MILLIS * 2));
  }

  // --- transactions and errors ---

  @Test
  void an_inbound_window_is_saved_together_with_its_conflicts_reviews_and_synced_values() {
    store.inTransaction(tx -> {
      tx.syncedValues().put(connectionId, List.of(SyncedRecord.of(CONTACT, "a", fields("merged"), clock.instant())));
      tx.conflicts().record(connectionId, List.of(conflict("a", "firstName")));
      tx.pendingReviews().add(connectionId, List.of(review("enc-1", "c-1", "c-2")));
      tx.recordLinks().link(connectionId, List.of(link("new-lead", "new-lead")));
      tx.inboundCursor().save(connectionId, FEED, clock.instant());
    });

    assertThat(store.inboundCursor().windowEnd(connectionId, FEED)).hasValue(clock.instant());
    assertThat(store.conflicts().count(connectionId)).isEqualTo(1);
    assertThat(store.pendingReviews().list(connectionId, 10)).hasSize(1);
    assertThat(links().findByExternalId(connectionId, "new-lead")).isPresent();
  }

  @Test
  void a_failed_inbound_window_saves_no_cursor_and_no_conflicts() {
    assertThatThrownBy(() -> store.inTransaction(tx -> {
      tx.conflicts().record(connectionId, List.of(conflict("a", "firstName")));
      tx.pendingReviews().add(connectionId, List.of(review("enc-1", "c-1", "c-2")));
      tx.inboundCursor().save(connectionId, FEED, clock.instant());
      throw new IllegalStateException("Dataverse write failed");
    })).hasMessage("Dataverse write failed");

    assertThat(store.inboundCursor().windowEnd(connectionId, FEED)).isEmpty();
    assertThat(store.conflicts().count(connectionId)).isZero();
    assertThat(store.pendingReviews().list(connectionId, 10)).isEmpty();
  }

  @Test
  void changes_and_their_delta_link_are_saved_together() {
    store.inTransaction(tx -> {
      tx.outboundQueue().enqueue(connectionId, List.of(upsert("a", 0)));
      tx.deltaLinks().saveDeltaLink(connectionId, CONTACT, "delta-after-a");
    });

    assertThat(queue().counts(connectionId).pending()).isEqualTo(1);
    assertThat(store.deltaLinks().find(connectionId, CONTACT)).map(DeltaLinkState::deltaLink).hasValue("delta-after-a");
  }

  @Test
  void a_failed_transaction_saves_nothing() {
    assertThatThrownBy(() -> store.inTransaction(tx -> {
      tx.outboundQueue().enqueue(connectionId, List.of(upsert("a", 0)));
      tx.deltaLinks().saveDeltaLink(connectionId, CONTACT, "delta-after-a");
      throw new IllegalStateException("mapping failed");
    })).hasMessage("mapping failed");

    assertThat(queue().counts(connectionId).total()).isZero();
    assertThat(store.deltaLinks().find(connectionId, CONTACT)).isEmpty();
  }

  @Test
  void using_the_store_itself_inside_a_transaction_fails_at_once() {
    assertThatThrownBy(() -> store.inTransaction(tx -> {
      tx.outboundQueue().enqueue(connectionId, List.of(upsert("a", 0)));
      queue().counts(connectionId);
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("use the repositories it passes in");

    assertThat(queue().counts(connectionId).total()).isZero();
  }

  @Test
  void a_closed_store_fails_with_the_operation_and_connection_id_in_the_message() {
    Store closed = Store.open(config);
    closed.close();

    assertThatThrownBy(() -> closed.outboundQueue().counts(connectionId))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("count outbound queue entries")
        .hasMessageContaining(connectionId)
        .satisfies(e -> assertThat(((StoreException) e).connectionId()).hasValue(connectionId));
  }

  // --- helpers ---

  private OutboundQueue queue() {
    return store.outboundQueue();
  }

  private RecordLinks links() {
    return store.recordLinks();
  }

  private SyncedValues values() {
    return store.syncedValues();
  }

  private Instant at(int secondsAfterStart) {
    return Instant.parse("2026-03-01T07:00:00Z").plusSeconds(secondsAfterStart);
  }

  private RecordChange upsert(String recordId, int changedSecond) {
    return change(recordId, ChangeKind.UPSERT, changedSecond);
  }

  private RecordChange change(String recordId, ChangeKind kind, int changedSecond) {
    return new RecordChange(CONTACT, recordId, kind, at(changedSecond));
  }

  private RecordLink link(String recordId, String externalId) {
    return new RecordLink(CONTACT, recordId, externalId, clock.instant(), "OK");
  }

  private SyncConflict conflict(String recordId, String field) {
    return new SyncConflict(CONTACT, recordId, field, JSON.getNodeFactory().textNode("base"),
        JSON.getNodeFactory().textNode("in dynamics"), JSON.getNodeFactory().textNode("in spotler"), "dynamics",
        "dynamics", clock.instant());
  }

  private PendingReview review(String encryptedId, String... candidateIds) {
    return new PendingReview(encryptedId, "ext-" + encryptedId, "a***@example.org", CONTACT, List.of(candidateIds),
        candidateIds.length + " contact rows have this e-mail address", clock.instant());
  }

  private static ObjectNode fields(String name) {
    return JSON.createObjectNode().put("firstName", name).put("email", name + "@example.org");
  }

  private static long millisToRun(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private int appliedMigrations() throws SQLException {
    try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), config.username(), config.password());
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE")) {
      count.next();
      return count.getInt(1);
    }
  }
}
