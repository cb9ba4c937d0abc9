package org.spotlerconnector.sync.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.spotler.ContactPage;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.SpotlerContact;
import org.spotlerconnector.store.RecordLink;
import org.spotlerconnector.store.Store;

/**
 * The inbound contact sync, Spotler to Dynamics 365. Every poll interval it reads Spotler's changes feed ({@code GET
 * /contact/updates/list}) over a window that starts {@code overlap} before the previous window ended, so that a
 * change Spotler records late is still read; reading a change again is harmless, as the merge is idempotent. Per page
 * of the feed, the contacts linked to a Dataverse row are merged with it ({@link LinkedMerge}); the others are new
 * subscribers, for the {@link NewSubscriberHandler}; then the position is saved, so that a restart goes on from the
 * last page done.
 *
 * <p>The first window, when the feed was never read, starts {@code overlap} before now: the sync follows changes from
 * when it is switched on, and leaves older Spotler contacts alone.
 *
 * <p>Use {@link #start()} to run in the background until {@link #close()}, or {@link #runUntilCaughtUp(Duration)} to
 * read in the calling thread until every change made before the call is read.
 */
public final class InboundSync implements AutoCloseable {
  /** The feed's name in the store's inbound cursor. */
  public static final String FEED = "contact-updates";
  private static final Logger LOG = LoggerFactory.getLogger(InboundSync.class);
  private static final Duration FAILURE_PAUSE = Duration.ofSeconds(5);

  private final InboundSyncSettings settings;
  private final MailPlusClient spotler;
  private final Store store;
  private final LinkedMerge merge;
  private final NewSubscriberHandler newSubscribers;
  private final Clock clock;
  private volatile boolean running;
  private Thread thread;

  public InboundSync(
      InboundSyncSettings settings,
      MailPlusClient spotler,
      Store store,
      LinkedMerge merge,
      NewSubscriberHandler newSubscribers,
      Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.spotler = Objects.requireNonNull(spotler, "spotler");
    this.store = Objects.requireNonNull(store, "store");
    this.merge = Objects.requireNonNull(merge, "merge");
    this.newSubscribers = Objects.requireNonNull(newSubscribers, "newSubscribers");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Reads the feed every poll interval on a thread of its own, the first time at once. */
  public synchronized void start() {
    if (running) {
      throw new IllegalStateException("The inbound sync is already running");
    }
    running = true;
    thread = new Thread(this::pollLoop, "inbound-sync");
    thread.setDaemon(true);
    thread.start();
    LOG.atInfo().addKeyValue("pollInterval", settings.pollInterval()).addKeyValue("overlap", settings.overlap())
        .log("inbound sync started");
  }

  /**
   * Reads windows in the calling thread until one ends at or after the moment of the call, so that every change made
   * in Spotler before the call is read; for the {@code sync} command and for tests. A window ends {@code
   * settleMargin} before the clock, on a whole second, so this waits that long first.
   *
   * @return true when it caught up within the timeout
   * @throws org.spotlerconnector.http.TransientHttpException when a service stayed unavailable
   */
  public boolean runUntilCaughtUp(Duration timeout) {
    Instant target = clock.instant();
    Instant deadline = target.plus(timeout);
    while (true) {
      Instant readyAt = target.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).plus(settings.settleMargin());
      Instant now = clock.instant();
      if (now.isBefore(readyAt)) {
        if (readyAt.isAfter(deadline) || Thread.currentThread().isInterrupted()) {
          return false;
        }
        pause(Duration.between(now, readyAt));
        continue;
      }
      if (!runOnce().isBefore(target)) {
        return true;
      }
      if (clock.instant().isAfter(deadline)) {
        return false;
      }
    }
  }

  /**
   * Reads one window of the feed, page by page, and saves the position after each page.
   *
   * @return where the window ended: every change before it has been read
   */
  public Instant runOnce() {
    Optional<Instant> position = position();
    FeedWindow window = FeedWindow.next(position, clock.instant(), settings);
    if (window.isEmpty()) {
      return position.filter(p -> p.isAfter(window.to())).orElse(window.to());
    }
    MergeTally tally = new MergeTally();
    int read = 0;
    Iterator<ContactPage> pages =
        spotler.updatedContactPages(window.from().atOffset(ZoneOffset.UTC), window.to().atOffset(ZoneOffset.UTC),
            settings.pageSize()).iterator();
    while (pages.hasNext()) {
      List<SpotlerContact> contacts = pages.next().contacts();
      tally.add(readPage(contacts));
      read += contacts.size();
      window.readUpTo(contacts).ifPresent(this::savePosition);
    }
    savePosition(window.to());
    logWindow(window, read, tally);
    return window.to();
  }

  /** Where the feed was read up to; empty when it never was. */
  public Optional<Instant> position() {
    return store.inboundCursor().windowEnd(settings.connectionId(), FEED);
  }

  private MergeTally readPage(List<SpotlerContact> contacts) {
    List<String> externalIds = contacts.stream().map(SpotlerContact::externalId).filter(Objects::nonNull).toList();
    Map<String, RecordLink> links = store.recordLinks().findByExternalIds(settings.connectionId(), externalIds);
    Map<SourceTable, List<LinkedContact>> linked = new EnumMap<>(SourceTable.class);
    List<SpotlerContact> unlinked = new ArrayList<>();
    for (SpotlerContact contact : contacts) {
      RecordLink link = contact.externalId() == null ? null : links.get(contact.externalId());
      if (link == null) {
        unlinked.add(contact);
      } else {
        // A link to another table (a custom one of new subscribers) has no fields merged here.
        table(link.tableName()).filter(merge.plan()::writesToDataverse).ifPresent(
            table -> linked.computeIfAbsent(table, t -> new ArrayList<>())
                .add(new LinkedContact(link.recordId(), contact)));
      }
    }
    MergeTally tally = new MergeTally();
    linked.forEach((table, tableContacts) ->
        tally.add(merge.merge(table, tableContacts, LinkedMerge.SpotlerWrites.CONFLICT_WINNERS)));
    List<SpotlerContact> subscribers = withoutOutboundSends(unlinked);
    if (!subscribers.isEmpty()) {
      newSubscribers.handle(subscribers);
    }
    return tally;
  }

  /**
   * The contacts less those the outbound flow is sending: Spotler already has them, but the link is stored only once
   * the send is done (or, after a crash in between, sent again). They are not new subscribers, and the overlap reads
   * them again once linked.
   */
  private List<SpotlerContact> withoutOutboundSends(List<SpotlerContact> unlinked) {
    List<String> externalIds = unlinked.stream().map(SpotlerContact::externalId).filter(Objects::nonNull).toList();
    if (externalIds.isEmpty()) {
      return unlinked;
    }
    Set<String> sending = new HashSet<>();
    for (SourceTable table : SourceTable.values()) {
      sending.addAll(
          store.outboundQueue().queuedRecordIds(settings.connectionId(), table.logicalName(), externalIds));
    }
    return unlinked.stream()
        .filter(contact -> contact.externalId() == null || !sending.contains(contact.externalId()))
        .toList();
  }

  private void savePosition(Instant end) {
    store.inboundCursor().save(settings.connectionId(), FEED, end);
  }

  private static Optional<SourceTable> table(String logicalName) {
    for (SourceTable table : SourceTable.values()) {
      if (table.logicalName().equals(logicalName)) {
        return Optional.of(table);
      }
    }
    return Optional.empty();
  }

  private static void logWindow(FeedWindow window, int read, MergeTally tally) {
    var log = tally.wroteAnything() ? LOG.atInfo() : LOG.atDebug();
    log.setMessage("Spotler changes read")
        .addKeyValue("from", window.from())
        .addKeyValue("to", window.to())
        .addKeyValue("contacts", read)
        .addKeyValue("merged", tally.merged)
        .addKeyValue("writtenToDynamics", tally.toDynamics)
        .addKeyValue("writtenToSpotler", tally.toSpotler)
        .addKeyValue("conflicts", tally.conflicts)
        .addKeyValue("changedMeanwhile", tally.changedMeanwhile)
        .log();
  }

  private void pollLoop() {
    while (running) {
      try {
        runOnce();
        pause(settings.pollInterval());
      } catch (RuntimeException e) {
        LOG.atWarn().log("reading Spotler's changes failed, will try again: {}", e.toString());
        pause(FAILURE_PAUSE);
      }
    }
  }

  private void pause(Duration duration) {
    try {
      Thread.sleep(Math.max(1, duration.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public synchronized void close() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        LOG.atWarn().log("the inbound sync thread did not stop within 30 s");
      }
    }
  }
}
