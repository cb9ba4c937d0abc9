package org.spotlerconnector.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.config.OnChange;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.mapping.OutboundMapper;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.permissions.Permissions;
import org.spotlerconnector.spotler.ContactResult;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.MailPlusException;
import org.spotlerconnector.spotler.MailPlusUnauthorizedException;
import org.spotlerconnector.store.QueueCounts;
import org.spotlerconnector.store.Store;

/**
 * The outbound contact sync, Dynamics 365 to Spotler: one reader per table queues changes from Dataverse change
 * tracking (initial load first, then deltas every poll interval), and a few senders drain the queue into Spotler. The
 * queue sits in the store, so a change is durable before its delta link moves on, and a crash loses nothing.
 *
 * <p>Use {@link #start()} to run in the background until {@link #close()}, or {@link #runUntilCaughtUp(Duration)} to
 * run in the calling thread until everything that was there is in Spotler.
 */
public final class OutboundSync implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboundSync.class);
  private static final Duration IDLE_SENDER_PAUSE = Duration.ofMillis(200);
  private static final Duration FAILURE_PAUSE = Duration.ofSeconds(5);
  private static final int REREAD_THREADS = 4;
  private static final Map<SourceTable, String> ENTITY_SETS =
      Map.of(SourceTable.CONTACT, "contacts", SourceTable.LEAD, "leads", SourceTable.ACCOUNT, "accounts");

  private final OutboundSyncSettings settings;
  private final Store store;
  private final List<TableReader> readers = new ArrayList<>();
  /** Reads the Spotler Permission rows' changes, when records send their permissions. */
  private final Optional<PermissionChangeReader> permissionChanges;
  private final QueueSender sender;
  private final AtomicBoolean running = new AtomicBoolean();
  /** Threads for re-reading changed rows with their related columns, a few requests at a time. */
  private final ExecutorService rereads = Executors.newFixedThreadPool(REREAD_THREADS, daemonThreads("outbound-reread-"));
  private final AtomicBoolean earlierClaimsReleased = new AtomicBoolean();
  private ExecutorService threads;

  public OutboundSync(
      OutboundSyncSettings settings,
      DataverseClient dataverse,
      MailPlusClient spotler,
      Store store,
      OutboundMapper mapper,
      SyncListener listener,
      Clock clock) {
    this(settings, dataverse, spotler, store, mapper, listener, SyncRequests.NONE, clock);
  }

  /** As the other constructor, with where changed records go as Sync Contact jobs ({@code onChange: job}). */
  public OutboundSync(
      OutboundSyncSettings settings,
      DataverseClient dataverse,
      MailPlusClient spotler,
      Store store,
      OutboundMapper mapper,
      SyncListener listener,
      SyncRequests syncRequests,
      Clock clock) {
    this(settings, dataverse, spotler, store, mapper, listener, syncRequests, TwoWayCheck.NONE, Optional.empty(),
        clock);
  }

  /**
   * As the other constructors, with the two-way side of the mapping: records with {@code <->} fields are checked
   * against their Spotler contact before a send, so that a Spotler edit is merged rather than overwritten; and with
   * the Spotler Permission rows, when {@code @map(permissions)} is synced: they fill the records' permissions field,
   * and a change of a row queues its record.
   */
  public OutboundSync(
      OutboundSyncSettings settings,
      DataverseClient dataverse,
      MailPlusClient spotler,
      Store store,
      OutboundMapper mapper,
      SyncListener listener,
      SyncRequests syncRequests,
      TwoWayCheck twoWay,
      Optional<Permissions> permissions,
      Clock clock) {
    this.settings = settings;
    this.store = store;
    ChangeClassifier classifier = new ChangeClassifier(mapper, settings);
    OutboundPermissions outboundPermissions =
        new OutboundPermissions(permissions, dataverse, store, settings.connectionId(), rereads);
    Map<SourceTable, TableReader> sendingPermissions = new EnumMap<>(SourceTable.class);
    for (SourceTable table : SourceTable.values()) {
      if (settings.tables().contains(table)) {
        TableReader reader = new TableReader(table, ENTITY_SETS.get(table), dataverse, store, settings, classifier,
            mapper.requiredSelect(table), listener, rereads, syncRequests, outboundPermissions, clock);
        readers.add(reader);
        if (outboundPermissions.sends(table)) {
          sendingPermissions.put(table, reader);
        }
      }
    }
    this.permissionChanges = permissions.isPresent() && !sendingPermissions.isEmpty()
        ? Optional.of(new PermissionChangeReader(
            permissions.get().rows(), dataverse, store, settings.connectionId(), sendingPermissions))
        : Optional.empty();
    this.sender = new QueueSender(spotler, store, settings, listener, twoWay, clock);
  }

  /** Starts the readers and senders on their own threads. */
  public synchronized void start() {
    if (!running.compareAndSet(false, true)) {
      throw new IllegalStateException("The outbound sync is already running");
    }
    releaseClaimsOfEarlierProcesses();
    List<TableReader> reading = readsChanges() ? readers : List.of();
    Optional<PermissionChangeReader> readingPermissions = permissionChanges.filter(reader -> readsChanges());
    int readerThreads = reading.size() + (readingPermissions.isPresent() ? 1 : 0);
    threads = Executors.newFixedThreadPool(readerThreads + settings.senders(), daemonThreads("outbound-sync-"));
    reading.forEach(reader -> threads.submit(() -> readLoop(reader.table().logicalName(), reader::step)));
    readingPermissions.ifPresent(reader -> threads.submit(() -> readLoop(reader.tableName(), reader::step)));
    for (int i = 0; i < settings.senders(); i++) {
      threads.submit(this::sendLoop);
    }
    LOG.atInfo().addKeyValue("tables", reading.size()).addKeyValue("senders", settings.senders())
        .addKeyValue("onChange", settings.onChange()).log("outbound sync started");
    if (!readsChanges()) {
      LOG.atInfo().log("changes in Dataverse are not read (onChange: none): records sync through Sync Contact jobs");
    }
  }

  /** With {@code onChange: none} nothing reads Dataverse changes; Sync Contact jobs still sync records. */
  private boolean readsChanges() {
    return settings.onChange() != OnChange.NONE;
  }

  /**
   * Reads every table until its delta is empty and sends until nothing is due, in the calling thread; for the
   * {@code sync} command and for tests. Changes waiting for a retry later than the timeout are left queued.
   *
   * @return true when it caught up within the timeout
   */
  public boolean runUntilCaughtUp(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    releaseClaimsOfEarlierProcesses();
    while (Instant.now().isBefore(deadline)) {
      boolean moreToRead = readStep();
      int sent;
      do {
        sent = sender.sendOnce();
      } while (sent > 0 && Instant.now().isBefore(deadline));
      if (!moreToRead && sent == 0) {
        if (store.outboundQueue().counts(settings.connectionId()).inFlight() == 0) {
          return true;
        }
        sleep(IDLE_SENDER_PAUSE); // another sender holds changes: wait for it rather than re-read the delta at once
      }
    }
    return false;
  }

  /** One step of every reader; true while an initial load has pages left. */
  boolean readStep() {
    if (!readsChanges()) {
      return false;
    }
    boolean moreToRead = false;
    // first, so that a permission row changed while a record's own change is read is queued with it
    if (permissionChanges.isPresent()) {
      moreToRead = permissionChanges.get().step();
    }
    for (TableReader reader : readers) {
      moreToRead |= reader.step();
    }
    return moreToRead;
  }

  /** Sends until nothing is due; returns how many queued changes were finished. */
  int sendAll() {
    int total = 0;
    for (int sent = sender.sendOnce(); sent > 0; sent = sender.sendOnce()) {
      total += sent;
    }
    return total;
  }

  /**
   * Reads one record, maps it and upserts it to Spotler at once, for a Spotler Job that needs the contact there now.
   * The outcome says whether the contact is in Spotler with the record's current values.
   *
   * @throws org.spotlerconnector.http.TransientHttpException when Dataverse or Spotler stayed unavailable
   */
  public SyncNowOutcome syncNow(SourceTable table, String recordId) {
    Optional<TableReader> reader = readers.stream().filter(r -> r.table() == table).findFirst();
    if (reader.isEmpty()) {
      return SyncNowOutcome.notSynced("the " + table.logicalName() + " table is not synced to Spotler");
    }
    Optional<OutboundAction> action = reader.get().classifyNow(recordId);
    if (action.isEmpty()) {
      return SyncNowOutcome.notSynced("the " + table.logicalName() + " does not exist");
    }
    if (action.get() instanceof OutboundAction.Remove remove) {
      return SyncNowOutcome.notSynced(remove.reason());
    }
    if (action.get() instanceof OutboundAction.Reject reject) {
      return SyncNowOutcome.notSynced("it cannot be mapped: " + reject.reason());
    }
    ContactResult result;
    try {
      result = sender.upsertNow(table, recordId, ((OutboundAction.Upsert) action.get()).properties());
    } catch (MailPlusUnauthorizedException unauthorized) {
      throw unauthorized;
    } catch (MailPlusException refused) {
      return SyncNowOutcome.notSynced("Spotler refused it: " + refused.getMessage());
    }
    return result.isOk()
        ? SyncNowOutcome.SYNCED
        : SyncNowOutcome.notSynced("Spotler rejected it: " + result.code()
            + (result.message() == null ? "" : " " + result.message()));
  }

  /**
   * What {@link #syncNow} did.
   *
   * @param reason why the contact is not in Spotler; empty when it is
   */
  public record SyncNowOutcome(boolean synced, String reason) {
    public static final SyncNowOutcome SYNCED = new SyncNowOutcome(true, "");

    static SyncNowOutcome notSynced(String reason) {
      return new SyncNowOutcome(false, reason);
    }
  }

  /** The tables this sync reads. */
  public List<SourceTable> tables() {
    return readers.stream().map(TableReader::table).toList();
  }

  /** How many changes wait, are being sent, or are parked for a person. */
  public QueueCounts queue() {
    return store.outboundQueue().counts(settings.connectionId());
  }

  /** After a crash, what the dead process was sending is due now, not when its lease runs out (minutes later). */
  private void releaseClaimsOfEarlierProcesses() {
    if (earlierClaimsReleased.compareAndSet(false, true)) {
      int released = store.outboundQueue().releaseClaimsOfEarlierProcesses(settings.connectionId());
      if (released > 0) {
        LOG.atInfo().addKeyValue("changes", released).log("took over the changes an earlier process left in flight");
      }
    }
  }

  private void readLoop(String tableName, BooleanSupplier step) {
    while (running.get()) {
      try {
        boolean more = step.getAsBoolean();
        if (!more) {
          sleep(settings.pollInterval());
        }
      } catch (RuntimeException e) {
        LOG.atWarn().addKeyValue("table", tableName)
            .log("reading changes from Dataverse failed, will try again: {}", e.toString());
        sleep(FAILURE_PAUSE);
      }
    }
  }

  private void sendLoop() {
    while (running.get()) {
      try {
        if (sender.sendOnce() == 0) {
          sleep(IDLE_SENDER_PAUSE);
        }
      } catch (RuntimeException e) {
        LOG.atWarn().log("sending queued changes failed, will try again: {}", e.toString());
        sleep(FAILURE_PAUSE);
      }
    }
  }

  private void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public synchronized void close() {
    running.set(false);
    rereads.shutdownNow();
    if (threads != null) {
      threads.shutdownNow();
      try {
        if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
          LOG.atWarn().log("outbound sync threads did not stop within 30 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
